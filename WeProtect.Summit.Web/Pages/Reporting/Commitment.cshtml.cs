using Microsoft.AspNetCore.OutputCaching;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Web.Pages.Reporting;

/// <summary>One commitment in a published cycle, for the public: how many endorsers report each status (a chart and
/// its table, from the figures written at publication) and the narratives of the organisations that consented to
/// publish theirs. 404 until the cycle is published, and for an anchor the cycle does not track.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class CommitmentModel(SummitDbContext db) : PageModel
{
    public PublishedFigures.CommitmentPage Published { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int cycleId, int statementId, string anchor, CancellationToken ct)
    {
        if (await PublishedFigures.CommitmentAsync(db, cycleId, statementId, anchor, ct) is not { } published) return NotFound();
        Published = published;
        return Page();
    }
}
