using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Notifications;

/// <summary>The organisers' own words added to a standard letter (a round of invitation reminders, a reporting
/// reminder), kept as they wrote them: trimmed, blank is none, line endings as LF (a browser's text area posts CRLF; a
/// letter's paragraphs are split on LF), at most <see cref="MaxLength"/> characters.</summary>
public static class OrganiserNote
{
    public const int MaxLength = 1000;

    public static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.ReplaceLineEndings("\n").Trim();

    /// <summary>Null when the cleaned note can be kept; else the refusal, beside <paramref name="field"/>.</summary>
    public static DeskResult? Refusal(string? cleaned, string field)
    {
        if (cleaned is null || cleaned.Length <= MaxLength) return null;
        return DeskResult.Invalid([(field, (DeskText)$"The note can be at most {MaxLength:N0} characters; it has {cleaned.Length:N0}.")]);
    }
}
