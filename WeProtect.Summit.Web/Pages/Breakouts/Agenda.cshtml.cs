using System.Security.Claims;
using Htmx;
using Microsoft.AspNetCore.OutputCaching;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Web.Breakouts;

namespace WeProtect.Summit.Web.Pages.Breakouts;

using WeProtect.Summit.Data.Summits;

/// <summary>The public timetable of a summit's breakouts: one grid per day, rooms as columns and half-hour rows in
/// the summit's zone, with a list of the same sessions for small screens. The theme filter is a plain GET form;
/// with htmx the same request returns only the grid. A signed-in delegate's own sessions (seat, waiting list) are
/// marked in words as well as by style.</summary>
// Cached for anonymous visitors only, which is safe for the marks: the policy keeps ASP.NET Core's default rule that a
// signed-in request neither reads from nor writes to the output cache, so a personalised page is never stored and a
// delegate never gets the anonymous copy. (Varying the cache by user would store one copy per delegate for a minute
// and gain nothing: their page is built from the same queries.)
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class AgendaModel(SummitDbContext db, BookingDesk desk) : PageModel
{
    public static readonly TimeSpan Slot = TimeSpan.FromMinutes(30);

    [BindProperty(SupportsGet = true, Name = "theme")] public int? ThemeFilter { get; set; }

    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<Programme.ThemeChip> Themes { get; private set; } = [];
    public Programme.ThemeChip? SelectedTheme { get; private set; }
    public IReadOnlyList<Day> Days { get; private set; } = [];
    public int SessionCount => Days.Sum(d => d.Sessions.Count);
    /// <summary>The signed-in delegate's live bookings by breakout; empty for anonymous visitors.</summary>
    public IReadOnlyDictionary<int, MyBooking> Mine { get; private set; } = new Dictionary<int, MyBooking>();

    /// <summary>The visitor's own standing with a session: a seat, or a place on its waiting list.</summary>
    public sealed record MyBooking(BookingStatus Status, int? Position)
    {
        public string Label(Microsoft.Extensions.Localization.IStringLocalizer words) =>
            Status == BookingStatus.Confirmed ? words["Your seat"] : words["You are on the waiting list (number {0})", Position ?? 0];
        public string CssClass => Status == BookingStatus.Confirmed ? "agenda-mine" : "agenda-mine-waiting";
    }

    public sealed record Column(int RoomId, string RoomName, string HeaderId);
    /// <summary>A session's cell, spanning <paramref name="RowSpan"/> half-hour rows (and every column for a plenary).</summary>
    public sealed record Cell(Programme.Session Session, int RowSpan, int ColSpan = 1);
    /// <summary>One half-hour row: per column, a session starting here, null for an empty cell, or
    /// <see cref="Covered"/> where a session above spans into it (no &lt;td&gt; is written).</summary>
    public sealed record Row(string Label, string HeaderId, IReadOnlyList<Cell?> Cells);
    public sealed record Day(DateOnly Date, string Id, IReadOnlyList<Column> Columns, IReadOnlyList<Row> Rows, IReadOnlyList<Programme.Session> Sessions);

    public static readonly Cell Covered = new(null!, 0);

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct)
    {
        if (await Programme.PublicSummitAsync(db, summitId, ct) is not { } summit) return NotFound();
        Summit = summit;
        Themes = await db.Themes.AsNoTracking().Where(t => t.SummitId == summitId).OrderBy(t => t.Name)
            .Select(t => new Programme.ThemeChip(t.Id, t.Name, t.Colour)).ToListAsync(ct);
        SelectedTheme = Themes.FirstOrDefault(t => t.Id == ThemeFilter);
        var sessions = await Programme.SessionsAsync(db, summit, SelectedTheme?.Id, ct);
        Days = sessions.GroupBy(s => DateOnly.FromDateTime(s.StartLocal)).OrderBy(g => g.Key)
            .Select(g => BuildDay(summit, g.Key, g.ToList())).ToList();
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId) Mine = await MineAsync(summit.Id, userId, ct);

        // Vary: a cache must not hand the partial to a full-page request, or the page to htmx.
        Response.Headers.Append("Vary", "HX-Request, HX-History-Restore-Request");
        if (Request.IsHtmx() && !Request.IsHtmxHistoryRestoreRequest()) return Partial("_AgendaGrid", this);
        return Page();
    }

    private async Task<IReadOnlyDictionary<int, MyBooking>> MineAsync(int summitId, string userId, CancellationToken ct)
    {
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.Breakout.SummitId == summitId && b.Registration.UserId == userId
                && b.Registration.Status == RegistrationStatus.Approved
                && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waitlisted))
            .ToListAsync(ct);
        var mine = new Dictionary<int, MyBooking>();
        foreach (var booking in bookings)
            mine[booking.BreakoutId] = new MyBooking(booking.Status,
                booking.Status == BookingStatus.Waitlisted ? await desk.WaitlistPositionAsync(booking, ct) : null);
        return mine;
    }

    /// <summary>Rows step through real time (UTC) from the first start, floored to the half hour in local time, to
    /// the last end; labels are local, so a day with a clock change simply skips or repeats a label.</summary>
    public static Day BuildDay(Summit summit, DateOnly date, IReadOnlyList<Programme.Session> sessions)
    {
        var id = $"day-{date:yyyy-MM-dd}";
        // Rooms of breakouts are the columns; a plenary spans them all (its own room is a column only on a day of plenaries).
        var inColumns = sessions.Any(s => !s.Plenary) ? sessions.Where(s => !s.Plenary) : sessions;
        var columns = inColumns.Select(s => (s.RoomId, s.RoomName)).Distinct()
            .OrderBy(r => r.RoomName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.RoomId)
            .Select(r => new Column(r.RoomId, r.RoomName, $"{id}-room-{r.RoomId}")).ToList();
        var first = sessions.Min(s => s.StartUtc);
        var firstLocal = summit.ToLocal(first);
        var origin = first - TimeSpan.FromTicks(firstLocal.TimeOfDay.Ticks % Slot.Ticks);
        var last = sessions.Max(s => s.EndUtc);
        var rowCount = Math.Max(1, (int)Math.Ceiling((last - origin) / Slot));
        var grid = new Cell?[rowCount, columns.Count];
        // Plenaries first: a breakout placed at the same time would leave no whole row for them.
        foreach (var session in sessions.OrderBy(s => !s.Plenary))
        {
            var top = (int)Math.Floor((session.StartUtc - origin) / Slot);
            var bottom = Math.Clamp((int)Math.Ceiling((session.EndUtc - origin) / Slot), top + 1, rowCount);
            var (left, span) = session.Plenary ? (0, columns.Count) : (columns.FindIndex(c => c.RoomId == session.RoomId), 1);
            // Two sessions in one room at once (or a breakout during a plenary) break a schedule rule; should it
            // happen, the second is in the list only.
            if (Enumerable.Range(top, bottom - top).Any(r => Enumerable.Range(left, span).Any(c => grid[r, c] is not null))) continue;
            for (var r = top; r < bottom; r++)
                for (var c = left; c < left + span; c++) grid[r, c] = Covered;
            grid[top, left] = new Cell(session, bottom - top, span);
        }
        var rows = Enumerable.Range(0, rowCount).Select(r =>
        {
            var label = summit.ToLocal(origin + r * Slot).ToString("HH:mm");
            return new Row(label, $"{id}-time-{r}", Enumerable.Range(0, columns.Count).Select(c => grid[r, c]).ToList());
        }).ToList();
        return new Day(date, id, columns, rows, sessions);
    }
}
