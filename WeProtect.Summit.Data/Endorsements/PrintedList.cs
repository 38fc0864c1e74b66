namespace WeProtect.Summit.Data.Endorsements;

/// <summary>The names of an "Agreed by" list pasted as printed: one per line, or run together ("Albania, Australia,
/// Korea, Republic of and Zambia."). Commas and semicolons separate names unless the register holds the longer name
/// they make ("Korea, Republic of"); a final "and" ("et", "y", "e", "و" in a list printed in French, Spanish,
/// Portuguese or Arabic) separates the last two when both are names; a closing full stop is dropped. What the
/// register does not hold is kept as written, for the page to name.</summary>
public static class PrintedList
{
    // The languages the Alliance's statements are printed in; Arabic's comma and semicolon separate names too.
    private static readonly string[] Conjunctions = ["and", "et", "y", "e", "&", "و"];
    private static readonly char[] Separators = [',', ';', '،', '؛'];

    public static IReadOnlyList<string> Names(string? text, Func<string, bool> known)
    {
        var names = new List<string>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.TrimEnd('.', '。').Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < parts.Length;)
            {
                // The longest run of parts that the register knows as one name, else the part alone.
                var taken = 1;
                for (var j = parts.Length; j > i + 1; j--)
                    if (known(string.Join(", ", parts[i..j]))) { taken = j - i; break; }
                var name = string.Join(", ", parts[i..(i + taken)]);
                names.AddRange(known(name) ? [name] : AroundAnd(name, known));
                i += taken;
            }
        }
        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>"Kenya and Zambia" as two names when both are known, or "and Zambia" as "Zambia"; else the text as it is.</summary>
    private static IEnumerable<string> AroundAnd(string text, Func<string, bool> known)
    {
        foreach (var and in Conjunctions)
        {
            if (text.StartsWith(and + " ", StringComparison.OrdinalIgnoreCase) && known(text[(and.Length + 1)..].Trim()))
                return [text[(and.Length + 1)..].Trim()];
            var spaced = " " + and + " ";
            for (var at = text.IndexOf(spaced, StringComparison.OrdinalIgnoreCase); at > 0; at = text.IndexOf(spaced, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var (before, after) = (text[..at].Trim(), text[(at + spaced.Length)..].Trim());
                if (known(before) && known(after)) return [before, after];
            }
        }
        return [text];
    }
}
