using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Web.Reporting;

namespace WeProtect.Summit.Web.Pages.Reporting.Manage;

/// <summary>Organisers: one cycle's progress. Who must report and where each report stands (submitted, draft, not
/// started; reminded), the counts of each status per commitment over the current submissions, "Remind" (the
/// organisations that have not submitted, each once), and the CSV of the current submissions.</summary>
public class CycleModel(SummitDbContext db, ReportingDesk desk) : PageModel
{
    public sealed record OrganisationRow(CycleScope.Reporter Reporter, ProgressReport? Current, ProgressReport? Draft, bool Reminded);

    public sealed record CommitmentRow(TrackedCommitment Commitment, string StatementTitle, int MustReport, IReadOnlyDictionary<CommitmentStatus, int> Counts);

    public ReportingCycle Cycle { get; private set; } = null!;
    public CycleScope Scope { get; private set; } = null!;
    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];
    public IReadOnlyList<CommitmentRow> Commitments { get; private set; } = [];
    public int Submitted => Organisations.Count(o => o.Current is not null);

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken ct) =>
        await LoadAsync(cycleId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRemindAsync(int cycleId, CancellationToken ct) =>
        this.Answer(await desk.RemindAsync(cycleId, User.ToAuditActor(), ct), () => RedirectToPage(new { cycleId }));

    /// <summary>One line per organisation and commitment it reports on, from its current submission (empty status
    /// when it has not submitted).</summary>
    public async Task<IActionResult> OnGetCsvAsync(int cycleId, CancellationToken ct)
    {
        if (!await LoadAsync(cycleId, ct)) return NotFound();
        var titles = Scope.Statements.ToDictionary(s => s.Id, s => s.Title);
        var zone = Cycle.Summit.TimeZoneId;
        var bytes = CsvExport.Write(csv =>
        {
            foreach (var header in new[] { "Organisation", "Sector", "Statement", "Anchor", "Status", "Narrative", "Evidence links", "Submission", $"Submitted ({zone})", "SHA-256" })
                csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in Organisations)
            {
                foreach (var c in row.Reporter.Commitments)
                {
                    var entry = row.Current?.Entries.FirstOrDefault(e => e.Key == c.Key);
                    csv.WriteField(row.Reporter.FormalName);
                    csv.WriteField(row.Reporter.Sector.ToString());
                    csv.WriteField(titles.GetValueOrDefault(c.StatementId) ?? "");
                    csv.WriteField(c.Anchor);
                    csv.WriteField(entry is null ? "" : ReportingView.Words(entry.Status));
                    csv.WriteField(entry?.Narrative ?? "");
                    csv.WriteField(entry is null ? "" : string.Join(" ", entry.Links));
                    csv.WriteField(row.Current?.Number.ToString(CultureInfo.InvariantCulture) ?? "");
                    csv.WriteField(row.Current?.SubmittedUtc is { } at ? Cycle.Summit.ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "");
                    csv.WriteField(row.Current?.ContentHash ?? "");
                    csv.NextRecord();
                }
            }
        });
        return File(bytes, CsvExport.ContentType, $"reporting-cycle-{Cycle.Id}.csv");
    }

    private async Task<bool> LoadAsync(int cycleId, CancellationToken ct)
    {
        var cycle = await db.ReportingCycles.AsNoTracking().Include(c => c.Summit).FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        var scope = await TrackedCommitments.OfCycleAsync(db, cycleId, ct);
        if (cycle is null || scope is null) return false;
        (Cycle, Scope) = (cycle, scope);
        var reports = await db.ProgressReports.AsNoTracking().Include(r => r.Entries)
            .Where(r => r.CycleId == cycleId && r.Status != ProgressReportStatus.Superseded).ToListAsync(ct);
        var reminded = await db.ReportReminders.AsNoTracking().Where(r => r.CycleId == cycleId).Select(r => r.OrganisationId).ToListAsync(ct);
        Organisations = scope.Reporters.Select(r => new OrganisationRow(r,
            reports.FirstOrDefault(x => x.OrganisationId == r.OrganisationId && x.Status == ProgressReportStatus.Submitted),
            reports.FirstOrDefault(x => x.OrganisationId == r.OrganisationId && x.Status == ProgressReportStatus.Draft),
            reminded.Contains(r.OrganisationId))).ToList();
        var titles = scope.Statements.ToDictionary(s => s.Id, s => s.Title);
        Commitments = scope.Commitments.Select(c =>
        {
            var reporting = Organisations.Where(o => o.Reporter.Commitments.Any(x => x.Key == c.Key)).ToList();
            var counts = Enum.GetValues<CommitmentStatus>().ToDictionary(s => s,
                s => reporting.Count(o => o.Current?.Entries.Any(e => e.Key == c.Key && e.Status == s) == true));
            return new CommitmentRow(c, titles.GetValueOrDefault(c.StatementId) ?? "", reporting.Count, counts);
        }).ToList();
        return true;
    }
}
