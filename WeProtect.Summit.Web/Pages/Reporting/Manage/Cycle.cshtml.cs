using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Reporting;

namespace WeProtect.Summit.Web.Pages.Reporting.Manage;

/// <summary>Organisers: one cycle's progress (<see cref="CycleProgress"/>): who must report and where each report
/// stands, the status counts per commitment over the current submissions, "Remind" (those who have not submitted,
/// each once), "Publish" (after the deadline), and the CSV, xlsx and JSON of the current submissions.</summary>
public class CycleModel(SummitDbContext db, ReportingDesk desk, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Now, for the page's rules (<see cref="ReportingCycle.TakesReminders"/>, <see cref="ReportingCycle.IsPublishable"/>).</summary>
    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;
    public CycleProgress Progress { get; private set; } = null!;
    public ReportingCycle Cycle => Progress.Cycle;
    /// <summary>Each commitment's name as its statement prints it, and its statement's title.</summary>
    public CommitmentNames Names { get; private set; } = CommitmentNames.None;
    private IReadOnlyDictionary<int, string> languages = new Dictionary<int, string>();

    /// <summary>The authoritative language of a statement of the cycle: its commitments are shown in it.</summary>
    public Data.Languages.InterfaceLanguage LanguageOf(int statementId) =>
        Data.Languages.InterfaceLanguages.Get(languages.GetValueOrDefault(statementId) ?? Data.Languages.InterfaceLanguages.Default);

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken ct) =>
        await LoadAsync(cycleId, ct) ? Page() : NotFound();

    /// <summary>The note typed for the reminders, shown again with its error when it was refused.</summary>
    public string? ReminderNote { get; private set; }

    public async Task<IActionResult> OnPostRemindAsync(int cycleId, string? reminderNote, CancellationToken ct)
    {
        var result = await desk.RemindAsync(cycleId, reminderNote, User.ToAuditActor(), ct);
        if (result.Refusal != Data.Desks.DeskRefusal.Invalid) return this.Answer(result, () => RedirectToPage(new { cycleId }));
        this.AddErrors(result, _ => nameof(ReminderNote));
        ReminderNote = reminderNote;
        return await LoadAsync(cycleId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPublishAsync(int cycleId, CancellationToken ct) =>
        this.Answer(await desk.PublishAsync(cycleId, User.ToAuditActor(), ct), () => RedirectToPage(new { cycleId }));

    public async Task<IActionResult> OnGetCsvAsync(int cycleId, CancellationToken ct) =>
        await LoadAsync(cycleId, ct, entries: true) ? TableFiles.Csv(ProgressTable.Rows(Progress, Names.In(Download)), $"reporting-cycle-{cycleId}") : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(int cycleId, CancellationToken ct) =>
        await LoadAsync(cycleId, ct, entries: true) ? TableFiles.Xlsx(ProgressTable.Rows(Progress, Names.In(Download)), $"reporting-cycle-{cycleId}", "Progress") : NotFound();

    /// <summary>The same table as JSON: one object per row, keyed by the column headings.</summary>
    public async Task<IActionResult> OnGetJsonAsync(int cycleId, CancellationToken ct) =>
        await LoadAsync(cycleId, ct, entries: true) ? TableFiles.Json(ProgressTable.Rows(Progress, Names.In(Download)), $"reporting-cycle-{cycleId}") : NotFound();

    /// <summary>The downloads' headings and words are English whatever the page's language, their part names too.</summary>
    private static readonly LanguageTexts Download = new("en");

    /// <param name="entries">The downloads carry every answer; the page only counts them.</param>
    private async Task<bool> LoadAsync(int cycleId, CancellationToken ct, bool entries = false)
    {
        if (await CycleProgress.LoadAsync(db, cycleId, entries, ct) is not { } progress) return false;
        Progress = progress;
        Names = CommitmentNames.Of(progress.Scope, l);
        var ids = progress.Scope.Statements.Select(s => s.Id).ToList();
        languages = await db.Statements.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.AuthoritativeLanguage, ct);
        return true;
    }
}
