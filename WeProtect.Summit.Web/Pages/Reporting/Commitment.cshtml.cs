using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Reporting;

namespace WeProtect.Summit.Web.Pages.Reporting;

/// <summary>One commitment in a published cycle, for the public: how many endorsers report each status (a chart and
/// its table, from the figures written at publication) and the narratives of the organisations that consented to
/// publish theirs. 404 until the cycle is published, and for an anchor the cycle does not track.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class CommitmentModel(SummitDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public PublishedFigures.CommitmentPage Published { get; private set; } = null!;
    /// <summary>The commitment's name as its statement prints it ("Governments 1(b)"), never its anchor.</summary>
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int cycleId, int statementId, string anchor, CancellationToken ct)
    {
        if (await PublishedFigures.CommitmentAsync(db, cycleId, statementId, anchor, ct) is not { } published) return NotFound();
        Published = published;
        Name = (await CommitmentNames.LoadAsync(db, [statementId], l, ct)).Name(statementId, anchor);
        return Page();
    }
}
