using System.Reflection;

namespace WeProtect.Summit.Data.Geography;

/// <summary>The countries and territories a summit, a government or a delegate may name, by two-letter code, with
/// English short names. Two files, both shipped with the code so that the list does not depend on the host's ICU data
/// or globalization mode:
/// <list type="bullet">
/// <item><c>iso-3166-1.csv</c>: the ISO 3166-1 alpha-2 codes (from Debian's iso-codes);</item>
/// <item><c>user-assigned-codes.csv</c>: the few codes from ISO's user-assigned range (AA, QM–QZ, XA–XZ, ZZ) that
/// intergovernmental bodies use for a government without an ISO code, such as <c>XK</c> for Kosovo (the European
/// Commission's and the IMF's usage). This file is the one place to add such a code; see DEVELOPERS.md.</item>
/// </list>
/// Every check of a country code (organisation form and CSV import, summit, registration) goes through
/// <see cref="IsKnown"/>, so a code added there is accepted everywhere.</summary>
public static class Countries
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> ByCode = new(Load);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> UserAssignedByCode = new(() => Read("user-assigned-codes.csv"));

    public static IReadOnlyDictionary<string, string> All => ByCode.Value;

    /// <summary>The user-assigned codes in <see cref="All"/> (not ISO 3166-1 codes): XK, Kosovo.</summary>
    public static IReadOnlyDictionary<string, string> UserAssigned => UserAssignedByCode.Value;

    public static bool IsKnown(string? code) => code is not null && All.ContainsKey(code);

    public static string NameOf(string? code) =>
        code is not null && All.TryGetValue(code, out var name) ? name : "";

    /// <summary>The name of <paramref name="code"/> in an interface <paramref name="language"/> ("fr": "Émirats arabes
    /// unis"), from <c>iso-3166-1.&lt;language&gt;.csv</c> (Debian iso-codes' translations, written by
    /// <c>scripts/country-names.py</c>: .NET has no public API for a region's name in a chosen language); the English name
    /// where that file has none or for English.</summary>
    public static string NameOf(string? code, string? language)
    {
        if (code is null || !All.ContainsKey(code)) return "";
        return language is not null && Translated.GetOrAdd(language, TranslationsOf).TryGetValue(code, out var name) ? name : All[code];
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Translated = new(StringComparer.Ordinal);

    /// <summary>The names in <paramref name="language"/>'s file, by code: a line for every code (checked by a test).</summary>
    public static IReadOnlyDictionary<string, string> NamesIn(string language) => Translated.GetOrAdd(language, TranslationsOf);

    /// <summary>The names of one language's file; none for English or a language without a file.</summary>
    private static IReadOnlyDictionary<string, string> TranslationsOf(string language) =>
        HasNamesIn(language) ? Read(FileOf(language)) : new Dictionary<string, string>();

    /// <summary>The embedded file of <paramref name="language"/>'s country names.</summary>
    public static string FileOf(string language) => $"iso-3166-1.{language}.csv";

    /// <summary>Whether <paramref name="language"/> has a file of country names (checked for every interface language).</summary>
    public static bool HasNamesIn(string language) => Assembly.GetExecutingAssembly().GetManifestResourceInfo(FileOf(language)) is not null;

    private static IReadOnlyDictionary<string, string> Load()
    {
        var map = new SortedDictionary<string, string>(Read("iso-3166-1.csv"), StringComparer.Ordinal);
        foreach (var (code, name) in UserAssigned)
        {
            // A user-assigned code is never an ISO one; if ISO ever assigns it, the file must lose the line.
            if (!IsUserAssignedRange(code) || !map.TryAdd(code, name))
                throw new InvalidOperationException($"user-assigned-codes.csv: {code} is not a free user-assigned code.");
        }
        return map;
    }

    /// <summary>ISO 3166-1's user-assigned alpha-2 range: AA, QM to QZ, XA to XZ and ZZ.</summary>
    public static bool IsUserAssignedRange(string code) =>
        code is "AA" or "ZZ" || (code.Length == 2 && ((code[0] == 'Q' && code[1] is >= 'M' and <= 'Z') || (code[0] == 'X' && code[1] is >= 'A' and <= 'Z')));

    private static Dictionary<string, string> Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded");
        using var reader = new StreamReader(stream);
        using var csv = new CsvHelper.CsvReader(reader, new CsvHelper.Configuration.CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture));
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in csv.GetRecords<Row>()) map[row.alpha2] = row.name;
        return map;
    }

    private sealed record Row(string alpha2, string name);
}
