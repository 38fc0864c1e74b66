using System.Text.RegularExpressions;

namespace WeProtect.Summit.Tests.Support;

/// <summary>What must never be in a log line: an e-mail address, a passport-like number, a terminal escape, a forged
/// line break from input, or any of the personal values a test knows it handed to the app (names, addresses, tokens).
/// One rule for the log test of a journey (<c>LogContentTests</c>) and for the check every test app makes of all it
/// logged when it stops (<see cref="SummitAppFactory"/>), so the whole run is searched.</summary>
public static partial class LogLeaks
{
    public static IReadOnlyList<string> In(IEnumerable<string> lines, IEnumerable<string> known)
    {
        var values = known.Where(v => v.Length >= 6).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return lines.Where(line => values.Any(v => line.Contains(v, StringComparison.OrdinalIgnoreCase))
            || EmailPattern().IsMatch(line) || PassportPattern().IsMatch(line) || line.Contains('\u001b') || line.Contains("FAKE LINE")).ToList();
    }

    public static string Describe(IReadOnlyList<string> leaks, int of) =>
        $"{leaks.Count} of {of} log lines carry personal data or escapes:\n" + string.Join("\n", leaks.Take(20));

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+")]
    private static partial Regex EmailPattern();

    /// <summary>A passport-like number: one or two capitals then 6 to 9 digits.</summary>
    [GeneratedRegex(@"\b[A-Z]{1,2}\d{6,9}\b")]
    private static partial Regex PassportPattern();
}
