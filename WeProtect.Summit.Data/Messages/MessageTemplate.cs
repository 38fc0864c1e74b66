using System.Globalization;
using System.Text.RegularExpressions;

namespace WeProtect.Summit.Data.Messages;

/// <summary>The placeholders an organiser may write in a message ({FullName}…), filled in per recipient when the
/// mail is composed. An unknown name is an error before anything is sent, never a literal "{Fulname}" in 400 inboxes.</summary>
public static partial class MessageTemplate
{
    public static readonly IReadOnlyList<(string Name, string Meaning)> Placeholders =
    [
        ("FullName", "the delegate's name, as registered"),
        ("Position", "the delegate's position"),
        ("Organisation", "the delegate's organisation"),
        ("SummitName", "the summit's name"),
        ("SummitDates", "the summit's dates, e.g. 8–9 June 2026"),
        ("City", "the summit's city"),
        ("Status", "the registration's status (Approved, Pending…)"),
        ("RegistrationLink", "the address of the delegate's registration page"),
        ("BadgeLink", "the address of the delegate's badge"),
        ("BreakoutsLink", "the address of My breakouts"),
    ];

    [GeneratedRegex(@"\{([^{}\r\n]{0,60})\}")]
    private static partial Regex Token();

    /// <summary>Every placeholder in <paramref name="text"/> that is not one of <see cref="Placeholders"/>.</summary>
    public static IReadOnlyList<string> Unknown(string? text) => Token().Matches(text ?? "").Select(m => m.Groups[1].Value)
        .Where(name => !Placeholders.Any(p => p.Name == name)).Distinct().ToList();

    public static string Render(string text, IReadOnlyDictionary<string, string> values) =>
        Token().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    /// <summary>The values for one recipient, in the message's language: <paramref name="language"/> formats the dates,
    /// <paramref name="say"/> translates a word of the app (the status); <paramref name="absolute"/> turns a path
    /// into the public address.</summary>
    public static Dictionary<string, string> ValuesFor(Registrations.Registration registration, Summits.Summit summit, Func<string, string> absolute,
        string? language, Func<string, string> say)
    {
        var culture = Languages.InterfaceLanguages.FormattingCulture(language);
        var dates = summit.StartDate == summit.EndDate ? summit.StartDate.ToString("d MMMM yyyy", culture)
            : summit.StartDate.Month == summit.EndDate.Month && summit.StartDate.Year == summit.EndDate.Year
                ? $"{summit.StartDate.Day.ToString(culture)}–{summit.EndDate.ToString("d MMMM yyyy", culture)}"
                : $"{summit.StartDate.ToString("d MMMM", culture)}–{summit.EndDate.ToString("d MMMM yyyy", culture)}";
        return new()
        {
            ["FullName"] = registration.FullName,
            ["Position"] = registration.Position,
            ["Organisation"] = registration.OrganisationName,
            ["SummitName"] = summit.Name,
            ["SummitDates"] = dates,
            ["City"] = summit.City,
            ["Status"] = say(Vocabulary.Words.Name(registration.Status)),
            ["RegistrationLink"] = absolute($"/Registration/Details/{registration.Id}"),
            ["BadgeLink"] = absolute($"/Registration/Badge/{registration.Id}"),
            ["BreakoutsLink"] = absolute("/Breakouts/Bookings"),
        };
    }
}
