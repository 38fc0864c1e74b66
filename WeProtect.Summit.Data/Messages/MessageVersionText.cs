namespace WeProtect.Summit.Data.Messages;

/// <summary>A message's text in another language as the compose form posts it; both parts empty means no version.</summary>
public sealed record MessageVersionText(string? Language, string? Subject, string? Body)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Subject) && string.IsNullOrWhiteSpace(Body);
}
