using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Reporting;

namespace WeProtect.Summit.Web.Pages.Reporting.Manage;

/// <summary>Organisers read one submission (every answer, its hash, whether the narratives may be published) and accept
/// it or ask the focal points a clarification. The form carries the report's token, so a newer submission or another
/// organiser's review meanwhile is reported as a conflict.</summary>
public class ReviewModel(SummitDbContext db, ReportingDesk desk, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class ReviewInput
    {
        public Guid Version { get; set; }
        [StringLength(ProgressReport.ReviewNoteMaxLength), Display(Name = "Note to the focal points (required to ask a clarification)")]
        public string? Note { get; set; }
    }

    [BindProperty] public ReviewInput Input { get; set; } = new();

    public ProgressReport Report { get; private set; } = null!;
    public ReportingCycle Cycle { get; private set; } = null!;
    public Organisation Organisation { get; private set; } = null!;
    /// <summary>Past the cycle's deadline no new submission can answer a clarification: only accepting is offered.</summary>
    public bool DeadlinePassed { get; private set; }
    public IReadOnlyDictionary<string, TrackedCommitment> Commitments { get; private set; } = new Dictionary<string, TrackedCommitment>();
    /// <summary>Each commitment's name as its statement prints it, and its statement's title.</summary>
    public CommitmentNames Names { get; private set; } = CommitmentNames.None;
    private IReadOnlyDictionary<int, string> languages = new Dictionary<int, string>();

    /// <summary>The language a commitment's words are in: its statement's authoritative language.</summary>
    public string LanguageOf(int statementId) => languages.GetValueOrDefault(statementId, Data.Languages.InterfaceLanguages.Default);

    public async Task<IActionResult> OnGetAsync(int reportId, CancellationToken ct)
    {
        if (!await LoadAsync(reportId, ct)) return NotFound();
        Input = new ReviewInput { Version = Report.Version, Note = Report.ReviewNote };
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(int reportId, CancellationToken ct) => DecideAsync(reportId, ReportReview.Accepted, ct);

    public Task<IActionResult> OnPostClarifyAsync(int reportId, CancellationToken ct) => DecideAsync(reportId, ReportReview.ClarificationAsked, ct);

    private async Task<IActionResult> DecideAsync(int reportId, ReportReview review, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            var posted = Input;
            if (!await LoadAsync(reportId, ct)) return NotFound();
            Input = posted;
            return Page();
        }
        var result = await desk.ReviewAsync(reportId, Input.Version, review, Input.Note, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Reporting/Manage/Cycle", new { cycleId = Cycle?.Id ?? result.Value?.CycleId }),
            async () =>
            {
                var posted = Input;
                if (!await LoadAsync(reportId, ct)) return NotFound();
                Input = posted;
                return Page();
            });
    }

    private async Task<bool> LoadAsync(int reportId, CancellationToken ct)
    {
        var report = await db.ProgressReports.AsNoTracking().Include(r => r.Entries).Include(r => r.Attachments).FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || report.Status == ProgressReportStatus.Draft) return false;
        var cycle = await db.ReportingCycles.AsNoTracking().Include(c => c.Summit).FirstAsync(c => c.Id == report.CycleId, ct);
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == report.OrganisationId, ct);
        var scope = await TrackedCommitments.OfCycleAsync(db, cycle.Id, ct);
        (Report, Cycle, Organisation) = (report, cycle, organisation);
        DeadlinePassed = cycle.RefuseReports(clock.GetUtcNow().UtcDateTime) is not null;
        Commitments = scope?.Commitments.ToDictionary(c => c.Key) ?? [];
        Names = scope is null ? CommitmentNames.None : CommitmentNames.Of(scope, l);
        var statementIds = report.Entries.Select(e => e.StatementId).Distinct().ToList();
        languages = await db.Statements.AsNoTracking().Where(s => statementIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.AuthoritativeLanguage, ct);
        return true;
    }
}
