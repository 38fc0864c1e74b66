using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Statements;

/// <summary>A summit's statements as a consulted member may reach them: under consultation (to the consultation
/// page) or final and later (to the public text). Drafts are never listed. Shown on an approved registration.</summary>
public class SummitStatementsViewComponent(SummitDbContext db) : ViewComponent
{
    public sealed record Item(int Id, string Title, StatementStatus Status);

    public async Task<IViewComponentResult> InvokeAsync(int summitId)
    {
        var items = await db.Statements.AsNoTracking()
            .Where(s => s.SummitId == summitId && s.Status != StatementStatus.Draft)
            .OrderBy(s => s.Id)
            .Select(s => new Item(s.Id, s.Title, s.Status))
            .ToListAsync(HttpContext.RequestAborted);
        return View(items);
    }
}
