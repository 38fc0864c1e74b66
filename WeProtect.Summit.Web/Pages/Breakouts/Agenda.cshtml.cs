using Htmx;
using Microsoft.AspNetCore.OutputCaching;
using WeProtect.Summit.Web.Breakouts;

namespace WeProtect.Summit.Web.Pages.Breakouts;

using WeProtect.Summit.Data.Summits;

/// <summary>The public timetable of a summit's breakouts: one grid per day, rooms as columns and half-hour rows in
/// the summit's zone, with a list of the same sessions for small screens. The theme filter is a plain GET form;
/// with htmx the same request returns only the grid.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class AgendaModel(SummitDbContext db) : PageModel
{
    public static readonly TimeSpan Slot = TimeSpan.FromMinutes(30);

    [BindProperty(SupportsGet = true, Name = "theme")] public int? ThemeFilter { get; set; }

    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<Programme.ThemeChip> Themes { get; private set; } = [];
    public Programme.ThemeChip? SelectedTheme { get; private set; }
    public IReadOnlyList<Day> Days { get; private set; } = [];
    public int SessionCount => Days.Sum(d => d.Sessions.Count);

    public sealed record Column(int RoomId, string RoomName, string HeaderId);
    /// <summary>A session's cell, spanning <paramref name="RowSpan"/> half-hour rows.</summary>
    public sealed record Cell(Programme.Session Session, int RowSpan);
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

        // Vary: a cache must not hand the partial to a full-page request, or the page to htmx.
        Response.Headers.Append("Vary", "HX-Request, HX-History-Restore-Request");
        if (Request.IsHtmx() && !Request.IsHtmxHistoryRestoreRequest()) return Partial("_AgendaGrid", this);
        return Page();
    }

    /// <summary>Rows step through real time (UTC) from the first start, floored to the half hour in local time, to
    /// the last end; labels are local, so a day with a clock change simply skips or repeats a label.</summary>
    public static Day BuildDay(Summit summit, DateOnly date, IReadOnlyList<Programme.Session> sessions)
    {
        var id = $"day-{date:yyyy-MM-dd}";
        var columns = sessions.Select(s => (s.RoomId, s.RoomName)).Distinct()
            .OrderBy(r => r.RoomName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.RoomId)
            .Select(r => new Column(r.RoomId, r.RoomName, $"{id}-room-{r.RoomId}")).ToList();
        var first = sessions.Min(s => s.StartUtc);
        var firstLocal = summit.ToLocal(first);
        var origin = first - TimeSpan.FromTicks(firstLocal.TimeOfDay.Ticks % Slot.Ticks);
        var last = sessions.Max(s => s.EndUtc);
        var rowCount = Math.Max(1, (int)Math.Ceiling((last - origin) / Slot));
        var grid = new Cell?[rowCount, columns.Count];
        foreach (var session in sessions)
        {
            var column = columns.FindIndex(c => c.RoomId == session.RoomId);
            var top = (int)Math.Floor((session.StartUtc - origin) / Slot);
            var bottom = Math.Clamp((int)Math.Ceiling((session.EndUtc - origin) / Slot), top + 1, rowCount);
            // Two sessions in one room at once break a schedule rule; should it happen, the second is in the list only.
            if (Enumerable.Range(top, bottom - top).Any(r => grid[r, column] is not null)) continue;
            grid[top, column] = new Cell(session, bottom - top);
            for (var r = top + 1; r < bottom; r++) grid[r, column] = Covered;
        }
        var rows = Enumerable.Range(0, rowCount).Select(r =>
        {
            var label = summit.ToLocal(origin + r * Slot).ToString("HH:mm");
            return new Row(label, $"{id}-time-{r}", Enumerable.Range(0, columns.Count).Select(c => grid[r, c]).ToList());
        }).ToList();
        return new Day(date, id, columns, rows, sessions);
    }
}
