using System.Reflection;

namespace WeProtect.Summit.Data.Geography;

/// <summary>ISO 3166-1 alpha-2 codes with English short names, shipped with the code (from Debian's iso-codes)
/// so that the list does not depend on the host's ICU data or globalization mode.</summary>
public static class Countries
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> ByCode = new(Load);

    public static IReadOnlyDictionary<string, string> All => ByCode.Value;

    public static bool IsKnown(string? code) => code is not null && All.ContainsKey(code);

    public static string NameOf(string? code) =>
        code is not null && All.TryGetValue(code, out var name) ? name : "";

    private static IReadOnlyDictionary<string, string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("iso-3166-1.csv")
            ?? throw new InvalidOperationException("iso-3166-1.csv is not embedded");
        using var reader = new StreamReader(stream);
        using var csv = new CsvHelper.CsvReader(reader, new CsvHelper.Configuration.CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture));
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in csv.GetRecords<Row>()) map[row.alpha2] = row.name;
        return map;
    }

    private sealed record Row(string alpha2, string name);
}
