using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Summits;

/// <summary>Access and dietary needs for the venue and the caterer: how many approved delegates have each need, per
/// summit day (from their travel form's arrival and departure; without one, every day), and who they are with their
/// note. Printable, and as CSV or .xlsx (the same rows). Organisers only: the names and notes are personal data.</summary>
public class NeedsModel(SummitDbContext db, DownloadLog downloads) : PageModel
{
    /// <summary>One approved delegate with needs or a note.</summary>
    public sealed record Person(int Id, string FullName, string Organisation, IReadOnlyList<Need> Needs, string? Note, IReadOnlyList<DateOnly> Days);

    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];
    public int Approved { get; private set; }
    /// <summary>Approved delegates with each need, and per day.</summary>
    public IReadOnlyDictionary<Need, int> Counts { get; private set; } = new Dictionary<Need, int>();
    public IReadOnlyDictionary<(Need, DateOnly), int> CountsByDay { get; private set; } = new Dictionary<(Need, DateOnly), int>();
    /// <summary>Pending and waitlisted registrations with each need: what may still come.</summary>
    public IReadOnlyDictionary<Need, int> Undecided { get; private set; } = new Dictionary<Need, int>();
    public IReadOnlyList<Person> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        Response.Headers.CacheControl = "no-cache, no-store";
        await RecordAsync("CSV", ct);
        return File(CsvExport.Write(Headers(), Rows(), "yyyy-MM-dd"), CsvExport.ContentType, $"needs-{Summit.Id}.csv");
    }

    /// <summary>The same headers and rows as the CSV, as a spreadsheet.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        Response.Headers.CacheControl = "no-cache, no-store";
        await RecordAsync("xlsx", ct);
        return File(XlsxExport.Write("Needs", Headers(), Rows()), XlsxExport.ContentType, $"needs-{Summit.Id}.xlsx");
    }

    private Task RecordAsync(string format, CancellationToken ct) =>
        downloads.RecordAsync(User.ToAuditActor(), "needs", Summit, $"Needs of summit {Summit.Id} downloaded as {format} ({DownloadLog.Count(People.Count, "person", "people")})", ct);

    private string[] Headers() =>
        ["Name", "Organisation", "Access needs", "Dietary needs", "Note", .. Days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];

    /// <summary>One row per person; an empty cell is null (blank in both files).</summary>
    private IEnumerable<IReadOnlyList<object?>> Rows() => People.Select(p => (IReadOnlyList<object?>)
    [
        p.FullName, p.Organisation,
        Blank(string.Join("; ", p.Needs.Where(n => !n.IsDietary()).Select(NeedNames.DisplayName))),
        Blank(string.Join("; ", p.Needs.Where(n => n.IsDietary()).Select(NeedNames.DisplayName))),
        Blank(p.Note), .. Days.Select(d => p.Days.Contains(d) ? "present" : null),
    ]);

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private async Task<bool> LoadAsync(int summitId, CancellationToken ct)
    {
        if (await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct) is not { } summit) return false;
        Summit = summit;
        var days = new List<DateOnly>();
        for (var d = summit.StartDate; d <= summit.EndDate && days.Count < 31; d = d.AddDays(1)) days.Add(d);
        Days = days;

        Approved = await db.Registrations.CountAsync(r => r.SummitId == summitId && r.Status == RegistrationStatus.Approved, ct);
        Undecided = await db.RegistrationNeeds
            .Where(n => db.Registrations.Any(r => r.Id == n.RegistrationId && r.SummitId == summitId
                && (r.Status == RegistrationStatus.Pending || r.Status == RegistrationStatus.Waitlisted)))
            .GroupBy(n => n.Need).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var approved = await db.Registrations.AsNoTracking()
            .Where(r => r.SummitId == summitId && r.Status == RegistrationStatus.Approved && (r.Needs.Any() || r.AccessNeeds != null))
            .Select(r => new
            {
                r.Id, r.FullName, Organisation = r.Organisation != null ? r.Organisation.FormalName : r.ProposedOrganisationName ?? "",
                Needs = r.Needs.Select(n => n.Need).ToList(), r.AccessNeeds,
            })
            .ToListAsync(ct);
        var ids = approved.Select(a => a.Id).ToList();
        var travel = new Dictionary<int, TravelDetails>();
        foreach (var chunk in ids.Chunk(500))
            foreach (var t in await db.TravelDetails.AsNoTracking().Where(t => chunk.Contains(t.RegistrationId)).ToListAsync(ct))
                travel[t.RegistrationId] = t;

        People = approved
            .Select(a => new Person(a.Id, a.FullName, a.Organisation, a.Needs.Order().ToList(), a.AccessNeeds,
                // Without a travel form the delegate is counted on every day: the caterer would rather have one meal too many.
                travel.TryGetValue(a.Id, out var t) ? days.Where(d => t.IsPresentOn(d, summit)).ToList() : days))
            .OrderBy(p => p.FullName, IndexModel.NameOrder).ToList();
        Counts = Enum.GetValues<Need>().ToDictionary(n => n, n => People.Count(p => p.Needs.Contains(n)));
        CountsByDay = Enum.GetValues<Need>().SelectMany(n => days.Select(d => (n, d)))
            .ToDictionary(k => k, k => People.Count(p => p.Needs.Contains(k.n) && p.Days.Contains(k.d)));
        return true;
    }
}
