using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Statements;

using WeProtect.Summit.Web.Statements;

namespace WeProtect.Summit.Web.Pages.Statements.Manage;

/// <summary>Organisers decide on amendments. Accepting puts the wording at its anchor of the latest version
/// (<see cref="StatementAmender"/>) as a new version whose change note credits the proposer's organisation;
/// rejecting needs a reason. Either way the proposer is e-mailed. Two decisions at once: the amendment's concurrency
/// token and the unique version number let only one through; the other gets a message, not a 500.</summary>
public class AmendmentsModel(SummitDbContext db, StatementDesk desk) : PageModel
{
    public Statement Statement { get; private set; } = null!;
    public string SummitName { get; private set; } = "";
    public IReadOnlyList<Amendment> Pending { get; private set; } = [];
    public IReadOnlyList<Amendment> Decided { get; private set; } = [];
    public IReadOnlyDictionary<int, int> VersionNumbers { get; private set; } = new Dictionary<int, int>();
    /// <summary>Per pending amendment: its wording against the words at its anchor, word by word.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<WordDiff.Segment>> Changes { get; private set; } = new Dictionary<int, IReadOnlyList<WordDiff.Segment>>();
    /// <summary>The amendment whose rejection was refused for its reason, to show the error next to it.</summary>
    public int? FailedId { get; private set; }
    /// <summary>The reason as typed when it was refused (too long, say): kept in its field, never lost.</summary>
    public string? FailedReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(int id, int amendmentId, Guid? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await desk.AcceptAmendmentAsync(Statement, amendmentId, version, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { id }), () => ReshowAsync(id, ct));
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, int amendmentId, Guid? version, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await desk.RejectAmendmentAsync(Statement, amendmentId, version, reason, User.ToAuditActor(), ct);
        if (result.Refusal == DeskRefusal.Invalid) (FailedId, FailedReason) = (amendmentId, reason);
        return await this.AnswerAsync(result, () => RedirectToPage(new { id }), () => ReshowAsync(id, ct));
    }

    /// <summary>The lists again, as saved now (a refusal or conflict changed nothing).</summary>
    private async Task<IActionResult> ReshowAsync(int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var statement = await db.Statements.Include(s => s.Summit).Include(s => s.Versions).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (statement is null) return false;
        (Statement, SummitName) = (statement, statement.Summit.Name);
        var all = await db.Amendments.AsNoTracking().Where(a => a.StatementId == id).OrderBy(a => a.Id).ToListAsync(ct);
        Pending = all.Where(a => a.Status == AmendmentStatus.Pending).ToList();
        Decided = all.Where(a => a.Status != AmendmentStatus.Pending).OrderByDescending(a => a.DecidedUtc).ToList();
        VersionNumbers = statement.Versions.ToDictionary(v => v.Id, v => v.Number);
        // What each pending amendment would change, against the words it was proposed on (as Decidim shows it).
        var texts = statement.Versions.ToDictionary(v => v.Id, v => v.Text);
        Changes = Pending.ToDictionary(a => a.Id, a => WordDiff.Diff(
            texts.TryGetValue(a.StatementVersionId, out var text) ? WordDiff.WordsAt(text, a.Anchor) ?? "" : "", a.ProposedWording));
        return true;
    }

    /// <summary>The part an amendment is for, as readers name it in the version it was proposed on ("Government 1(b)"),
    /// not its anchor.</summary>
    public string PartName(Amendment amendment, IStringLocalizer l)
    {
        if (!partNames.TryGetValue(amendment.StatementVersionId, out var names))
        {
            var text = Statement.Versions.FirstOrDefault(v => v.Id == amendment.StatementVersionId)?.Text;
            var document = text is null ? null : StatementParser.Parse(text).Document;
            names = document is null ? new Dictionary<string, string>() : StatementPartNames.Of(document, l);
            partNames[amendment.StatementVersionId] = names;
        }
        return names.GetValueOrDefault(amendment.Anchor) ?? amendment.Anchor;
    }

    private readonly Dictionary<int, IReadOnlyDictionary<string, string>> partNames = [];
}
