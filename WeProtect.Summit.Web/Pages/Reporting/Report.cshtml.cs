using System.ComponentModel.DataAnnotations;
using Htmx;
using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Reporting;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Reporting;

/// <summary>One organisation's report in one cycle, for its focal points: per commitment a status, a narrative and
/// evidence links. "Save draft" (and, with JavaScript, htmx saving as the focal point types) keeps a draft under the
/// report's concurrency token; "Submit" saves, then freezes the draft with a fresh authenticator code. After a
/// submission the form shows it, and saving starts the next submission. PDFs are attached to (and removed from) the
/// draft by forms of their own. Anyone but a focal point gets 403.</summary>
// Room for the multipart framing around a file over the limit, so that the handler answers with a message, not 413.
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[RequestSizeLimit(RequestLimit)]
[RateLimited(RateLimitedAction.Upload)]
public class ReportModel(SummitDbContext db, ReportingDesk desk, AuthenticatorStepUp stepUp, UserManager<SummitUser> users, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class EntryForm
    {
        public int StatementId { get; set; }
        [StringLength(100)] public string Anchor { get; set; } = "";
        public CommitmentStatus Status { get; set; }
        [StringLength(ProgressEntry.NarrativeMaxLength)] public string? Narrative { get; set; }
        [StringLength((ProgressEntry.LinkMaxLength + 1) * ProgressEntry.MaxLinks)] public string? EvidenceLinks { get; set; }
    }

    public sealed class ReportInput
    {
        /// <summary>The draft's concurrency token the form was read with; empty when it showed no draft.</summary>
        public Guid? Version { get; set; }
        public List<EntryForm> Entries { get; set; } = [];
        /// <summary>What the public may see of this report once the cycle is published; absent, the draft keeps its choice.</summary>
        public ReportPublication? Publication { get; set; }
        [StringLength(10), Display(Name = "Code from your authenticator app")]
        public string? Code { get; set; }
    }

    private const int RequestLimit = ReportAttachment.MaxBytes + 1024 * 1024;

    /// <summary>The upload's rule, its messages in the page's language.</summary>
    private UploadRule AttachmentRule => new(ReportAttachment.MaxBytes, Text("Choose a PDF file to attach."), Text("The file is empty."),
        name => Text("{0} is larger than {1} MB: attach a smaller copy (compress the images, or split it).", name, ReportAttachment.MaxBytes / (1024 * 1024)));

    [BindProperty] public ReportInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }

    public ReportingCycle Cycle { get; private set; } = null!;
    public Organisation Organisation { get; private set; } = null!;
    public CycleScope.Reporter? Reporter { get; private set; }
    /// <summary>Each commitment's name as its statement prints it, and its statement's title.</summary>
    public CommitmentNames Names { get; private set; } = CommitmentNames.None;
    public ProgressReport? Draft { get; private set; }
    public IReadOnlyList<ProgressReport> Submissions { get; private set; } = [];
    /// <summary>Why no report can be drafted or submitted now (the window, or the organisation's endorsement ended), or null.</summary>
    public string? Closed { get; private set; }
    /// <summary><see cref="Closed"/> says the organisation's endorsement ended: its submitted report stays, nothing new comes.</summary>
    public bool Ended { get; private set; }
    public bool TwoFactor { get; private set; }
    public string? SavedMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cycleId, int organisationId, CancellationToken ct)
    {
        if (await GuardAsync(cycleId, organisationId, ct) is { } stop) return stop;
        FillFromReport();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int cycleId, int organisationId, CancellationToken ct)
    {
        if (await GuardAsync(cycleId, organisationId, ct) is { } stop) return stop;
        var result = await SaveAsync(cycleId, organisationId, ct);
        if (result.Refusal == DeskRefusal.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        if (Request.IsHtmx())
        {
            // Saving as they type: the new token goes back into the form, the outcome into the save line.
            SavedMessage = result.Succeeded ? Text("Draft saved at {0}.", ReportingView.InZone(Cycle.Summit, clock.GetUtcNow().UtcDateTime)) : Localization.Translations.Of(HttpContext, result.Text);
            if (result.Succeeded) Input.Version = result.Value!.Version;
            return Partial("_SaveState", this);
        }
        return await this.AnswerAsync(result, () => RedirectToPage(new { cycleId, organisationId }), () => ReshowAsync(cycleId, organisationId, ct), Field);
    }

    public async Task<IActionResult> OnPostSubmitAsync(int cycleId, int organisationId, CancellationToken ct)
    {
        if (await GuardAsync(cycleId, organisationId, ct) is { } stop) return stop;
        Response.Headers.CacheControl = "no-cache, no-store";
        var saved = await SaveAsync(cycleId, organisationId, ct);
        if (saved.Refusal == DeskRefusal.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        if (!saved.Succeeded)
            return await this.AnswerAsync(saved, () => RedirectToPage(new { cycleId, organisationId }), () => ReshowAsync(cycleId, organisationId, ct), Field);
        var userId = users.GetUserId(User)!;
        var code = Input.Code;
        var result = await TranslatedAsync(await desk.SubmitAsync(cycleId, organisationId, saved.Value!.Version, userId, User.ToAuditActor(), c => stepUp.VerifyAsync(userId, code, StepUpAct.Submitting, c), ct), ct);
        if (result.Refusal == DeskRefusal.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        if (!result.Succeeded) Input.Version = saved.Value.Version;
        Input.Code = "";
        return await this.AnswerAsync(result, () => RedirectToPage(new { cycleId, organisationId }), () => ReshowAsync(cycleId, organisationId, ct), Field);
    }

    /// <summary>Attaches a PDF to the draft (starting one when the page showed none); the page is then read again,
    /// with the draft's new token.</summary>
    public async Task<IActionResult> OnPostAttachAsync(int cycleId, int organisationId, CancellationToken ct)
    {
        if (await GuardAsync(cycleId, organisationId, ct) is { } stop) return stop;
        var posted = Input.Version;
        ModelState.Clear();
        var content = await this.ReadUploadAsync(nameof(Upload), Upload, AttachmentRule, ct);
        if (content is null) return ReshowAttachmentError();
        var result = await desk.AttachAsync(cycleId, organisationId, posted, Upload!.FileName, content, users.GetUserId(User)!, User.ToAuditActor(), ct);
        if (result.Refusal == DeskRefusal.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        return await this.AnswerAsync(result, () => RedirectToPage(new { cycleId, organisationId }), () =>
        {
            FillFromReport();
            return Task.FromResult<IActionResult>(Page());
        }, field => field == nameof(ReportAttachment.Content) ? nameof(Upload) : field);

        IActionResult ReshowAttachmentError()
        {
            FillFromReport();
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(int cycleId, int organisationId, int attachmentId, CancellationToken ct)
    {
        if (await GuardAsync(cycleId, organisationId, ct) is { } stop) return stop;
        var result = await desk.RemoveAttachmentAsync(cycleId, organisationId, attachmentId, Input.Version ?? Guid.Empty, users.GetUserId(User)!, User.ToAuditActor(), ct);
        if (result.Refusal == DeskRefusal.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        return this.Answer(result, () => RedirectToPage(new { cycleId, organisationId }));
    }

    private async Task<DeskResult<ProgressReport>> SaveAsync(int cycleId, int organisationId, CancellationToken ct)
    {
        // A choice of publication that is none of the three (the binder leaves it empty) is said, not taken as "keep".
        var noChoice = ModelState.TryGetValue("Input.Publication", out var posted) && posted.Errors.Count > 0;
        ModelState.Clear();
        if (noChoice)
            return DeskResult.Invalid([(nameof(ProgressReport.Publication), (DeskText)"Choose what may be published of this report.")]).With<ProgressReport>();
        if (!TryValidateModel(Input, nameof(Input)))
            return DeskResult.Refused("Some answers are too long: shorten them and save again.", DeskRefusal.Invalid).With<ProgressReport>();
        var entries = Input.Entries.Select(e => new ReportingDesk.EntryInput(e.StatementId, e.Anchor ?? "", e.Status, e.Narrative, e.EvidenceLinks)).ToList();
        return await desk.SaveAsync(cycleId, organisationId, Input.Version, entries, Input.Publication, users.GetUserId(User)!, User.ToAuditActor(), ct);
    }

    /// <summary>A desk error keyed "statement/anchor" goes beside that commitment's narrative; one on the choice of
    /// publication beside it.</summary>
    private string Field(string key)
    {
        if (key == nameof(ProgressReport.Publication)) return "Input.Publication";
        var index = Input.Entries.FindIndex(e => TrackedCommitment.KeyOf(e.StatementId, e.Anchor) == key);
        return index < 0 ? string.Empty : $"Input.Entries[{index}].Narrative";
    }

    /// <summary>The page again with what was posted (the focal point's words are not lost).</summary>
    private async Task<IActionResult> ReshowAsync(int cycleId, int organisationId, CancellationToken ct)
    {
        var posted = Input;
        await LoadAsync(cycleId, organisationId, ct);
        Input = posted;
        return Page();
    }

    /// <summary>404 for what does not exist, 403 for someone who is not a focal point of the organisation.</summary>
    private async Task<IActionResult?> GuardAsync(int cycleId, int organisationId, CancellationToken ct)
    {
        if (!await LoadAsync(cycleId, organisationId, ct)) return NotFound();
        if (!await desk.IsFocalPointAsync(users.GetUserId(User)!, organisationId, ct)) return StatusCode(StatusCodes.Status403Forbidden);
        return null;
    }

    private async Task<bool> LoadAsync(int cycleId, int organisationId, CancellationToken ct)
    {
        var cycle = await db.ReportingCycles.AsNoTracking().Include(c => c.Summit).FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (cycle is null || organisation is null) return false;
        (Cycle, Organisation) = (cycle, organisation);
        var scope = await TrackedCommitments.OfCycleAsync(db, cycleId, ct);
        Reporter = scope?.Of(organisationId);
        Names = scope is null ? CommitmentNames.None : CommitmentNames.Of(scope, l);
        var reports = await db.ProgressReports.AsNoTracking().Include(r => r.Entries).Include(r => r.Attachments)
            .Where(r => r.CycleId == cycleId && r.OrganisationId == organisationId).OrderByDescending(r => r.Number).ToListAsync(ct);
        Draft = reports.FirstOrDefault(r => r.Status == ProgressReportStatus.Draft);
        Submissions = reports.Where(r => r.Status != ProgressReportStatus.Draft).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        // The desk's rule: an organisation kept in the cycle by its earlier report (it left the Alliance) reports no more.
        var ended = Reporter is null ? null : await desk.RefuseNewReportAsync(cycle, Reporter, ct);
        Ended = ended is not null;
        Closed = (ended ?? cycle.RefuseReports(now)) is { } closed ? Localization.Translations.Of(HttpContext, closed) : null;
        var userId = users.GetUserId(User);
        TwoFactor = await db.Users.AnyAsync(u => u.Id == userId && u.TwoFactorEnabled, ct);
        return true;
    }

    /// <summary>The form from the draft, else the current submission, else every commitment not started (and figures
    /// only, the default publication).</summary>
    private void FillFromReport()
    {
        var source = Draft ?? Submissions.FirstOrDefault(r => r.Status == ProgressReportStatus.Submitted);
        Input = new ReportInput
        {
            Version = Draft?.Version,
            Publication = source?.Publication ?? ReportPublication.FiguresOnly,
            Entries = (Reporter?.Commitments ?? []).Select(c =>
            {
                var e = source?.Entries.FirstOrDefault(x => x.Key == c.Key);
                return new EntryForm { StatementId = c.StatementId, Anchor = c.Anchor, Status = e?.Status ?? CommitmentStatus.NotStarted, Narrative = e?.Narrative, EvidenceLinks = e?.EvidenceLinks };
            }).ToList(),
        };
    }

    private string Text(string text) => Localization.Translations.OrKey(HttpContext, text);

    private string Text(string format, params object[] values) => Localization.Translations.OrKey(HttpContext, format, values);

    /// <summary>The submission's answer in the page's language: the desk words a success and a failed code with
    /// values or a tail ("… Nothing was submitted."), which are translated here part by part.</summary>
    private async Task<DeskResult<ProgressReport>> TranslatedAsync(DeskResult<ProgressReport> result, CancellationToken ct)
    {
        const string supersedes = " It supersedes your organisation's previous submission.";
        const string nothing = " Nothing was submitted.";
        if (result.Succeeded && result.Value is { } report)
        {
            // The hash as stored (the desk's entity may be the draft this request tracked before the submission).
            var hash = await db.ProgressReports.AsNoTracking().Where(r => r.Id == report.Id).Select(r => r.ContentHash).FirstAsync(ct);
            return result with { Text = Text("Submitted: submission {0}, SHA-256 {1}.", report.Number, hash ?? "")
                + (result.Message.EndsWith(supersedes, StringComparison.Ordinal) ? " " + Text(supersedes.Trim()) : "") };
        }
        if (result.Message.EndsWith(nothing, StringComparison.Ordinal))
            return result with { Text = Text(result.Message[..^nothing.Length]) + " " + Text(nothing.Trim()) };
        return result;
    }

    public TrackedCommitment? Commitment(EntryForm entry) =>
        Reporter?.Commitments.FirstOrDefault(c => c.StatementId == entry.StatementId && c.Anchor == entry.Anchor);

    public ProgressReport? Current => Submissions.FirstOrDefault(r => r.Status == ProgressReportStatus.Submitted);
}
