using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Statements;

namespace WeProtect.Summit.Web.Pages.Statements.Manage;

/// <summary>Two versions of a statement compared by anchor (which parts changed, were added or removed, each with its
/// word diff) and as a whole text word by word (DiffPlex), inline: deleted words in del, inserted words in ins, with
/// both change notes. Without from/to, the latest version against the one before.</summary>
public class CompareModel(SummitDbContext db) : PageModel
{
    public Statement Statement { get; private set; } = null!;
    public string SummitName { get; private set; } = "";
    public StatementVersion From { get; private set; } = null!;
    public StatementVersion To { get; private set; } = null!;
    public IReadOnlyList<StatementVersion> Versions { get; private set; } = [];
    public IReadOnlyList<WordDiff.Segment> Segments { get; private set; } = [];
    public IReadOnlyList<WordDiff.PartDiff> Parts { get; private set; } = [];

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
        Segments = WordDiff.Diff(From.Text, To.Text);
        Parts = WordDiff.ByAnchor(From.Text, To.Text);
        return Page();
    }
}
