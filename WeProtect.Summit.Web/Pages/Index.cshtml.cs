using WeProtect.Summit.Data.Summits;
using Microsoft.AspNetCore.OutputCaching;

namespace WeProtect.Summit.Web.Pages;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public class IndexModel(SummitDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, string City, DateOnly StartDate);

    public IReadOnlyList<Row> Summits { get; private set; } = [];

    public async Task OnGetAsync() => Summits = await db.Summits.AsNoTracking()
        .Where(s => s.Status == SummitStatus.Open || s.Status == SummitStatus.Closed)
        .OrderBy(s => s.StartDate)
        .Select(s => new Row(s.Id, s.Name, s.City, s.StartDate))
        .ToListAsync();
}
