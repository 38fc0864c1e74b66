using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Reporting;

namespace WeProtect.Summit.Web.Pages.Reporting;

/// <summary>One member's record across the published cycles, for the public: per cycle, whether it reported and the
/// status it gave each of its commitments (narratives only where it consented; a report it keeps private is said to be
/// reported, and nothing more: not its statuses, nor its hash, from which statuses alone could be guessed). Unpublished cycles are not shown;
/// a published cycle shows what it counted at publication (<see cref="PublishedFigures"/>).</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class MemberModel(SummitDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<PublishedFigures.MemberCycle> Cycles { get; private set; } = [];
    /// <summary>Each commitment's name as its statement prints it, and its statement's title.</summary>
    public CommitmentNames Names { get; private set; } = CommitmentNames.None;

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken ct)
    {
        if (await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct) is not { } organisation) return NotFound();
        Organisation = organisation;
        Cycles = await PublishedFigures.MemberAsync(db, organisationId, ct);
        Names = await CommitmentNames.LoadAsync(db, Cycles.SelectMany(c => c.Commitments).Select(c => c.StatementId), l, ct);
        return Page();
    }
}
