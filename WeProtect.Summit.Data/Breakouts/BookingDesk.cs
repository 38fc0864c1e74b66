using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Breakouts;

/// <summary>Seats at breakouts. A seat is taken by a conditional update ("… SET ConfirmedCount = ConfirmedCount + 1
/// WHERE ConfirmedCount &lt; Capacity"): the one request that gets it is confirmed, every other is waitlisted,
/// and the waiting list is served in the order people asked.</summary>
public sealed class BookingDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock, Notifier notifier)
{
    /// <summary>The desk's clock, for pages that ask its rules' questions beforehand (<see cref="Breakout.HasStartedAt"/>).</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Books a seat for the user's approved registration at the breakout's summit.</summary>
    public async Task<DeskResult<Booking>> BookAsync(int breakoutId, string userId, AuditActor actor, CancellationToken ct = default)
    {
        var breakout = await db.Breakouts.AsNoTracking().FirstOrDefaultAsync(b => b.Id == breakoutId, ct);
        if (breakout is null) return DeskResult.NotFound("There is no such breakout.").With<Booking>();
        if (!breakout.IsBookable) return NotBookable(breakout);
        if (breakout.HasStartedAt(Now)) return DeskResult.Refused(Breakout.AlreadyStarted(breakout.Title)).With<Booking>();
        var registration = await db.Registrations.AsNoTracking()
            .FirstOrDefaultAsync(r => r.SummitId == breakout.SummitId && r.UserId == userId, ct);
        if (registration?.Status != RegistrationStatus.Approved)
            return DeskResult.Refused("Only approved delegates of this summit can book breakouts.").With<Booking>();

        // A repeated request is answered from a plain read, without taking the write lock; the same check is made
        // again inside the transaction for requests that race.
        var earlier = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.BreakoutId == breakoutId && b.RegistrationId == registration.Id, ct);
        if (earlier is { Status: not BookingStatus.Cancelled }) return AlreadyBooked(earlier);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.BreakoutId == breakoutId && b.RegistrationId == registration.Id, ct);
        if (booking is { Status: not BookingStatus.Cancelled }) return AlreadyBooked(booking);
        if (await ClashAsync(registration.Id, breakout, ct) is { } clash)
            return DeskResult.Refused($"This breakout overlaps \"{clash}\", where you already have a seat. Cancel that seat first.", DeskRefusal.Clash).With<Booking>();

        var seat = await TakeSeatAsync(breakoutId, ct);
        // Again, now that the breakout's row is locked (TakeSeatAsync updates it either way): a cancellation that
        // committed meanwhile is seen here, and the transaction ends without a booking.
        if (await db.Breakouts.AsNoTracking().FirstAsync(b => b.Id == breakoutId, ct) is { IsBookable: false } cancelled)
            return NotBookable(cancelled);
        var now = Now;
        booking ??= db.Bookings.Add(new Booking { BreakoutId = breakoutId, RegistrationId = registration.Id }).Entity;
        booking.Request(seat, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index (breakout, registration): the same delegate's second request at the same moment.
            return DeskResult.Refused("You already have a booking for this breakout.", DeskRefusal.AlreadyBooked).With<Booking>();
        }
        notifier.Add(seat ? NotificationKinds.BookingConfirmed : NotificationKinds.BookingWaitlisted, booking.Id);
        audit.Record(actor, seat ? "booking.confirmed" : "booking.waitlisted", booking, $"Booking {booking.Id} for breakout {breakoutId}");
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
        return seat
            ? DeskResult.Done($"Your seat at \"{breakout.Title}\" is confirmed.").With(booking)
            : DeskResult.Done($"\"{breakout.Title}\" is full: you are number {await WaitlistPositionAsync(booking, ct)} on its waiting list.").With(booking);
    }

    /// <summary>Cancels the user's own booking (confirmed to them by e-mail); a freed seat goes to the first waitlisted
    /// delegate who has no overlapping seat, atomically, and they are told by e-mail.</summary>
    public async Task<DeskResult> CancelAsync(int bookingId, string userId, AuditActor actor, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var booking = await db.Bookings.AsNoTracking().Include(b => b.Registration)
            .FirstOrDefaultAsync(b => b.Id == bookingId && b.Registration.UserId == userId, ct);
        if (booking is null) return DeskResult.NotFound("There is no such booking.");
        // Cancelled already (a double click, a second tab): done, as asked.
        if (booking.Status == BookingStatus.Cancelled) return DeskResult.Done("This booking is already cancelled.");
        // A seat at a session under way or over is the record of who was booked: no cancelling, no promotion mail.
        if (await db.Breakouts.AsNoTracking().FirstAsync(b => b.Id == booking.BreakoutId, ct) is var held && held.HasStartedAt(Now))
            return DeskResult.Refused(Breakout.AlreadyStarted(held.Title));
        var changed = await db.Bookings.Where(b => b.Id == bookingId && b.Version == booking.Version)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Cancelled)
                .SetProperty(b => b.CancelledUtc, Now).SetProperty(b => b.Version, Guid.NewGuid())
                .SetProperty(b => b.Sequence, b => b.Sequence + 1), ct);
        if (changed == 0)
            return DeskResult.Stale(await db.Bookings.AnyAsync(b => b.Id == bookingId && b.Status == BookingStatus.Cancelled, ct), "your booking",
                "This booking is already cancelled.");
        audit.Record(actor, "booking.cancelled", booking, $"Booking {booking.Id} cancelled ({booking.Status} before)");
        notifier.Add(NotificationKinds.BookingCancelled, booking.Id);
        if (booking.Status == BookingStatus.Confirmed)
        {
            await db.Breakouts.Where(b => b.Id == booking.BreakoutId && b.ConfirmedCount > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ConfirmedCount, b => b.ConfirmedCount - 1), ct);
            await PromoteNextAsync(booking.BreakoutId, ct);
        }
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
        return DeskResult.Done("Your booking is cancelled.");
    }

    /// <summary>Gives up every seat and waiting-list place of a registration that is no longer approved (cancelled,
    /// or rejected after approval), inside the caller's transaction: each freed seat goes to the next in line, who is
    /// told by e-mail, and each release is in the audit trail.</summary>
    public async Task ReleaseAllAsync(int registrationId, AuditActor actor, CancellationToken ct = default)
    {
        var held = await db.Bookings.AsNoTracking()
            .Where(b => b.RegistrationId == registrationId && b.Status != BookingStatus.Cancelled).ToListAsync(ct);
        foreach (var booking in held)
        {
            var changed = await db.Bookings.Where(b => b.Id == booking.Id && b.Version == booking.Version)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Cancelled)
                    .SetProperty(b => b.CancelledUtc, Now).SetProperty(b => b.Version, Guid.NewGuid())
                    .SetProperty(b => b.Sequence, b => b.Sequence + 1), ct);
            if (changed == 0) continue; // cancelled by the delegate meanwhile
            audit.Record(actor, "booking.released", booking,
                $"Booking {booking.Id} released ({booking.Status} before): registration {registrationId} is no longer approved");
            if (booking.Status != BookingStatus.Confirmed) continue;
            await db.Breakouts.Where(b => b.Id == booking.BreakoutId && b.ConfirmedCount > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ConfirmedCount, b => b.ConfirmedCount - 1), ct);
            await PromoteNextAsync(booking.BreakoutId, ct);
        }
    }

    private static DeskResult<Booking> NotBookable(Breakout breakout) => DeskResult.Refused(breakout.IsCancelled
        ? (DeskText)$"\"{breakout.Title}\" is cancelled: it can no longer be booked."
        : (DeskText)$"\"{breakout.Title}\" is a plenary session for all delegates: there is nothing to book.").With<Booking>();

    private static DeskResult<Booking> AlreadyBooked(Booking booking) => DeskResult.Refused(booking.Status == BookingStatus.Confirmed
        ? "You already have a seat at this breakout." : "You are already on this breakout's waiting list.", DeskRefusal.AlreadyBooked).With(booking);

    /// <summary>1 for the first in line, 2 for the next…: derived from the order of asking, so never with a gap.</summary>
    public Task<int> WaitlistPositionAsync(Booking booking, CancellationToken ct = default) =>
        db.Bookings.CountAsync(b => b.BreakoutId == booking.BreakoutId && b.Status == BookingStatus.Waitlisted
            && (b.RequestedUtc < booking.RequestedUtc || (b.RequestedUtc == booking.RequestedUtc && b.Id <= booking.Id)), ct);

    /// <summary>Takes a seat if one is free. If none is, the breakout's row is still locked until the commit (an update
    /// that changes nothing), so that the bookings of one breakout queue one after another: the waiting list's order
    /// (RequestedUtc, then Id) is then the order of the commits, and a position counted after the commit is final.
    /// SQLite lets one writer in at a time anyway; on PostgreSQL, without the lock, two delegates were told "number 2".</summary>
    private async Task<bool> TakeSeatAsync(int breakoutId, CancellationToken ct)
    {
        if (await db.Breakouts.Where(b => b.Id == breakoutId && b.ConfirmedCount < b.Capacity)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ConfirmedCount, b => b.ConfirmedCount + 1), ct) == 1)
            return true;
        await db.Breakouts.Where(b => b.Id == breakoutId).ExecuteUpdateAsync(s => s.SetProperty(b => b.ConfirmedCount, b => b.ConfirmedCount), ct);
        return false;
    }

    /// <summary>The title of a breakout overlapping <paramref name="breakout"/> where the registration holds a seat.</summary>
    private Task<string?> ClashAsync(int registrationId, Breakout breakout, CancellationToken ct) =>
        db.Bookings.Where(b => b.RegistrationId == registrationId && b.Status == BookingStatus.Confirmed && b.BreakoutId != breakout.Id)
            .Select(b => b.Breakout).Where(Breakout.Overlapping(breakout.StartUtc, breakout.EndUtc))
            .Select(b => b.Title).FirstOrDefaultAsync(ct);

    /// <summary>Gives free seats (after the capacity was raised) to the waiting list, first in line first.</summary>
    public async Task<int> FillFreeSeatsAsync(int breakoutId, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var promoted = 0;
        while (await PromoteNextAsync(breakoutId, ct)) promoted++;
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
        return promoted;
    }

    /// <summary>Confirms the first waitlisted delegate without an overlapping seat, if a seat is free (the first whose
    /// booking is still waiting when the seat is taken: one given up meanwhile is passed, and the seat counted once,
    /// for the row confirmed). The rule for a
    /// delegate ahead in line who holds a seat at an overlapping breakout: they keep their place in line (they may
    /// yet cancel the other seat), the free seat goes to the next in line, and they are told once per request why
    /// they were passed over, so that nobody is skipped without knowing.</summary>
    private async Task<bool> PromoteNextAsync(int breakoutId, CancellationToken ct)
    {
        var breakout = await db.Breakouts.AsNoTracking().SingleAsync(b => b.Id == breakoutId, ct);
        var waiting = await db.Bookings.AsNoTracking()
            .Where(b => b.BreakoutId == breakoutId && b.Status == BookingStatus.Waitlisted)
            .OrderBy(b => b.RequestedUtc).ThenBy(b => b.Id).Take(50).ToListAsync(ct);
        var passedOver = new List<Booking>();
        foreach (var candidate in waiting)
        {
            if (await ClashAsync(candidate.RegistrationId, breakout, ct) is not null)
            {
                passedOver.Add(candidate);
                continue;
            }
            if (!await TakeSeatAsync(breakoutId, ct)) return false;
            var now = Now;
            // The waiting list was read without a lock: its holder may have given up the place since (their cancel
            // takes no seat, so it does not wait for the breakout's row). Then the seat goes back and on down the line.
            if (await db.Bookings.Where(b => b.Id == candidate.Id && b.Version == candidate.Version && b.Status == BookingStatus.Waitlisted)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Confirmed)
                        .SetProperty(b => b.ConfirmedUtc, now).SetProperty(b => b.Version, Guid.NewGuid())
                        .SetProperty(b => b.Sequence, b => b.Sequence + 1), ct) == 0)
            {
                await db.Breakouts.Where(b => b.Id == breakoutId && b.ConfirmedCount > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.ConfirmedCount, b => b.ConfirmedCount - 1), ct);
                continue;
            }
            await TellPassedOverAsync(passedOver, ct);
            notifier.Add(NotificationKinds.BookingPromoted, candidate.Id);
            audit.Record(AuditActor.System, "booking.promoted", candidate, $"Booking {candidate.Id} promoted from the waiting list");
            return true;
        }
        return false;
    }

    /// <summary>Tells each delegate passed over for a clash, once per request (a new request renews RequestedUtc).</summary>
    private async Task TellPassedOverAsync(List<Booking> passedOver, CancellationToken ct)
    {
        foreach (var booking in passedOver)
        {
            bool Told(Notification n) => n.Kind == NotificationKinds.BookingPassedOver && n.SubjectId == booking.Id && n.CreatedUtc >= booking.RequestedUtc;
            if (db.Notifications.Local.Any(Told) || await db.Notifications.AnyAsync(n => n.Kind == NotificationKinds.BookingPassedOver
                    && n.SubjectId == booking.Id && n.CreatedUtc >= booking.RequestedUtc, ct)) continue;
            notifier.Add(NotificationKinds.BookingPassedOver, booking.Id);
            audit.Record(AuditActor.System, "booking.passed-over", booking, $"Booking {booking.Id} passed over: an overlapping seat is held");
        }
    }
}
