using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Web.Infrastructure;

namespace WeProtect.Summit.Web.Pages.Breakouts.Manage;

using WeProtect.Summit.Data.Summits;

/// <summary>One summit's breakout programme for organisers: its rooms and themes (add, edit, remove) and its
/// breakouts by day and time, with seats booked and the waiting list.</summary>
public class IndexModel(SummitDbContext db, AuditTrail audit) : PageModel
{
    public sealed record Row(int Id, string Title, DateTime StartUtc, DateTime EndUtc, string Room, string? Theme, string? Colour,
        int Booked, int Capacity, int Waitlisted, int Sequence);

    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<Room> Rooms { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<Row> Breakouts { get; private set; } = [];
    /// <summary>Rooms in use by a breakout (cannot be removed).</summary>
    public IReadOnlySet<int> RoomsInUse { get; private set; } = new HashSet<int>();

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct) =>
        await LoadAsync(summitId, ct) ? Page() : NotFound();

    /// <summary>Adds a room (no <paramref name="roomId"/>) or changes one.</summary>
    public async Task<IActionResult> OnPostSaveRoomAsync(int summitId, int? roomId, string? name, int? capacity, string? notes, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var room = roomId is null ? new Room { SummitId = summitId } : await db.Rooms.FirstOrDefaultAsync(r => r.Id == roomId && r.SummitId == summitId, ct);
        if (room is null) return NotFound();
        var before = room.Capacity;
        room.Name = name?.Trim() ?? "";
        room.Capacity = capacity ?? 0;
        room.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (ModelState.IsValid)
            foreach (var (field, message) in room.Validate()) ModelState.AddModelError(field.ToLowerInvariant(), message);
        if (ModelState.IsValid && await RoomNameTakenAsync(room, ct))
            ModelState.AddModelError("name", $"This summit already has a room called \"{room.Name}\".");
        if (ModelState.IsValid && roomId is not null && room.Capacity < before
            && await db.Breakouts.AnyAsync(b => b.RoomId == room.Id && b.Capacity > room.Capacity, ct))
            ModelState.AddModelError("capacity", "A breakout in this room has more seats than that: lower its capacity first.");
        if (!ModelState.IsValid) return await ReshowAsync(ct);

        if (roomId is null) db.Rooms.Add(room);
        audit.Record(User.ToAuditActor(), roomId is null ? "room.created" : "room.updated", room, $"Room \"{room.Name}\" ({room.Capacity})");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // The unique index (summit, name): someone added the same name at the same moment.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("name", $"This summit already has a room called \"{room.Name}\".");
            return await ReshowAsync(ct);
        }
        this.ShowStatus(roomId is null ? $"Room \"{room.Name}\" added." : $"Room \"{room.Name}\" saved.");
        return RedirectToPage(new { summitId });
    }

    public async Task<IActionResult> OnPostRemoveRoomAsync(int summitId, int roomId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == roomId && r.SummitId == summitId, ct);
        if (room is null) return NotFound();
        if (await db.Breakouts.AnyAsync(b => b.RoomId == roomId, ct))
        {
            ModelState.AddModelError(string.Empty, $"Room \"{room.Name}\" cannot be removed: a breakout takes place there. Move the breakout first.");
            return await ReshowAsync(ct);
        }
        db.Rooms.Remove(room);
        audit.Record(User.ToAuditActor(), "room.removed", room, $"Room \"{room.Name}\" removed");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // A breakout was put in the room meanwhile (the foreign key refuses the delete).
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, $"Room \"{room.Name}\" cannot be removed: a breakout takes place there. Move the breakout first.");
            return await ReshowAsync(ct);
        }
        this.ShowStatus($"Room \"{room.Name}\" removed.");
        return RedirectToPage(new { summitId });
    }

    /// <summary>Adds a theme (no <paramref name="themeId"/>) or changes one.</summary>
    public async Task<IActionResult> OnPostSaveThemeAsync(int summitId, int? themeId, string? name, string? colour, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var theme = themeId is null ? new Theme { SummitId = summitId } : await db.Themes.FirstOrDefaultAsync(t => t.Id == themeId && t.SummitId == summitId, ct);
        if (theme is null) return NotFound();
        theme.Name = name?.Trim() ?? "";
        theme.Colour = colour?.Trim().ToLowerInvariant() ?? "";
        if (ModelState.IsValid)
            foreach (var (field, message) in theme.Validate()) ModelState.AddModelError(field.ToLowerInvariant(), message);
        if (ModelState.IsValid && await ThemeNameTakenAsync(theme, ct))
            ModelState.AddModelError("name", $"This summit already has a theme called \"{theme.Name}\".");
        if (!ModelState.IsValid) return await ReshowAsync(ct);

        if (themeId is null) db.Themes.Add(theme);
        audit.Record(User.ToAuditActor(), themeId is null ? "theme.created" : "theme.updated", theme, $"Theme \"{theme.Name}\"");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("name", $"This summit already has a theme called \"{theme.Name}\".");
            return await ReshowAsync(ct);
        }
        this.ShowStatus(themeId is null ? $"Theme \"{theme.Name}\" added." : $"Theme \"{theme.Name}\" saved.");
        return RedirectToPage(new { summitId });
    }

    /// <summary>Removes a theme; its breakouts keep their place in the programme, without a theme.</summary>
    public async Task<IActionResult> OnPostRemoveThemeAsync(int summitId, int themeId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var theme = await db.Themes.FirstOrDefaultAsync(t => t.Id == themeId && t.SummitId == summitId, ct);
        if (theme is null) return NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Breakouts.Where(b => b.ThemeId == themeId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ThemeId, (int?)null).SetProperty(b => b.Version, Guid.NewGuid()), ct);
        db.Themes.Remove(theme);
        audit.Record(User.ToAuditActor(), "theme.removed", theme, $"Theme \"{theme.Name}\" removed");
        await audit.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        this.ShowStatus($"Theme \"{theme.Name}\" removed.");
        return RedirectToPage(new { summitId });
    }

    private Task<bool> RoomNameTakenAsync(Room room, CancellationToken ct)
    {
        var lower = room.Name.ToLower();
        return db.Rooms.AnyAsync(r => r.SummitId == room.SummitId && r.Id != room.Id && r.Name.ToLower() == lower, ct);
    }

    private Task<bool> ThemeNameTakenAsync(Theme theme, CancellationToken ct)
    {
        var lower = theme.Name.ToLower();
        return db.Themes.AnyAsync(t => t.SummitId == theme.SummitId && t.Id != theme.Id && t.Name.ToLower() == lower, ct);
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
                db.Bookings.Count(k => k.BreakoutId == b.Id && k.Status == BookingStatus.Waitlisted), b.Sequence))
            .ToListAsync(ct);
        RoomsInUse = (await db.Breakouts.Where(b => b.SummitId == summitId).Select(b => b.RoomId).Distinct().ToListAsync(ct)).ToHashSet();
        return true;
    }
}
