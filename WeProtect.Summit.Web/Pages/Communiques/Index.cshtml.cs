using WeProtect.Summit.Data.Communiques;

namespace WeProtect.Summit.Web.Pages.Communiques;

/// <summary>The public list of published communiqués (the current revision of each), newest first.</summary>
public class IndexModel(SummitDbContext db) : PageModel
{
    public sealed record Row(int Id, string Title, string SummitName, DateTime PublishedUtc, int SignatoryCount, bool SelfSigned, int Revision, string TimeZoneId)
    {
        public DateTime PublishedLocal => Data.Summits.SummitClock.ToLocal(PublishedUtc, Data.Summits.SummitClock.FindZone(TimeZoneId) ?? TimeZoneInfo.Utc);
    }

    public IReadOnlyList<Row> Communiques { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The current revision of each (earlier ones are listed on its page).
        var rows = await CommuniqueRevisions.Current(db.Communiques.AsNoTracking())
            .Select(c => new Row(c.Id, c.Statement.Title, c.Statement.Summit.Name, c.PublishedUtc!.Value, c.SignatoryCount, c.SelfSignedCertificate, c.Revision, c.Statement.Summit.TimeZoneId))
            .ToListAsync(ct);
        Communiques = rows.OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.Id).ToList();
    }
}
