using Microsoft.AspNetCore.OutputCaching;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Web.Pages.Reporting;

/// <summary>One member's record across the published cycles, for the public: per cycle, whether it reported and the
/// status it gave each of its commitments (narratives only where it consented). Unpublished cycles are not shown.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class MemberModel(SummitDbContext db) : PageModel
{
    public sealed record CycleRecord(CycleProgress Progress, CycleProgress.Organisation Row);

    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<CycleRecord> Cycles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken ct)
    {
        if (await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct) is not { } organisation) return NotFound();
        Organisation = organisation;
        var published = await db.ReportingCycles.AsNoTracking().Where(c => c.PublishedUtc != null)
            .OrderByDescending(c => c.DeadlineUtc).Select(c => c.Id).ToListAsync(ct);
        var cycles = new List<CycleRecord>();
        foreach (var cycleId in published)
        {
            if (await CycleProgress.LoadAsync(db, cycleId, ct) is { } progress
                && progress.Organisations.FirstOrDefault(o => o.Reporter.OrganisationId == organisationId) is { } row)
                cycles.Add(new CycleRecord(progress, row));
        }
        Cycles = cycles;
        return Page();
    }
}
