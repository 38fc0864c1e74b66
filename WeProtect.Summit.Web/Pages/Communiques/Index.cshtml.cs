using WeProtect.Summit.Data.Communiques;

namespace WeProtect.Summit.Web.Pages.Communiques;

/// <summary>The public list of published communiqués, newest first.</summary>
public class IndexModel(SummitDbContext db) : PageModel
{
    public sealed record Row(int Id, string Title, string SummitName, DateTime PublishedUtc, int SignatoryCount, bool SelfSigned);

    public IReadOnlyList<Row> Communiques { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Communiques.AsNoTracking().Where(c => c.Status == CommuniqueStatus.Published)
            .Select(c => new Row(c.Id, c.Statement.Title, c.Statement.Summit.Name, c.PublishedUtc!.Value, c.SignatoryCount, c.SelfSignedCertificate))
            .ToListAsync(ct);
        Communiques = rows.OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.Id).ToList();
    }
}
