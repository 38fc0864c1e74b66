using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Web.Pages.Breakouts.Bookings;

/// <summary>"My breakouts": the signed-in user's seats and waiting-list places across summits, in time order, each
/// with its live position and a cancel form. Only the user's own bookings: anyone else's id answers 404.</summary>
public class IndexModel(SummitDbContext db, BookingDesk desk, UserManager<SummitUser> users, TimeProvider clock) : PageModel
{
    /// <param name="Started">The session has begun: its seat is the record of who was booked, no longer given up
    /// (<see cref="Breakout.HasStartedAt"/>, as the desk refuses).</param>
    /// <param name="ClashWith">Another session where the user holds a seat at the same time (a session moved by the
    /// organisers onto it), or null.</param>
    public sealed record Row(int BookingId, int BreakoutId, string Title, string SummitName, string When, string Room,
        BookingStatus Status, int? Position, bool Started, string? ClashWith);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>The summits whose programme the user may book from now: approved there, the summit public and not over.</summary>
    public IReadOnlyList<(int SummitId, string Name)> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.Registration.UserId == userId && b.Status != BookingStatus.Cancelled)
            .Include(b => b.Breakout).ThenInclude(x => x.Summit)
            .Include(b => b.Breakout).ThenInclude(x => x.Room)
            .ToListAsync(ct);
        var rows = new List<Row>();
        var now = clock.GetUtcNow().UtcDateTime;
        var seats = bookings.Where(b => b.Status == BookingStatus.Confirmed).Select(b => b.Breakout).ToList();
        foreach (var b in bookings.OrderBy(b => b.Breakout.StartUtc).ThenBy(b => b.Breakout.Title))
        {
            var overlaps = Breakout.Overlapping(b.Breakout.StartUtc, b.Breakout.EndUtc).Compile();
            var clash = b.Status != BookingStatus.Confirmed ? null
                : seats.FirstOrDefault(other => other.Id != b.BreakoutId && overlaps(other))?.Title;
            var summit = b.Breakout.Summit;
            var start = summit.ToLocal(b.Breakout.StartUtc);
            var end = summit.ToLocal(b.Breakout.EndUtc);
            var when = $"{start.Said("ddd d MMM yyyy, HH:mm")}–{end.Said(end.Date == start.Date ? "HH:mm" : "d MMM HH:mm")} ({summit.TimeZoneId})";
            int? position = b.Status == BookingStatus.Waitlisted ? await desk.WaitlistPositionAsync(b, ct) : null;
            rows.Add(new Row(b.Id, b.BreakoutId, b.Breakout.Title, summit.Name, when, b.Breakout.Room.Name, b.Status, position,
                b.Breakout.HasStartedAt(now), clash));
        }
        Rows = rows;
        Programmes = (await db.Registrations.AsNoTracking()
                .Where(r => r.UserId == userId && r.Status == Data.Registrations.RegistrationStatus.Approved
                    && (r.Summit.Status == Data.Summits.SummitStatus.Open || r.Summit.Status == Data.Summits.SummitStatus.Closed))
                .OrderBy(r => r.Summit.StartDate).Select(r => new { r.SummitId, r.Summit.Name }).ToListAsync(ct))
            .Select(r => (r.SummitId, r.Name)).ToList();
    }

    /// <summary>Cancels one of the user's bookings (the confirmation is the form itself); a freed seat goes to the
    /// first on the waiting list.</summary>
    public async Task<IActionResult> OnPostCancelAsync(int bookingId, CancellationToken ct)
    {
        var result = await desk.CancelAsync(bookingId, users.GetUserId(User)!, User.ToAuditActor(), ct);
        return this.Answer(result, () => RedirectToPage());
    }
}
