using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Web.Pages.Reporting;

/// <summary>"Progress reports": for the signed-in user, every cycle in which an organisation they are a focal point
/// of must report, with where its report stands.</summary>
public class IndexModel(SummitDbContext db, UserManager<SummitUser> users) : PageModel
{
    public sealed record Row(ReportingCycle Cycle, int OrganisationId, string OrganisationName, int Commitments, ProgressReport? Latest);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool IsFocalPoint { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        var organisations = await db.ReportingFocalPoints.AsNoTracking().Unrevoked().Where(f => f.UserId == userId)
            .Select(f => f.OrganisationId).ToListAsync(ct);
        IsFocalPoint = organisations.Count > 0;
        if (!IsFocalPoint) return;
        var cycles = await db.ReportingCycles.AsNoTracking().Include(c => c.Summit).OrderByDescending(c => c.DeadlineUtc).ToListAsync(ct);
        var reports = await db.ProgressReports.AsNoTracking().Where(r => organisations.Contains(r.OrganisationId)).ToListAsync(ct);
        var rows = new List<Row>();
        foreach (var cycle in cycles)
        {
            var scope = await TrackedCommitments.OfCycleAsync(db, cycle.Id, ct);
            foreach (var reporter in scope?.Reporters.Where(r => organisations.Contains(r.OrganisationId)) ?? [])
                rows.Add(new Row(cycle, reporter.OrganisationId, reporter.FormalName, reporter.Commitments.Count,
                    reports.Where(r => r.CycleId == cycle.Id && r.OrganisationId == reporter.OrganisationId).MaxBy(r => r.Number)));
        }
        Rows = rows;
    }
}
