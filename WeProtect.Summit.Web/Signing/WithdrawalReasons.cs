using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Web.Signing;

/// <summary>Why an endorsement was withdrawn, said to a reader: the words the signatory or organiser gave, as written,
/// or — when it ended because its organisation left the Alliance — that day, in the reader's language.</summary>
public static class WithdrawalReasons
{
    /// <param name="say">The reader's translation of a text with values (a localizer, or a document's <see cref="LanguageTexts.Format"/>).</param>
    /// <param name="culture">The culture the day is said in; the request's when none is given.</param>
    public static string Said(string? reason, DateOnly? leftAllianceOn, Func<string, object[], string> say, CultureInfo? culture = null) =>
        leftAllianceOn is { } day ? say("Left the Alliance on {0}.", [day.Said("d MMMM yyyy", culture)]) : reason ?? "";
}
