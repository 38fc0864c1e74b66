using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Web.Pages.Reporting;

/// <summary>The public figures of a published cycle: the reporting rate by sector and, per commitment, how many
/// endorsers report each status. Figures only: no organisation's narrative is shown (publishing narratives waits for
/// members' consent per report). 404 until organisers publish the cycle.</summary>
public class ProgressModel(SummitDbContext db) : PageModel
{
    public sealed record SectorRate(Sector Sector, int MustReport, int Submitted);

    public CycleProgress Progress { get; private set; } = null!;
    public IReadOnlyList<SectorRate> Rates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken ct)
    {
        if (await CycleProgress.LoadAsync(db, cycleId, ct) is not { Cycle.IsPublished: true } progress) return NotFound();
        Progress = progress;
        Rates = progress.Organisations.GroupBy(o => o.Reporter.Sector).OrderBy(g => g.Key)
            .Select(g => new SectorRate(g.Key, g.Count(), g.Count(o => o.Current is not null))).ToList();
        return Page();
    }
}
