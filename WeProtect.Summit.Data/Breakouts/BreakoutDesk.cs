using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Data.Breakouts;

/// <summary>A summit's programme as organisers change it: rooms, themes and breakouts. Each change is one
/// transaction with its audit event; moving a breakout (time or room) raises its calendar sequence and tells every
/// confirmed and waitlisted delegate; more seats go to the waiting list at once (<see cref="BookingDesk"/>).</summary>
public sealed class BreakoutDesk(SummitDbContext db, AuditTrail audit, Notifier notifier, BreakoutSchedule schedule, BookingDesk bookings,
    TimeProvider clock)
{
    // ---------------------------------------------------------------- rooms

    /// <summary>Adds a room (no <paramref name="roomId"/>) or changes one from the version the organiser opened
    /// (<paramref name="expectedVersion"/>; on a conflict the value is the room as saved now). Errors are keyed by the room's fields.</summary>
    public async Task<DeskResult<Room>> SaveRoomAsync(int summitId, int? roomId, Guid? expectedVersion, string? name, int capacity, string? notes,
        AuditActor actor, CancellationToken ct = default)
    {
        // A room already in use: its turn first, then its breakouts' seats (see TakeRoomTurnAsync).
        await using var tx = roomId is null ? null : await db.Database.BeginTransactionAsync(ct);
        if (roomId is not null) await TakeRoomTurnAsync(roomId.Value, ct);
        var room = roomId is null ? new Room { SummitId = summitId } : await db.Rooms.FirstOrDefaultAsync(r => r.Id == roomId && r.SummitId == summitId, ct);
        if (room is null) return DeskResult.NotFound("There is no such room.").With<Room>();
        // Read after the room's turn: a save that committed meanwhile is seen here, and this one is refused.
        if (roomId is not null && expectedVersion != room.Version) return Forget(DeskResult.Conflict("this room")).With(room);
        room.Name = name?.Trim() ?? "";
        room.Capacity = capacity;
        room.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        IReadOnlyList<(string Field, DeskText Message)> errors = [.. room.Validate().Select(e => (e.Field, (DeskText)e.Message))];
        if (errors.Count == 0 && await RoomNameTakenAsync(room, ct)) errors = [RoomNameTaken(room)];
        if (errors.Count == 0 && roomId is not null && await db.Breakouts.AnyAsync(b => b.RoomId == room.Id && b.Capacity > capacity, ct))
            errors = [(nameof(Room.Capacity), (DeskText)"A breakout in this room has more seats than that: lower its capacity first.")];
        if (errors.Count > 0) return Forget(DeskResult.Invalid(errors)).With<Room>();

        if (roomId is null) db.Rooms.Add(room);
        room.Version = Guid.NewGuid();
        audit.Record(actor, roomId is null ? "room.created" : "room.updated", room, $"Room \"{room.Name}\" ({room.Capacity})");
        try
        {
            await audit.SaveChangesAsync(ct);
            if (tx is not null) await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Removed meanwhile (the turn keeps out any other save of it).
            return Forget(DeskResult.NotFound("There is no such room.")).With<Room>();
        }
        catch (DbUpdateException)
        {
            // The unique index (summit, name key): someone added the same name at the same moment, in any case.
            return Forget(DeskResult.Invalid([RoomNameTaken(room)])).With<Room>();
        }
        return (roomId is null ? DeskResult.Done($"Room \"{room.Name}\" added.") : DeskResult.Done($"Room \"{room.Name}\" saved.")).With(room);
    }

    public async Task<DeskResult> RemoveRoomAsync(int summitId, int roomId, AuditActor actor, CancellationToken ct = default)
    {
        var room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == roomId && r.SummitId == summitId, ct);
        if (room is null) return DeskResult.NotFound("There is no such room.");
        var inUse = DeskResult.Refused($"Room \"{room.Name}\" cannot be removed: a breakout takes place there. Move the breakout first.");
        if (await db.Breakouts.AnyAsync(b => b.RoomId == roomId, ct)) return Forget(inUse);
        db.Rooms.Remove(room);
        audit.Record(actor, "room.removed", room, $"Room \"{room.Name}\" removed");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            // Removed by another request at the same moment (a double click, two organisers): nothing left to delete.
            return Forget(DeskResult.Conflict("this room"));
        }
        catch (DbUpdateException)
        {
            // A breakout was put in the room meanwhile (the foreign key refuses the delete).
            return Forget(inUse);
        }
        return DeskResult.Done($"Room \"{room.Name}\" removed.");
    }

    // ---------------------------------------------------------------- themes

    /// <summary>Adds a theme (no <paramref name="themeId"/>) or changes one from the version the organiser opened
    /// (<paramref name="expectedVersion"/>; on a conflict the value is the theme as saved now). Errors are keyed by the theme's fields.</summary>
    public async Task<DeskResult<Theme>> SaveThemeAsync(int summitId, int? themeId, Guid? expectedVersion, string? name, string? colour, AuditActor actor,
        CancellationToken ct = default)
    {
        var theme = themeId is null ? new Theme { SummitId = summitId } : await db.Themes.FirstOrDefaultAsync(t => t.Id == themeId && t.SummitId == summitId, ct);
        if (theme is null) return DeskResult.NotFound("There is no such theme.").With<Theme>();
        if (themeId is not null && expectedVersion != theme.Version) return Forget(DeskResult.Conflict("this theme")).With(theme);
        theme.Name = name?.Trim() ?? "";
        theme.Colour = colour?.Trim().ToLowerInvariant() ?? "";
        // A new theme without a colour takes the palette's next unused one, so the agenda's markers stay distinct.
        if (themeId is null && theme.Colour.Length == 0)
            theme.Colour = ThemePalette.Next(await db.Themes.Where(t => t.SummitId == summitId).Select(t => t.Colour).ToListAsync(ct));
        IReadOnlyList<(string Field, DeskText Message)> errors = [.. theme.Validate().Select(e => (e.Field, (DeskText)e.Message))];
        if (errors.Count == 0 && await ThemeNameTakenAsync(theme, ct)) errors = [ThemeNameTaken(theme)];
        if (errors.Count > 0) return Forget(DeskResult.Invalid(errors)).With<Theme>();

        if (themeId is null) db.Themes.Add(theme);
        // The version read above is checked again by the update itself (concurrency token), for a save in between.
        theme.Version = Guid.NewGuid();
        audit.Record(actor, themeId is null ? "theme.created" : "theme.updated", theme, $"Theme \"{theme.Name}\"");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Themes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == themeId, ct);
            if (current is null) return DeskResult.NotFound("There is no such theme.").With<Theme>();
            return DeskResult.Conflict("this theme").With(current);
        }
        catch (DbUpdateException)
        {
            // The unique index (summit, name key): someone added the same name at the same moment, in any case.
            return Forget(DeskResult.Invalid([ThemeNameTaken(theme)])).With<Theme>();
        }
        return (themeId is null ? DeskResult.Done($"Theme \"{theme.Name}\" added.") : DeskResult.Done($"Theme \"{theme.Name}\" saved.")).With(theme);
    }

    /// <summary>Removes a theme; its breakouts keep their place in the programme, without a theme.</summary>
    public async Task<DeskResult> RemoveThemeAsync(int summitId, int themeId, AuditActor actor, CancellationToken ct = default)
    {
        var theme = await db.Themes.FirstOrDefaultAsync(t => t.Id == themeId && t.SummitId == summitId, ct);
        if (theme is null) return DeskResult.NotFound("There is no such theme.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Breakouts.Where(b => b.ThemeId == themeId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ThemeId, (int?)null).SetProperty(b => b.Version, Guid.NewGuid()), ct);
        db.Themes.Remove(theme);
        audit.Record(actor, "theme.removed", theme, $"Theme \"{theme.Name}\" removed");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            // Removed by another request at the same moment (a double click, two organisers): nothing left to delete.
            return Forget(DeskResult.Conflict("this theme"));
        }
        await tx.CommitAsync(ct);
        return DeskResult.Done($"Theme \"{theme.Name}\" removed.");
    }

    // ---------------------------------------------------------------- breakouts

    /// <summary>Every rule a breakout must keep, keyed by its fields: its own (<see cref="Breakout.Validate"/>) and the
    /// programme's (room and facilitators free, <see cref="BreakoutSchedule"/>). When the times could not be read,
    /// the rules about them are left out: they would only mislead.</summary>
    public async Task<IReadOnlyList<(string Field, DeskText Message)>> CheckAsync(Summits.Summit summit, Breakout breakout, Room? room,
        bool timesKnown, CancellationToken ct = default)
    {
        var errors = breakout.Validate(summit, room)
            .Where(e => timesKnown || e.Field is not (nameof(Breakout.EndUtc) or nameof(Breakout.StartUtc))).ToList();
        if (timesKnown && room is not null)
            errors.AddRange(await schedule.CheckAsync(breakout, breakout.Facilitators.Select(f => f.Id).ToList(), ct));
        return errors;
    }

    /// <summary>Saves a breakout the caller has filled in and checked (<see cref="CheckAsync"/>): new when it has no
    /// id, else tracked, from the version the organiser started from (<paramref name="expectedVersion"/>). A move to a
    /// time when some of its seat holders have a seat at another session is refused as
    /// <see cref="DeskRefusal.NeedsConfirmation"/> (<see cref="MoveSplitsSeats"/>) unless <paramref name="confirmClashes"/>:
    /// they are then told of the clash with the move.</summary>
    public async Task<DeskResult<Breakout>> SaveAsync(Summits.Summit summit, Breakout breakout, Guid? expectedVersion, AuditActor actor,
        bool confirmClashes = false, CancellationToken ct = default)
    {
        var isNew = breakout.Id == 0;
        var entry = db.Entry(breakout);
        if (!isNew && expectedVersion != entry.Property(b => b.Version).OriginalValue)
            return Forget(DeskResult.Conflict("this breakout")).With<Breakout>();
        if (breakout.WhyUnchangeable is { } cancelled) return Forget(DeskResult.Refused(cancelled)).With<Breakout>();
        var retimed = !isNew && (entry.Property(b => b.StartUtc).IsModified || entry.Property(b => b.EndUtc).IsModified);
        var moved = retimed || (!isNew && entry.Property(b => b.RoomId).IsModified);
        var oldCapacity = isNew ? 0 : entry.Property(b => b.Capacity).OriginalValue;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The summit's, the room's and the facilitators' turns, then their rules again (CheckAsync ran before the
        // transaction, for the form's messages): days shortened or a zone changed meanwhile are seen here.
        var facilitatorIds = breakout.Facilitators.Select(f => f.Id).ToList();
        var current = await TakeSummitTurnAsync(summit.Id, ct);
        if (current is null || current.TimeZoneId != summit.TimeZoneId) return Forget(DeskResult.Conflict("this summit")).With<Breakout>();
        await TakeRoomTurnAsync(breakout.RoomId, ct);
        await TakeFacilitatorsTurnAsync(facilitatorIds, ct);
        var room = await db.Rooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == breakout.RoomId, ct);
        var again = breakout.Validate(current, room).Where(e => e.Field is nameof(Breakout.RoomId) or nameof(Breakout.Capacity) or nameof(Breakout.StartUtc))
            .Concat((await schedule.CheckAsync(breakout, facilitatorIds, ct)).Where(e => e.Field is nameof(Breakout.RoomId) or nameof(Breakout.Facilitators)))
            .ToList();
        if (again.Count > 0) return Forget(DeskResult.Invalid(again)).With<Breakout>();
        if (retimed && !confirmClashes && await SeatClashesAsync(breakout, ct) is { Count: > 0 } clashes)
            return Forget(DeskResult.Refused(MoveSplitsSeats(clashes.Count, clashes.First!), DeskRefusal.NeedsConfirmation)).With<Breakout>();
        var told = 0;
        if (isNew) db.Breakouts.Add(breakout);
        else
        {
            // Check the version the form was made from against the database, not only against our own read.
            entry.Property(b => b.Version).OriginalValue = expectedVersion!.Value;
            if (moved) told = await TellHoldersOfMoveAsync(breakout, ct);
        }
        breakout.Version = Guid.NewGuid();
        var action = isNew ? "breakout.created" : moved ? "breakout.moved" : "breakout.updated";
        var when = $"{summit.ToLocal(breakout.StartUtc):yyyy-MM-dd HH:mm}–{summit.ToLocal(breakout.EndUtc):HH:mm}";
        audit.Record(actor, action, breakout, action switch
        {
            "breakout.created" => $"Breakout \"{breakout.Title}\" created ({when}, room {breakout.RoomId})",
            "breakout.moved" => $"Breakout \"{breakout.Title}\" moved to {when}, room {breakout.RoomId} (sequence {breakout.Sequence}); {told} delegates told",
            _ => $"Breakout \"{breakout.Title}\" changed",
        });
        try
        {
            await audit.SaveChangesAsync(ct);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            return Forget(DeskResult.Conflict("this breakout")).With<Breakout>();
        }
        // More seats than before: the waiting list gets them, first in line first (and is told by e-mail).
        var promoted = !isNew && breakout.Capacity > oldCapacity ? await bookings.FillFreeSeatsAsync(breakout.Id, ct) : 0;
        DeskText saved = $"Breakout \"{breakout.Title}\" saved.";
        if (isNew) saved = $"Breakout \"{breakout.Title}\" created.";
        else if (moved) saved = $"Breakout \"{breakout.Title}\" moved; {Plural(told)} will be told by e-mail.";
        DeskText[] seated = promoted == 0 ? [] : [$"{Plural(promoted)} moved from the waiting list to a seat."];
        return DeskResult.Done(DeskResult.Joined([saved, .. seated])).With(breakout);
    }

    /// <summary>Why a move waits for the organiser's confirmation: <paramref name="count"/> seat holders would hold two
    /// seats at once (the first clash is named).</summary>
    public static DeskText MoveSplitsSeats(int count, string clashTitle) => DeskText.Counted(count,
        $"{count:N0} delegate with a seat here also has a seat at \"{clashTitle}\" at the new time. To move the breakout anyway, confirm: they will be told by e-mail and asked to give up one of the two seats.",
        $"{count:N0} delegates with a seat here also have a seat at another session at the new time (for one, \"{clashTitle}\"). To move the breakout anyway, confirm: they will be told by e-mail and asked to give up one of the two seats.");

    /// <summary>The seat holders of <paramref name="breakout"/> who also hold a seat at a session overlapping its
    /// (new) time, and the title of one such session.</summary>
    private async Task<(int Count, string? First)> SeatClashesAsync(Breakout breakout, CancellationToken ct)
    {
        var holders = await db.Bookings.AsNoTracking().Where(b => b.BreakoutId == breakout.Id && b.Status == BookingStatus.Confirmed)
            .Select(b => b.RegistrationId).ToListAsync(ct);
        if (holders.Count == 0) return (0, null);
        var overlapping = await db.Breakouts.AsNoTracking()
            .Where(b => b.SummitId == breakout.SummitId && b.Id != breakout.Id && b.CancelledUtc == null)
            .Where(Breakout.Overlapping(breakout.StartUtc, breakout.EndUtc)).Select(b => new { b.Id, b.Title }).ToListAsync(ct);
        var ids = overlapping.Select(b => b.Id).ToList();
        var clashes = await db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.BreakoutId) && holders.Contains(b.RegistrationId) && b.Status == BookingStatus.Confirmed)
            .Select(b => new { b.RegistrationId, b.BreakoutId }).ToListAsync(ct);
        return (clashes.Select(c => c.RegistrationId).Distinct().Count(),
            overlapping.FirstOrDefault(b => clashes.Any(c => c.BreakoutId == b.Id))?.Title);
    }

    /// <summary>The breakout moved (time or room): a higher calendar sequence, and every confirmed and waitlisted
    /// delegate told by e-mail (with the transaction). Returns how many.</summary>
    private async Task<int> TellHoldersOfMoveAsync(Breakout breakout, CancellationToken ct)
    {
        breakout.Sequence++;
        var booked = await db.Bookings.AsNoTracking()
            .Where(b => b.BreakoutId == breakout.Id && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waitlisted))
            .Select(b => b.Id).ToListAsync(ct);
        foreach (var bookingId in booked) notifier.Add(NotificationKinds.BreakoutMoved, bookingId);
        return booked.Count;
    }

    /// <summary>The summit's time zone or days change (<see cref="Summits.SummitDesk.SaveAsync"/>, inside its
    /// transaction): its breakouts keep their local times, since the programme is written in them, so each one whose
    /// instant changes is moved and its delegates told. Refused, keyed by the summit's fields, when the programme has
    /// begun (a zone change), when a local time does not exist in the new zone, or when a breakout would fall outside
    /// the new days. Returns the breakouts moved and the delegates told.</summary>
    public async Task<(IReadOnlyList<(string Field, DeskText Message)> Errors, int Moved, int Told)> FollowSummitAsync(Summits.Summit summit,
        TimeZoneInfo zoneBefore, AuditActor actor, CancellationToken ct = default)
    {
        var programme = await db.Breakouts.Where(b => b.SummitId == summit.Id).OrderBy(b => b.StartUtc).ToListAsync(ct);
        var errors = new List<(string, DeskText)>();
        var retimed = new List<Breakout>();
        if (zoneBefore.Id != summit.Zone.Id)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (programme.FirstOrDefault(b => !b.IsCancelled && b.HasStartedAt(now)) is { } begun)
                return ([(nameof(Summits.Summit.TimeZoneId), $"The programme has begun (\"{begun.Title}\"): the time zone can no longer change.")], 0, 0);
            foreach (var breakout in programme)
            {
                var (start, startError) = Summits.SummitClock.ToUtc(Summits.SummitClock.ToLocal(breakout.StartUtc, zoneBefore), summit.Zone);
                var (end, endError) = Summits.SummitClock.ToUtc(Summits.SummitClock.ToLocal(breakout.EndUtc, zoneBefore), summit.Zone);
                if ((startError ?? endError) is { } skipped)
                {
                    errors.Add((nameof(Summits.Summit.TimeZoneId), $"\"{breakout.Title}\": {skipped}"));
                    continue;
                }
                if (start == breakout.StartUtc && end == breakout.EndUtc) continue;
                (breakout.StartUtc, breakout.EndUtc) = (start, end);
                retimed.Add(breakout);
            }
        }
        var outside = programme.Where(b => !b.IsCancelled && !b.IsDuringSummit(summit)).ToList();
        if (outside.Count > 0)
        {
            var first = outside[0];
            var field = first.FirstDay(summit) < summit.StartDate ? nameof(Summits.Summit.StartDate) : nameof(Summits.Summit.EndDate);
            errors.Add((field, DeskText.Counted(outside.Count,
                $"{outside.Count:N0} breakout would fall outside these days: \"{first.Title}\" on {first.FirstDay(summit):d MMMM yyyy}. Move or cancel it first.",
                $"{outside.Count:N0} breakouts would fall outside these days, the first \"{first.Title}\" on {first.FirstDay(summit):d MMMM yyyy}. Move or cancel them first.")));
        }
        if (errors.Count > 0) return (errors, 0, 0);
        var told = 0;
        foreach (var breakout in retimed.Where(b => !b.IsCancelled))
        {
            told += await TellHoldersOfMoveAsync(breakout, ct);
            breakout.Version = Guid.NewGuid();
            audit.Record(actor, "breakout.moved", breakout,
                $"Breakout \"{breakout.Title}\" keeps its local time in {summit.TimeZoneId} (sequence {breakout.Sequence})");
        }
        // A cancelled session keeps its local time too, without a notice: its delegates were told it will not happen.
        foreach (var breakout in retimed.Where(b => b.IsCancelled)) breakout.Version = Guid.NewGuid();
        return ([], retimed.Count(b => !b.IsCancelled), told);
    }

    /// <summary>Cancels a breakout, from the version the organiser saw: every seat and waiting-list place ends in the
    /// same transaction, and each holder is told by e-mail (one notification per booking, so one per person). The
    /// breakout stays in the programme, marked cancelled, with a higher calendar sequence.</summary>
    public async Task<DeskResult> CancelAsync(int summitId, int breakoutId, Guid? expectedVersion, AuditActor actor, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var breakout = await db.Breakouts.AsNoTracking().FirstOrDefaultAsync(b => b.Id == breakoutId && b.SummitId == summitId, ct);
        if (breakout is null) return DeskResult.NotFound("There is no such breakout.");
        var seen = breakout.Version;
        // Cancelled already (a double click, a second tab, two organisers at once): done, as asked; not someone else's change.
        if (breakout.IsCancelled) return DeskResult.Done(Breakout.AlreadyCancelled(breakout.Title));
        if (expectedVersion is not null && expectedVersion != seen) return DeskResult.Conflict("this breakout");
        if (breakout.Cancel(clock.GetUtcNow().UtcDateTime) is { } refusal) return DeskResult.Refused(refusal);
        var now = breakout.CancelledUtc!.Value;
        // The breakout's row first, by a conditional update: it stays locked until the commit, so a booking of this
        // breakout either committed before (and is read below, to be ended) or waits, then sees the breakout
        // cancelled and rolls back (BookingDesk.BookAsync reads it again after taking the row).
        var changed = await db.Breakouts.Where(b => b.Id == breakoutId && b.Version == seen && b.CancelledUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.CancelledUtc, now).SetProperty(b => b.Sequence, breakout.Sequence)
                .SetProperty(b => b.ConfirmedCount, 0).SetProperty(b => b.Version, breakout.Version), ct);
        if (changed == 0)
            return DeskResult.Stale(await db.Breakouts.AnyAsync(b => b.Id == breakoutId && b.CancelledUtc != null, ct), "this breakout",
                Breakout.AlreadyCancelled(breakout.Title));
        var live = await db.Bookings.AsNoTracking()
            .Where(b => b.BreakoutId == breakoutId && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waitlisted))
            .Select(b => b.Id).ToListAsync(ct);
        await db.Bookings.Where(b => live.Contains(b.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Cancelled)
                .SetProperty(b => b.CancelledUtc, now).SetProperty(b => b.Version, Guid.NewGuid()), ct);
        foreach (var bookingId in live) notifier.Add(NotificationKinds.BreakoutCancelled, bookingId);
        audit.Record(actor, "breakout.cancelled", breakout,
            $"Breakout \"{breakout.Title}\" cancelled (sequence {breakout.Sequence}); {live.Count} bookings ended and told");
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
        return DeskResult.Done($"Breakout \"{breakout.Title}\" cancelled; {Plural(live.Count)} will be told by e-mail.");
    }

    private static DeskText Plural(int n) => n == 1 ? "1 delegate" : (DeskText)$"{n:N0} delegates";

    /// <summary>The summit's turn, the same way on its row, and the summit as it is now (null when deleted): a breakout
    /// saved while the summit's days or zone change either commits before that edit (which then sees it, see
    /// <see cref="FollowSummitAsync"/>) or waits for it and is checked against the new days. Taken first, as
    /// <see cref="Summits.SummitDesk.SaveAsync"/> does.</summary>
    private async Task<Summits.Summit?> TakeSummitTurnAsync(int summitId, CancellationToken ct)
    {
        await db.Summits.Where(s => s.Id == summitId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Name, s => s.Name), ct);
        return await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
    }

    /// <summary>The room's turn: a write that changes nothing to its row, held until the transaction ends. Whatever
    /// changes a room or puts a breakout in it takes the turn before checking the room's rules, so a breakout saved
    /// into the room at the same moment, or its capacity lowered, either committed before (and is seen by the check)
    /// or waits for this transaction to end (and then sees it): a room is never given twice for one hour, nor to a
    /// breakout with more seats than it holds.</summary>
    private Task TakeRoomTurnAsync(int roomId, CancellationToken ct) =>
        db.Rooms.Where(r => r.Id == roomId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Name, r => r.Name), ct);

    /// <summary>Each facilitator's turn, the same way on their account's row (in one order, so two requests never wait
    /// for each other): a person is never put into two breakouts of the same hour by two organisers at once, even in
    /// different rooms. Taken after the room's turn.</summary>
    private async Task TakeFacilitatorsTurnAsync(List<string> facilitatorIds, CancellationToken ct)
    {
        foreach (var id in facilitatorIds.Order(StringComparer.Ordinal))
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.FullName, x => x.FullName), ct);
    }

    /// <summary>Drops what this request changed in memory, so a refusal leaves nothing half-saved behind.</summary>
    private DeskResult Forget(DeskResult result)
    {
        db.ChangeTracker.Clear();
        return result;
    }

    private Task<bool> RoomNameTakenAsync(Room room, CancellationToken ct)
    {
        var key = room.NameKey;
        return db.Rooms.AnyAsync(r => r.SummitId == room.SummitId && r.Id != room.Id && r.NameKey == key, ct);
    }

    private Task<bool> ThemeNameTakenAsync(Theme theme, CancellationToken ct)
    {
        var key = theme.NameKey;
        return db.Themes.AnyAsync(t => t.SummitId == theme.SummitId && t.Id != theme.Id && t.NameKey == key, ct);
    }

    private static (string, DeskText) RoomNameTaken(Room room) => (nameof(Room.Name), $"This summit already has a room called \"{room.Name}\".");

    private static (string, DeskText) ThemeNameTaken(Theme theme) => (nameof(Theme.Name), $"This summit already has a theme called \"{theme.Name}\".");
}
