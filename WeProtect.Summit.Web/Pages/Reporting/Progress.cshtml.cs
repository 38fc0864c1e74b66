using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Web.Infrastructure.RateLimits;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Reporting;

namespace WeProtect.Summit.Web.Pages.Reporting;

/// <summary>The public figures of a published cycle: the reporting rate by sector and, per commitment, how many
/// endorsers report each status, as charts with the same numbers in tables, and as CSV, JSON and xlsx. Each commitment
/// links to its page, where narratives appear with their organisation's consent. A report its member keeps private
/// counts in the reporting rate and nowhere else. 404 until organisers publish the cycle.
/// The figures are those written at publication (<see cref="PublishedFigures"/>).</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
[RateLimited(RateLimitedAction.Download)]
public class ProgressModel(SummitDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record SectorRate(Sector Sector, int MustReport, int Submitted);

    public PublishedFigures.CyclePage Published { get; private set; } = null!;
    public IReadOnlyList<SectorRate> Rates { get; private set; } = [];
    /// <summary>Each commitment's name as its statement prints it, and its statement's title.</summary>
    public CommitmentNames Names { get; private set; } = CommitmentNames.None;

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken ct) => await LoadAsync(cycleId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int cycleId, CancellationToken ct) =>
        await LoadAsync(cycleId, ct) ? TableFiles.Csv(PublicFigures.Rows(Published, Names.In(Download)), FileName) : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(int cycleId, CancellationToken ct) =>
        await LoadAsync(cycleId, ct) ? TableFiles.Xlsx(PublicFigures.Rows(Published, Names.In(Download)), FileName, "Figures") : NotFound();

    public async Task<IActionResult> OnGetJsonAsync(int cycleId, CancellationToken ct) =>
        await LoadAsync(cycleId, ct) ? TableFiles.Json(PublicFigures.Rows(Published, Names.In(Download)), FileName) : NotFound();

    private string FileName => $"progress-{Published.Cycle.Id}";

    /// <summary>The downloads' headings and words are English whatever the page's language, their part names too.</summary>
    private static readonly LanguageTexts Download = new("en");

    private async Task<bool> LoadAsync(int cycleId, CancellationToken ct)
    {
        if (await PublishedFigures.CycleAsync(db, cycleId, ct) is not { } published) return false;
        Published = published;
        Names = await CommitmentNames.LoadAsync(db, published.Statements.Select(s => s.Id), l, ct);
        Rates = published.Reporters.GroupBy(r => r.Sector).OrderBy(g => g.Key)
            .Select(g => new SectorRate(g.Key, g.Count(), g.Count(r => r.Reported))).ToList();
        return true;
    }
}
