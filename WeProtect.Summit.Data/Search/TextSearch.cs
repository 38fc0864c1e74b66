namespace WeProtect.Summit.Data.Search;

/// <summary>The one rule for finding a name by what someone typed: case and accents ignored, culture-aware ("jose" finds
/// "José", "élodie" finds "Élodie", "иван" finds "Иван"). It runs in .NET over a small projection, never in SQL: the
/// providers' lower() and collations differ (SQLite's lower() knows only ASCII), and none ignores accents by default.</summary>
public static class TextSearch
{
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;
    private const CompareOptions Options = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    /// <summary>Whether <paramref name="value"/> holds <paramref name="typed"/> anywhere.</summary>
    public static bool Contains(string value, string typed) => Compare.IndexOf(value, typed, Options) >= 0;

    /// <summary>The words typed (at most <paramref name="max"/>), split at spaces.</summary>
    public static IReadOnlyList<string> Words(string? typed, int max) =>
        (typed ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(max).ToList();

    /// <summary>Whether every word is in <paramref name="value"/>, in any order: "ana lima" finds "Ana Maria Lima".</summary>
    public static bool ContainsEvery(string value, IEnumerable<string> words) => words.All(w => Contains(value, w));
}
