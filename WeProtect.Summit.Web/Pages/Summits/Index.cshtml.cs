using Microsoft.AspNetCore.OutputCaching;

namespace WeProtect.Summit.Web.Pages.Summits;

using WeProtect.Summit.Data.Summits;

/// <summary>The public list of summits: every summit that is not a draft.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class IndexModel(SummitDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Summit> Upcoming { get; private set; } = [];
    public IReadOnlyList<Summit> Past { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var rows = await db.Summits.AsNoTracking()
            .Where(s => s.Status != SummitStatus.Draft)
            .OrderBy(s => s.StartDate)
            .ToListAsync();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Upcoming = rows.Where(r => r.EndDate >= today).ToList();
        Past = rows.Where(r => r.EndDate < today).Reverse().ToList();
    }
}
