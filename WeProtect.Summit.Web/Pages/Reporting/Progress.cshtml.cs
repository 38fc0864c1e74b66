using Microsoft.AspNetCore.OutputCaching;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Web.Reporting;

namespace WeProtect.Summit.Web.Pages.Reporting;

/// <summary>The public figures of a published cycle: the reporting rate by sector and, per commitment, how many
/// endorsers report each status, as charts with the same numbers in tables, and as CSV, JSON and xlsx. Each commitment
/// links to its page, where narratives appear with their organisation's consent. 404 until organisers publish the cycle.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class ProgressModel(SummitDbContext db) : PageModel
{
    public sealed record SectorRate(Sector Sector, int MustReport, int Submitted);

    public CycleProgress Progress { get; private set; } = null!;
    public IReadOnlyList<SectorRate> Rates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken ct) => await LoadAsync(cycleId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int cycleId, CancellationToken ct) =>
        await LoadAsync(cycleId, ct) ? TableFiles.Csv(PublicFigures.Rows(Progress), FileName) : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(int cycleId, CancellationToken ct) =>
        await LoadAsync(cycleId, ct) ? TableFiles.Xlsx(PublicFigures.Rows(Progress), FileName, "Figures") : NotFound();

    public async Task<IActionResult> OnGetJsonAsync(int cycleId, CancellationToken ct) =>
        await LoadAsync(cycleId, ct) ? TableFiles.Json(PublicFigures.Rows(Progress), FileName) : NotFound();

    private string FileName => $"progress-{Progress.Cycle.Id}";

    private async Task<bool> LoadAsync(int cycleId, CancellationToken ct)
    {
        if (await CycleProgress.LoadAsync(db, cycleId, ct) is not { Cycle.IsPublished: true } progress) return false;
        Progress = progress;
        Rates = progress.Organisations.GroupBy(o => o.Reporter.Sector).OrderBy(g => g.Key)
            .Select(g => new SectorRate(g.Key, g.Count(), g.Count(o => o.Current is not null))).ToList();
        return true;
    }
}
