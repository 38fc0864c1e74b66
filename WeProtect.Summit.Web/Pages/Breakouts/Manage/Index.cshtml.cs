using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Desks;

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

    /// <summary>What the organiser typed into a room form that was refused (no id: the "Add a room" form), shown again there.</summary>
    public sealed record TypedRoom(int? Id, string? Name, string? Capacity, string? Notes, Guid? Version);
    /// <summary>What the organiser typed into a theme form that was refused, shown again there.</summary>
    public sealed record TypedTheme(int? Id, string? Name, string? Colour, Guid? Version);

    public TypedRoom? RoomTyped { get; private set; }
    public TypedTheme? ThemeTyped { get; private set; }
    /// <summary>The room or theme as saved now, when someone else changed it while this organiser was editing it.</summary>
    public Room? RoomTheirs { get; private set; }
    public Theme? ThemeTheirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct) =>
        await LoadAsync(summitId, ct) ? Page() : NotFound();

    /// <summary>Adds a room (no <paramref name="roomId"/>) or changes one.</summary>
    public async Task<IActionResult> OnPostSaveRoomAsync(int summitId, int? roomId, Guid? version, string? name, int? capacity, string? notes, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        // The capacity as typed, even when it is not a number.
        RoomTyped = new(roomId, name, Request.Form["capacity"].ToString(), notes, version);
        if (!ModelState.IsValid) return await ReshowAsync(ct);
        var result = await desk.SaveRoomAsync(summitId, roomId, version, name, capacity ?? 0, notes, User.ToAuditActor(), ct);
        if (result.Answer == DeskAnswer.Conflict) RoomTheirs = result.Value;
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId }), () => ReshowAsync(ct), field => field.ToLowerInvariant());
    }

    public async Task<IActionResult> OnPostRemoveRoomAsync(int summitId, int roomId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var result = await desk.RemoveRoomAsync(summitId, roomId, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId }), () => ReshowAsync(ct));
    }

    /// <summary>Adds a theme (no <paramref name="themeId"/>) or changes one.</summary>
    public async Task<IActionResult> OnPostSaveThemeAsync(int summitId, int? themeId, Guid? version, string? name, string? colour, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        ThemeTyped = new(themeId, name, colour, version);
        if (!ModelState.IsValid) return await ReshowAsync(ct);
        var result = await desk.SaveThemeAsync(summitId, themeId, version, name, colour, User.ToAuditActor(), ct);
        if (result.Answer == DeskAnswer.Conflict) ThemeTheirs = result.Value;
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

    /// <summary>Shows the page again with the messages and, in the refused form, what was typed into it
    /// (<see cref="RoomTyped"/>, <see cref="ThemeTyped"/>); after a conflict, their version beside it.</summary>
    private async Task<IActionResult> ReshowAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(Summit.Id, ct);
        if (RoomTheirs is not null || ThemeTheirs is not null)
            ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext,
                "Their version is shown below and your input is kept in the form: check both, then save again if yours should replace theirs."));
        return Page();
    }

    /// <summary>The version a room's form carries: the one typed against, unless their version is shown beside it
    /// (then the next save is measured against theirs).</summary>
    public Guid VersionOf(Room room) => RoomTyped is { } typed && typed.Id == room.Id && RoomTheirs is null ? typed.Version ?? room.Version : room.Version;

    public Guid VersionOf(Theme theme) => ThemeTyped is { } typed && typed.Id == theme.Id && ThemeTheirs is null ? typed.Version ?? theme.Version : theme.Version;

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
