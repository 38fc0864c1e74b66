using WeProtect.Summit.Data.Breakouts;

namespace WeProtect.Summit.Web.Pages.Breakouts.Manage;

using WeProtect.Summit.Data.Summits;

/// <summary>One summit's breakout programme for organisers: its rooms and themes (add, edit, remove) and its
/// breakouts by day and time, with seats booked and the waiting list.</summary>
public class IndexModel(SummitDbContext db, BreakoutDesk desk) : PageModel
{
    public sealed record Row(int Id, string Title, DateTime StartUtc, DateTime EndUtc, string Room, string? Theme, string? Colour,
        int Booked, int Capacity, int Waitlisted, int Sequence, Guid Version, bool Cancelled, bool Plenary);

    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<Room> Rooms { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    /// <summary>The colour a new theme starts with: the palette's next unused one.</summary>
    public string NextThemeColour => ThemePalette.Next(Themes.Select(t => t.Colour));
    public IReadOnlyList<Row> Breakouts { get; private set; } = [];
    /// <summary>Rooms in use by a breakout (cannot be removed).</summary>
    public IReadOnlySet<int> RoomsInUse { get; private set; } = new HashSet<int>();

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct) =>
        await LoadAsync(summitId, ct) ? Page() : NotFound();

    /// <summary>Adds a room (no <paramref name="roomId"/>) or changes one.</summary>
    public async Task<IActionResult> OnPostSaveRoomAsync(int summitId, int? roomId, string? name, int? capacity, string? notes, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        if (!ModelState.IsValid) return await ReshowAsync(ct);
        var result = await desk.SaveRoomAsync(summitId, roomId, name, capacity ?? 0, notes, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId }), () => ReshowAsync(ct), field => field.ToLowerInvariant());
    }

    public async Task<IActionResult> OnPostRemoveRoomAsync(int summitId, int roomId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var result = await desk.RemoveRoomAsync(summitId, roomId, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId }), () => ReshowAsync(ct));
    }

    /// <summary>Adds a theme (no <paramref name="themeId"/>) or changes one.</summary>
    public async Task<IActionResult> OnPostSaveThemeAsync(int summitId, int? themeId, string? name, string? colour, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        if (!ModelState.IsValid) return await ReshowAsync(ct);
        var result = await desk.SaveThemeAsync(summitId, themeId, name, colour, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId }), () => ReshowAsync(ct), field => field.ToLowerInvariant());
    }

    /// <summary>Removes a theme; its breakouts keep their place in the programme, without a theme.</summary>
    public async Task<IActionResult> OnPostRemoveThemeAsync(int summitId, int themeId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var result = await desk.RemoveThemeAsync(summitId, themeId, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId }), () => ReshowAsync(ct));
    }

    /// <summary>Cancels a breakout (from the version shown): its bookings end and every holder is told by e-mail.</summary>
    public async Task<IActionResult> OnPostCancelAsync(int summitId, int breakoutId, Guid? version, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var result = await desk.CancelAsync(summitId, breakoutId, version, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId }), () => ReshowAsync(ct));
    }

    /// <summary>Shows the page again with the messages; what was typed into the failed form is lost only for
    /// that one row, which the messages name.</summary>
    private async Task<IActionResult> ReshowAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(Summit.Id, ct);
        return Page();
    }

    private async Task<bool> LoadSummitAsync(int summitId, CancellationToken ct)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return false;
        Summit = summit;
        return true;
    }

    private async Task<bool> LoadAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return false;
        Rooms = (await db.Rooms.AsNoTracking().Where(r => r.SummitId == summitId).ToListAsync(ct))
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
        Themes = (await db.Themes.AsNoTracking().Where(t => t.SummitId == summitId).ToListAsync(ct))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
        Breakouts = await db.Breakouts.AsNoTracking().Where(b => b.SummitId == summitId)
            .OrderBy(b => b.StartUtc).ThenBy(b => b.Room.Name)
            .Select(b => new Row(b.Id, b.Title, b.StartUtc, b.EndUtc, b.Room.Name,
                b.Theme != null ? b.Theme.Name : null, b.Theme != null ? b.Theme.Colour : null,
                b.ConfirmedCount, b.Capacity,
                db.Bookings.Count(k => k.BreakoutId == b.Id && k.Status == BookingStatus.Waitlisted), b.Sequence,
                b.Version, b.CancelledUtc != null, b.IsPlenary))
            .ToListAsync(ct);
        RoomsInUse = (await db.Breakouts.Where(b => b.SummitId == summitId).Select(b => b.RoomId).Distinct().ToListAsync(ct)).ToHashSet();
        return true;
    }
}
