namespace WeProtect.Summit.Web.Pages.Summits.Manage;

using WeProtect.Summit.Data.Summits;

/// <summary>The organisers' list of every summit, drafts included, and the one-button sample summit.</summary>
public class IndexModel(SummitDbContext db, SampleSummitDesk sample) : PageModel
{
    public sealed record Row(int Id, string Name, string City, DateOnly StartDate, DateOnly EndDate, SummitStatus Status, int DelegateCapacity, bool RecordedAfterwards);

    public IReadOnlyList<Row> Summits { get; private set; } = [];

    public async Task OnGetAsync() => Summits = await db.Summits.AsNoTracking()
        .OrderByDescending(s => s.StartDate)
        .Select(s => new Row(s.Id, s.Name, s.City, s.StartDate, s.EndDate, s.Status, s.DelegateCapacity, s.RecordedAfterwards))
        .ToListAsync();

    /// <summary>Creates an open sample summit hosted by the United Arab Emirates, with a programme and a draft
    /// statement, for demonstrations.</summary>
    public async Task<IActionResult> OnPostSampleAsync()
    {
        var result = await sample.CreateAsync(User.ToAuditActor());
        return this.Answer(result, () => RedirectToPage("/Summits/Details", new { id = result.Value!.Id }));
    }
}
