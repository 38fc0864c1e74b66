using System.Text;

namespace WeProtect.Summit.Data.Search;

/// <summary>The one rule for finding a name by what someone typed: case and accents ignored, culture-aware ("jose" finds
/// "José", "élodie" finds "Élodie", "иван" finds "Иван"). It runs in .NET over a small projection, never in SQL: the
/// providers' lower() and collations differ (SQLite's lower() knows only ASCII), and none ignores accents by default.</summary>
public static class TextSearch
{
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;
    private const CompareOptions Options = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    /// <summary>Whether <paramref name="value"/> holds <paramref name="typed"/> anywhere.</summary>
    public static bool Contains(string value, string typed) => Compare.IndexOf(Fold(value), Fold(typed), Options) >= 0;

    /// <summary>Arabic as people type it: the alef's hamza and madda forms (أ إ آ ٱ) as a bare alef, alef maqsura (ى) as
    /// yeh, teh marbuta (ة) as heh, short vowels and tatweel dropped ("احمد" finds "أحمد"). The culture's comparison
    /// treats these letters as different ones; an Arabic name is typed either way on a check-in desk.</summary>
    private static string Fold(string text)
    {
        if (!text.Any(c => c is >= '\u0600' and <= '\u06FF')) return text;
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u0623' or '\u0625' or '\u0622' or '\u0671': folded.Append('\u0627'); break;
                case '\u0649': folded.Append('\u064A'); break;
                case '\u0629': folded.Append('\u0647'); break;
                case '\u0640' or (>= '\u064B' and <= '\u065F') or '\u0670': break;
                default: folded.Append(c); break;
            }
        }
        return folded.ToString();
    }

    /// <summary>The words typed (at most <paramref name="max"/>), split at spaces.</summary>
    public static IReadOnlyList<string> Words(string? typed, int max) =>
        (typed ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(max).ToList();

    /// <summary>Whether every word is in <paramref name="value"/>, in any order: "ana lima" finds "Ana Maria Lima".</summary>
    public static bool ContainsEvery(string value, IEnumerable<string> words) => words.All(w => Contains(value, w));
}
