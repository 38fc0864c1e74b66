using WeProtect.Summit.Web.Localization;
using Htmx;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Web.Pages.Communiques.Manage;

/// <summary>Publishing one statement, for organisers: the Publish button while the statement is closed, then the
/// communiqué's progress as the job reports it in the database (status, attempts, last error, next attempt), the
/// Retry button once it failed for good, and the link to the jobs dashboard. While queued or generating, the status
/// block polls itself with htmx every two seconds; without JavaScript, the Refresh link does the same. The publish
/// form lists the live endorsements and sends back what it showed (<see cref="SignatoriesSeen"/>): if they changed
/// before the press, the desk refuses and the form comes back with the current list, as a page or, posted with htmx,
/// as the publish block alone.</summary>
public class IndexModel(SummitDbContext db, CommuniqueDesk desk, TimeProvider clock) : PageModel
{
    /// <summary>The evidence report of a published statement (organisers only: it names the people who signed),
    /// rendered now and signed like the communiqué.</summary>
    /// The report of one revision with <c>?revision=n</c> (its endorsements, events and checkpoint up to its
    /// publication), else of the current one.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(int statementId, int? revision, [FromServices] WeProtect.Summit.Web.Audit.AuditCheckpoints checkpoints,
        [FromServices] Pdf.SigningCertificates certificates, [FromServices] Pdf.TimestampAuthority timestamps, CancellationToken ct)
    {
        // For the organiser's own use: in the language they read this page in.
        var unsigned = await Pdf.EvidenceReport.RenderAsync(db, checkpoints, statementId, revision, Localization.LanguageTexts.OfRequest(), ct);
        if (unsigned is null) return NotFound();
        using var certificate = certificates.Current();
        var signed = await Pdf.PdfSigner.SignAsync(unsigned, certificate, null, timestamps.IfConfigured(), ct);
        return File(signed, "application/pdf", $"evidence-report-{statementId}{(revision is > 1 ? $"-revision-{revision}" : "")}.pdf");
    }

    public Statement Statement { get; private set; } = null!;
    public string SummitName { get; private set; } = "";
    public CommuniqueProgress? Communique { get; private set; }
    /// <summary>Live endorsements now: with none, publishing asks for <see cref="ConfirmNoSignatories"/>.</summary>
    public int LiveEndorsements { get; private set; }

    /// <summary>A live endorsement as the publish form lists it.</summary>
    /// <summary>One organisation the communiqué will list; <c>RecordedFrom</c> is where an endorsement recorded as printed was read.</summary>
    public sealed record ShownSignatory(int Id, string Organisation, string PrintedName, string PrintedPosition, DateTime SignedUtc, string? Declaration, string? RecordedFrom);

    /// <summary>The live endorsements, while the communiqué is not queued yet (the publish form lists them).</summary>
    public IReadOnlyList<ShownSignatory> Signatories { get; private set; } = [];
    /// <summary>What the publish form shows, posted back with it as <see cref="ShownCount"/> and <see cref="ShownNewestId"/>.</summary>
    public SignatoriesSeen Shown { get; private set; } = SignatoriesSeen.Nothing;
    /// <summary>The form is shown again because the list changed since the organiser's page was loaded.</summary>
    public bool ListChanged { get; private set; }
    /// <summary>The outcome of a publish posted with htmx, shown in the block that replaces the form.</summary>
    public string? Done { get; private set; }

    [BindProperty] public int ShownCount { get; set; }
    [BindProperty] public int ShownNewestId { get; set; }

    /// <summary>The published revisions, first to last.</summary>
    public IReadOnlyList<PublishedRevision> Revisions { get; private set; } = [];
    /// <summary>Endorsements signed (or withdrawn) since the latest revision's list: what a new revision would add.</summary>
    public int LateEndorsements { get; private set; }

    [BindProperty]
    public bool ConfirmNoSignatories { get; set; }

    public async Task<IActionResult> OnGetAsync(int statementId, CancellationToken ct) =>
        await LoadAsync(statementId, ct) ? Page() : NotFound();

    /// <summary>The status block alone, for htmx polling.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int statementId, CancellationToken ct)
    {
        if (!await LoadAsync(statementId, ct)) return NotFound();
        return Request.IsHtmx() ? Partial("_CommuniqueStatus", this) : RedirectToPage(new { statementId });
    }

    public async Task<IActionResult> OnPostPublishAsync(int statementId, CancellationToken ct)
    {
        if (!await LoadAsync(statementId, ct)) return NotFound();
        var seen = new SignatoriesSeen(ShownCount, ShownNewestId);
        var result = await desk.PublishAsync(statementId, User.ToAuditActor(), ConfirmNoSignatories, seen, ct);
        if (Request.IsHtmx())
        {
            // The publish block alone, in place of the form: the queued communiqué's status, or the form again with the reason.
            if (result.Answer == DeskAnswer.NotFound) return NotFound();
            if (result.Succeeded) Done = Localization.Translations.Of(HttpContext, result.Text);
            else this.AddErrors(result);
            await ReloadAsync(statementId, seen, ct);
            return Partial("_Publish", this);
        }
        return await this.AnswerAsync(result, () => RedirectToPage(new { statementId }), async () =>
        {
            await ReloadAsync(statementId, seen, ct);
            return Page();
        });
    }

    /// <summary>The page read again after a publish, and whether its list differs from the one the form had shown.</summary>
    private async Task ReloadAsync(int statementId, SignatoriesSeen posted, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(statementId, ct);
        ListChanged = Communique is null && posted != Shown;
    }

    /// <summary>The next revision of the published communiqué, with the late endorsements.</summary>
    public async Task<IActionResult> OnPostRevisionAsync(int statementId, CancellationToken ct)
    {
        if (!await LoadAsync(statementId, ct)) return NotFound();
        var result = await desk.PublishRevisionAsync(statementId, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { statementId }), async () =>
        {
            db.ChangeTracker.Clear();
            await LoadAsync(statementId, ct);
            return Page();
        });
    }

    public async Task<IActionResult> OnPostEndLateAsync(int statementId, CancellationToken ct)
    {
        if (!await LoadAsync(statementId, ct)) return NotFound();
        var result = await desk.EndLateEndorsementsAsync(statementId, User.ToAuditActor(), ct);
        return this.Answer(result, () => RedirectToPage(new { statementId }));
    }

    public async Task<IActionResult> OnPostRetryAsync(int statementId, CancellationToken ct)
    {
        if (!await LoadAsync(statementId, ct)) return NotFound();
        if (Communique is null) return NotFound();
        var result = await desk.RetryAsync(Communique.Id, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { statementId }), async () =>
        {
            db.ChangeTracker.Clear();
            await LoadAsync(statementId, ct);
            return Page();
        });
    }

    /// <summary>Generating, but its job's lease ran out (the node stopped): the sweep resumes it within two minutes.</summary>
    public bool Interrupted => Communique?.Interrupted(clock.GetUtcNow().UtcDateTime) == true;

    public bool InProgress => Communique?.Status is CommuniqueStatus.Queued or CommuniqueStatus.Generating;

    /// <summary>The zone the page's times are in: the summit's (times are stored in UTC).</summary>
    public string Zone => Statement.Summit.TimeZoneId;

    public Data.Summits.Summit Summit => Statement.Summit;

    /// <summary>A moment of the communiqué's progress on the summit's clock, to the second (the job moves in seconds).</summary>
    public string When(DateTime utc) => Summit.ToLocal(utc).Said("d MMMM yyyy, HH:mm:ss");

    public static string Describe(CommuniqueStatus status) => Data.Vocabulary.Words.Name(status);

    private async Task<bool> LoadAsync(int statementId, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Summit).FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null) return false;
        Statement = statement;
        SummitName = statement.Summit.Name;
        // Without the PDF bytes: this page only reports progress.
        // The latest revision (the first, until late endorsements make others).
        Communique = await db.Communiques.AsNoTracking().Where(c => c.StatementId == statementId).OrderByDescending(c => c.Revision)
            .Select(c => new CommuniqueProgress(c.Id, c.Status, c.QueuedUtc, c.Attempts, c.LastError, c.NextAttemptUtc,
                c.FailedUtc, c.PublishedUtc, c.LeaseUntilUtc, c.Sha256, c.SignatoryCount, c.SelfSignedCertificate, c.Revision, c.ListAsOfUtc))
            .FirstOrDefaultAsync(ct);
        if (Communique is null)
        {
            // The list the organiser publishes; the form sends back what it showed of it.
            Signatories = (await db.Endorsements.AsNoTracking().Where(e => e.StatementId == statementId && e.WithdrawnUtc == null)
                .Select(e => new ShownSignatory(e.Id, e.Organisation.FormalName, e.PrintedName, e.PrintedPosition, e.SignedUtc, e.Declaration, e.RecordedFrom))
                .ToListAsync(ct)).OrderBy(e => e.Organisation, StringComparer.CurrentCulture).ToList();
            Shown = SignatoriesSeen.Of(Signatories.Select(e => e.Id).ToList());
            LiveEndorsements = Signatories.Count;
        }
        else LiveEndorsements = await db.Endorsements.CountAsync(e => e.StatementId == statementId && e.WithdrawnUtc == null, ct);
        Revisions = await CommuniqueRevisions.PublishedAsync(db, statementId, ct);
        if (Revisions.Count > 0 && Revisions[^1].ListAsOfUtc is { } since)
            LateEndorsements = await db.Endorsements.CountAsync(e => e.StatementId == statementId && (e.SignedUtc > since || e.WithdrawnUtc > since), ct);
        return true;
    }
}
