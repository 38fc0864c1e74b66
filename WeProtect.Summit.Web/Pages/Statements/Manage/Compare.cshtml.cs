using DiffPlex;
using DiffPlex.Chunkers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Pages.Statements.Manage;

/// <summary>Two versions of a statement compared by anchor (which parts changed, were added or removed, each with its
/// word diff) and as a whole text word by word (DiffPlex), inline: deleted words in del, inserted words in ins, with
/// both change notes. Without from/to, the latest version against the one before.</summary>
public class CompareModel(SummitDbContext db) : PageModel
{
    public enum SegmentKind { Same, Deleted, Inserted }

    public sealed record Segment(SegmentKind Kind, string Text);

    public enum PartChange { Changed, Added, Removed }

    public sealed record PartDiff(string Anchor, PartChange Change, IReadOnlyList<Segment> Segments);

    public Statement Statement { get; private set; } = null!;
    public string SummitName { get; private set; } = "";
    public StatementVersion From { get; private set; } = null!;
    public StatementVersion To { get; private set; } = null!;
    public IReadOnlyList<StatementVersion> Versions { get; private set; } = [];
    public IReadOnlyList<Segment> Segments { get; private set; } = [];
    public IReadOnlyList<PartDiff> Parts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? from, int? to, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Summit).Include(s => s.Versions).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (statement is null) return NotFound();
        Statement = statement;
        SummitName = statement.Summit.Name;
        Versions = statement.Versions.OrderBy(v => v.Number).ToList();
        var latest = statement.Latest;
        if (latest is null) return NotFound();
        var toVersion = Versions.FirstOrDefault(v => v.Number == (to ?? latest.Number));
        var fromVersion = Versions.FirstOrDefault(v => v.Number == (from ?? Math.Max(1, (toVersion?.Number ?? 1) - 1)));
        if (toVersion is null || fromVersion is null) return NotFound();
        (From, To) = (fromVersion, toVersion);
        Segments = Diff(From.Text, To.Text);
        Parts = DiffByAnchor(From.Text, To.Text);
        return Page();
    }

    /// <summary>The parts whose words differ, anchor by anchor: in the newer version's order, then the parts that only
    /// the older one has. Anchors are positional: a commitment inserted mid-section renumbers those after it.</summary>
    public static IReadOnlyList<PartDiff> DiffByAnchor(string oldText, string newText)
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
        int a = 0, b = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(SegmentKind.Same, result.PiecesOld.Skip(a).Take(block.DeleteStartA - a));
            Add(SegmentKind.Deleted, result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(SegmentKind.Inserted, result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }
        Add(SegmentKind.Same, result.PiecesOld.Skip(a));
        return segments;
    }
}
