namespace WeProtect.Summit.Data.Messages;

/// <summary>An organiser's message written again in another language: a delegate who reads that language receives
/// this subject and body instead of the message's own (<see cref="DelegateMessage.TextFor"/>). One per language per
/// message (a unique index).</summary>
public class DelegateMessageVersion
{
    public int Id { get; private set; }
    public int MessageId { get; private set; }
    /// <summary>An interface language's code, never the message's own language.</summary>
    public string Language { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";

    private DelegateMessageVersion() { }

    internal DelegateMessageVersion(string language, string subject, string body) =>
        (Language, Subject, Body) = (language, subject, body);
}
