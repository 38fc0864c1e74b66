using System.Data.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Infrastructure;

using WeProtect.Summit.Web.Statements;

namespace WeProtect.Summit.Web.Pages.Statements.Manage;

/// <summary>Organisers decide on amendments. Accepting puts the wording at its anchor of the latest version
/// (<see cref="StatementAmender"/>) as a new version whose change note credits the proposer's organisation;
/// rejecting needs a reason. Either way the proposer is e-mailed. Two decisions at once: the amendment's concurrency
/// token and the unique version number let only one through; the other gets a message, not a 500.</summary>
public class AmendmentsModel(SummitDbContext db, AuditTrail audit, Notifier notifier, TimeProvider clock) : PageModel
{
    public Statement Statement { get; private set; } = null!;
    public string SummitName { get; private set; } = "";
    public IReadOnlyList<Amendment> Pending { get; private set; } = [];
    public IReadOnlyList<Amendment> Decided { get; private set; } = [];
    public IReadOnlyDictionary<int, int> VersionNumbers { get; private set; } = new Dictionary<int, int>();
    /// <summary>Per pending amendment: its wording against the words at its anchor, word by word.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<WordDiff.Segment>> Changes { get; private set; } = new Dictionary<int, IReadOnlyList<WordDiff.Segment>>();
    /// <summary>The amendment whose rejection reason was missing, to show the error next to it.</summary>
    public int? FailedId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(int id, int amendmentId, Guid? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await FindAsync(amendmentId, version) is not { } amendment) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = User.ToAuditActor();
        if (Statement.Latest is not { } latest) return Refuse("The statement has no text yet.");
        var proposedOn = Statement.Versions.First(v => v.Id == amendment.StatementVersionId);
        if (StatementAmender.ChangedSince(proposedOn.Text, latest.Text, amendment.Anchor) is { } stale)
            return Refuse($"Amendment #{amendment.Id} was proposed on version {proposedOn.Number} and cannot be accepted on version {latest.Number}: {stale}");
        var outcome = StatementAmender.Apply(latest.Text, amendment.Anchor, amendment.ProposedWording);
        if (!outcome.Succeeded) return Refuse($"Amendment #{amendment.Id} cannot be accepted on version {latest.Number}: {outcome.Refusal}");
        var credit = amendment.OrganisationName ?? amendment.ProposerName;
        var note = $"Amendment #{amendment.Id} by {credit} accepted: {amendment.Anchor}";
        var (added, refusal) = Statement.AddVersion(outcome.Result!, actor.UserId, actor.Name, note, now);
        if (added is null) return Refuse($"Amendment #{amendment.Id} cannot be accepted: {refusal}");
        if (amendment.Accept(added, actor.UserId ?? "", now) is { } already) return Refuse(already);
        // The statement's token too: a status step (to final) racing this acceptance cannot both succeed.
        Statement.Version = Guid.NewGuid();
        audit.Record(actor, "amendment.accepted", amendment,
            $"Amendment #{amendment.Id} accepted on {amendment.Anchor}: statement \"{Statement.Title}\" version {added.Number}");
        if (!await SaveAsync(amendment, ct)) return Page();
        this.ShowStatus($"Amendment #{amendment.Id} accepted: version {added.Number} holds the new wording. The proposer will be told by e-mail.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, int amendmentId, Guid? version, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await FindAsync(amendmentId, version) is not { } amendment) return Page();
        if (amendment.Reject(reason ?? "", User.ToAuditActor().UserId ?? "", clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            FailedId = amendment.Id;
            return Refuse(refusal);
        }
        audit.Record(User.ToAuditActor(), "amendment.rejected", amendment, $"Amendment #{amendment.Id} on {amendment.Anchor} of statement \"{Statement.Title}\" rejected");
        if (!await SaveAsync(amendment, ct)) return Page();
        this.ShowStatus($"Amendment #{amendment.Id} rejected. The proposer will be told by e-mail, with your reason.");
        return RedirectToPage(new { id });
    }

    /// <summary>The amendment, tracked and checked against the version of it the organiser saw; null with a message.</summary>
    private async Task<Amendment?> FindAsync(int amendmentId, Guid? version)
    {
        var amendment = await db.Amendments.FirstOrDefaultAsync(a => a.Id == amendmentId && a.StatementId == Statement.Id);
        if (amendment is null) { ModelState.AddModelError(string.Empty, "There is no such amendment to this statement."); return null; }
        if (version is null || version != amendment.Version)
        {
            ModelState.AddModelError(string.Empty, $"Amendment #{amendment.Id} changed after you opened this page (someone else may have decided on it). Nothing was changed.");
            return null;
        }
        db.Entry(amendment).Property(a => a.Version).OriginalValue = version.Value;
        amendment.Version = Guid.NewGuid();
        return amendment;
    }

    private async Task<bool> SaveAsync(Amendment amendment, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            notifier.Add(NotificationKinds.AmendmentDecided, amendment.Id);
            await audit.SaveChangesAsync(ct);
            await notifier.CommitAsync(tx, ct);
            return true;
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // Another organiser decided (this amendment, or another one that took the version number) at the same time.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            await LoadAsync(Statement.Id, ct);
            ModelState.AddModelError(string.Empty, "Someone else decided on an amendment at the same moment, so yours was not applied. Look at the list again. Nothing was changed.");
            return false;
        }
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(string.Empty, message + " Nothing was changed.");
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
}
