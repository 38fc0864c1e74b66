using DiffPlex;
using DiffPlex.Chunkers;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Statements;

/// <summary>Word diffs of statement texts (DiffPlex): the whole text, anchor by anchor, or one amendment's wording
/// against the words it would replace. Shown by Pages/Shared/_WordDiff.cshtml.</summary>
public static class WordDiff
{
    public enum SegmentKind { Same, Deleted, Inserted }

    public sealed record Segment(SegmentKind Kind, string Text);

    public enum PartChange { Changed, Added, Removed }

    public sealed record PartDiff(string Anchor, PartChange Change, IReadOnlyList<Segment> Segments);

    /// <summary>The word diff as runs of same, deleted and inserted text, in reading order; joining the same and
    /// deleted runs gives the old text, the same and inserted runs the new one.</summary>
    public static IReadOnlyList<Segment> Diff(string oldText, string newText)
    {
        var result = Differ.Instance.CreateDiffs(oldText, newText, false, false, WordChunker.Instance);
        var segments = new List<Segment>();
        void Add(SegmentKind kind, IEnumerable<string> pieces)
        {
            var text = string.Concat(pieces);
            if (text.Length == 0) return;
            if (segments.Count > 0 && segments[^1].Kind == kind) segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            else segments.Add(new Segment(kind, text));
        }
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(SegmentKind.Same, result.PiecesOld.Skip(a).Take(block.DeleteStartA - a));
            Add(SegmentKind.Deleted, result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(SegmentKind.Inserted, result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add(SegmentKind.Same, result.PiecesOld.Skip(a));
        return segments;
    }

    /// <summary>The parts whose words differ, anchor by anchor: in the newer version's order, then the parts that only
    /// the older one has. Anchors are positional: a commitment inserted mid-section renumbers those after it.</summary>
    public static IReadOnlyList<PartDiff> ByAnchor(string oldText, string newText)
    {
        var oldParts = StatementParser.Parse(oldText).Document?.Parts().ToList() ?? [];
        var newParts = StatementParser.Parse(newText).Document?.Parts().ToList() ?? [];
        var oldByAnchor = oldParts.ToDictionary(p => p.Anchor, p => p.Text);
        var newAnchors = newParts.Select(p => p.Anchor).ToHashSet();
        var changes = new List<PartDiff>();
        foreach (var (anchor, text) in newParts)
        {
            if (!oldByAnchor.TryGetValue(anchor, out var old)) changes.Add(new(anchor, PartChange.Added, [new(SegmentKind.Inserted, text)]));
            else if (old != text) changes.Add(new(anchor, PartChange.Changed, Diff(old, text)));
        }
        foreach (var (anchor, text) in oldParts.Where(p => !newAnchors.Contains(p.Anchor)))
            changes.Add(new(anchor, PartChange.Removed, [new(SegmentKind.Deleted, text)]));
        return changes;
    }

    /// <summary>The words at <paramref name="anchor"/> in <paramref name="text"/>, or null when it has no such part.</summary>
    public static string? WordsAt(string text, string anchor) =>
        StatementParser.Parse(text).Document?.Parts().Where(p => p.Anchor == anchor).Select(p => p.Text).FirstOrDefault();
}
