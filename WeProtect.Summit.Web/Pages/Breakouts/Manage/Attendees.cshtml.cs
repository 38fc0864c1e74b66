using WeProtect.Summit.Data.Breakouts;

namespace WeProtect.Summit.Web.Pages.Breakouts.Manage;

using WeProtect.Summit.Data.Summits;

/// <summary>Who has a seat at a breakout, and who waits for one in which order; also as CSV.</summary>
public class AttendeesModel(SummitDbContext db, WeProtect.Summit.Data.Audit.DownloadLog downloads) : PageModel
{
    /// <summary>One booking; <see cref="QueuePosition"/> is 1, 2… for the waiting list and null for a seat.</summary>
    public sealed record Attendee(int BookingId, int RegistrationId, string FullName, string Position, string Organisation, BookingStatus Status,
        int? QueuePosition, DateTime RequestedUtc, DateTime? ConfirmedUtc);

    public Breakout Breakout { get; private set; } = null!;
    public Summit Summit => Breakout.Summit;
    public IReadOnlyList<Attendee> Confirmed { get; private set; } = [];
    public IReadOnlyList<Attendee> Waitlisted { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await RecordAsync("CSV", ct);
        return File(WriteCsv([.. Confirmed, .. Waitlisted], Summit), CsvExport.ContentType, $"breakout-{Breakout.Id}-attendees.csv");
    }

    /// <summary>The same list as a spreadsheet with typed columns (place in queue as a number, times as dates).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await RecordAsync("xlsx", ct);
        return File(XlsxExport.Write("Attendees", Headers(Summit), Rows([.. Confirmed, .. Waitlisted], Summit)), XlsxExport.ContentType,
            $"breakout-{Breakout.Id}-attendees.xlsx");
    }

    private Task RecordAsync(string format, CancellationToken ct) =>
        downloads.RecordAsync(User.ToAuditActor(), "attendees", Breakout,
            $"Attendees of breakout {Breakout.Id} downloaded as {format} ({WeProtect.Summit.Data.Audit.DownloadLog.Count(Confirmed.Count + Waitlisted.Count, "booking", "bookings")})", ct);

    private static string[] Headers(Summit summit) =>
        ["Status", "Place in queue", "Name", "Position", "Organisation", $"Asked ({summit.TimeZoneId})", $"Confirmed ({summit.TimeZoneId})"];

    /// <summary>The columns of both downloads, typed; the CSV writes them as text.</summary>
    private static IEnumerable<object?[]> Rows(IEnumerable<Attendee> attendees, Summit summit) => attendees.Select(a => new object?[]
    {
        Data.Vocabulary.Words.Name(a.Status), a.QueuePosition, a.FullName, a.Position, a.Organisation,
        summit.ToLocal(a.RequestedUtc), a.ConfirmedUtc is { } c ? summit.ToLocal(c) : null,
    });

    public static byte[] WriteCsv(IEnumerable<Attendee> attendees, Summit summit) =>
        CsvExport.Write(Headers(summit), Rows(attendees, summit), "yyyy-MM-dd HH:mm:ss");

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var breakout = await db.Breakouts.AsNoTracking().Include(b => b.Summit).Include(b => b.Room)
            .FirstOrDefaultAsync(b => b.Id == id, ct);
        if (breakout is null) return false;
        Breakout = breakout;
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.BreakoutId == id && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waitlisted))
            .Select(b => new
            {
                b.Id, b.RegistrationId, b.Status, b.RequestedUtc, b.ConfirmedUtc, b.Registration.FullName, b.Registration.Position,
                Organisation = b.Registration.Organisation != null ? b.Registration.Organisation.FormalName : b.Registration.ProposedOrganisationName ?? "",
            })
            .ToListAsync(ct);
        Confirmed = rows.Where(r => r.Status == BookingStatus.Confirmed)
            .OrderBy(r => r.ConfirmedUtc ?? r.RequestedUtc).ThenBy(r => r.Id)
            .Select(r => new Attendee(r.Id, r.RegistrationId, r.FullName, r.Position, r.Organisation, r.Status, null, r.RequestedUtc, r.ConfirmedUtc)).ToList();
        // The same order as BookingDesk serves the waiting list: by time of asking, then by id.
        Waitlisted = rows.Where(r => r.Status == BookingStatus.Waitlisted)
            .OrderBy(r => r.RequestedUtc).ThenBy(r => r.Id)
            .Select((r, i) => new Attendee(r.Id, r.RegistrationId, r.FullName, r.Position, r.Organisation, r.Status, i + 1, r.RequestedUtc, null)).ToList();
        return true;
    }
}
