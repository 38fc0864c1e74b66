using System.Text.RegularExpressions;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Reporting;

/// <summary>A commitment or lettered item of a statement's final text (its anchor, e.g. <c>government-3.b</c>), with
/// the audience of the section it stands in.</summary>
public sealed partial record TrackedCommitment(int StatementId, string Anchor, string Text, StatementAudience Audience)
{
    /// <summary>The longest <see cref="Gist"/>, ellipsis included.</summary>
    public const int GistMaxLength = 120;

    /// <summary>The key of a commitment within a cycle (a cycle may cover several statements).</summary>
    public string Key => KeyOf(StatementId, Anchor);

    public static string KeyOf(int statementId, string anchor) => $"{statementId}/{anchor}";

    /// <summary>What a table shows of it beside its anchor, in the words of the text (inline Markdown): the bold title
    /// when it has one (its first paragraph), else its first sentence; cut at a word, with "…", when still longer than
    /// <see cref="GistMaxLength"/>.</summary>
    public string Gist => GistOf(Text);

    public static string GistOf(string text)
    {
        var first = text.Replace("\r\n", "\n").Split("\n\n", 2)[0].Replace('\n', ' ').Trim();
        if (SentenceEnd().Match(first) is { Success: true } end) first = first[..end.Index];
        if (first.Length <= GistMaxLength) return first;
        var cut = first.LastIndexOf(' ', GistMaxLength - 2);
        return first[..(cut > GistMaxLength / 2 ? cut : GistMaxLength - 1)].TrimEnd() + "…";
    }

    // A sentence ends at . ! ? (or the Arabic question mark) followed by a space, or at an ideographic full stop.
    [GeneratedRegex(@"(?<=[.!?؟])\s+|(?<=。)")]
    private static partial Regex SentenceEnd();
}
