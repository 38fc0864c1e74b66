using Microsoft.Extensions.Localization;

namespace WeProtect.Summit.Web.Mail;

/// <summary>The organisers' note (<see cref="Data.Notifications.OrganiserNote"/>) as a letter prints it: under a heading
/// in the letter's language, the note itself as they wrote it, in whatever language they wrote it.</summary>
public static class LetterNote
{
    /// <summary>The note's paragraphs, ending with a paragraph break; empty when there is no note.</summary>
    public static string Paragraphs(IStringLocalizer words, string? note) =>
        note is null ? "" : words["A note from the secretariat:"].Value + "\n\n" + note + "\n\n";
}
