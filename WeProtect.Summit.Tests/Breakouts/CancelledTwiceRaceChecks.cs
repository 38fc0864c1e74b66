using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>A delegate's cancel sent several times at the same moment (a double click that got through, two tabs):
/// the booking or registration is cancelled once — one audit event, one letter, one freed place — and every request
/// is answered done. Run on SQLite (<see cref="CancelledTwiceRaceTests"/>) and PostgreSQL
/// (<see cref="CancelledTwiceRaceOnPostgresTests"/>).</summary>
public abstract class CancelledTwiceRaceChecks(SummitAppFactory app)
{
    private const int Requests = 6;

    private static async Task<Data.Desks.DeskResult[]> AllAtOnceAsync(Func<Task<Data.Desks.DeskResult>> cancel)
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, Requests).Select(_ => Task.Run(async () => { start.Wait(); return await cancel(); })).ToList();
        start.Set();
        return await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task A_booking_cancelled_by_requests_at_once_is_cancelled_once_and_its_seat_freed_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 1, startHour: 10, title: "Cancelled at once");
        var (holder, _) = await app.ApprovedDelegateAsync(summit.Id);
        var (waiting, _) = await app.ApprovedDelegateAsync(summit.Id);
        var seat = (await app.BookAsync(breakout.Id, holder)).Value!;
        Assert.Equal(BookingStatus.Waitlisted, (await app.BookAsync(breakout.Id, waiting)).Booked());

        var results = await AllAtOnceAsync(async () =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<BookingDesk>().CancelAsync(seat.Id, holder.Id, new AuditActor(holder.Id, "holder"));
        });

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Single(results, r => r.Message == "Your booking is cancelled.");
        Assert.Single(await app.AuditActionsAsync("Booking", seat.Id), a => a == "booking.cancelled");
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.BookingCancelled && n.SubjectId == seat.Id)));
        // The freed seat went to the one waiting, once: one seat taken, not two, not none.
        Assert.Equal(1, await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id).Select(b => b.ConfirmedCount).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.BreakoutId == breakout.Id && b.Status == BookingStatus.Confirmed)));
    }

    [Fact]
    public async Task A_registration_cancelled_by_requests_at_once_is_cancelled_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (me, registration) = await app.ApprovedDelegateAsync(summit.Id);

        var results = await AllAtOnceAsync(async () =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<RegistrationDesk>().CancelAsync(registration.Id, me.Id, new AuditActor(me.Id, "delegate"));
        });

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Single(results, r => r.Message == "Your registration is cancelled.");
        Assert.Single(await app.AuditActionsAsync("Registration", registration.Id), a => a == "registration.cancelled");
        Assert.Equal(RegistrationStatus.Cancelled, await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.Status).SingleAsync()));
    }
}
