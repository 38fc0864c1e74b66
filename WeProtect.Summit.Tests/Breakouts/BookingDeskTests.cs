using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>BookingDesk's rules against the real database.</summary>
public class BookingDeskTests : IClassFixture<SummitAppFactory>
{
    private readonly SummitAppFactory app;

    public BookingDeskTests(SummitAppFactory app) => this.app = app;

    [Fact]
    public async Task The_last_seat_goes_to_one_and_the_rest_queue_in_order_and_a_cancellation_promotes_the_first()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 1);
        var delegates = new List<Data.Accounts.SummitUser>();
        for (var i = 0; i < 12; i++) delegates.Add((await app.ApprovedDelegateAsync(summit.Id)).User);

        var results = await Task.WhenAll(delegates.Select(d => Task.Run(() => app.BookAsync(breakout.Id, d))));
        Assert.Single(results, r => r.Booked() == BookingStatus.Confirmed);
        Assert.Equal(11, results.Count(r => r.Booked() == BookingStatus.Waitlisted));

        var positions = new List<int>();
        using (var scope = app.Services.CreateScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<BookingDesk>();
            foreach (var waiting in results.Where(r => r.Booked() == BookingStatus.Waitlisted))
                positions.Add(await desk.WaitlistPositionAsync(waiting.Value!));
        }
        Assert.Equal(Enumerable.Range(1, 11), positions.Order());

        var holder = delegates[Array.FindIndex(results, r => r.Booked() == BookingStatus.Confirmed)];
        var first = results.Where(r => r.Booked() == BookingStatus.Waitlisted).OrderBy(r => r.Value!.RequestedUtc).ThenBy(r => r.Value!.Id).First();
        using (var scope = app.Services.CreateScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<BookingDesk>();
            var seat = results.Single(r => r.Booked() == BookingStatus.Confirmed).Value!;
            Assert.True((await desk.CancelAsync(seat.Id, holder.Id, new AuditActor(holder.Id, holder.FullName))).Succeeded);
        }
        var promoted = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == first.Value!.Id));
        Assert.Equal(BookingStatus.Confirmed, promoted.Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id).Select(b => b.ConfirmedCount).SingleAsync()));
    }

    [Fact]
    public async Task A_seat_in_an_overlapping_breakout_is_refused_and_named()
    {
        var summit = await app.CreateOpenSummitAsync();
        var morning = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Technology and safety by design");
        var overlapping = await app.CreateBreakoutAsync(summit, startHour: 10);
        var (user, _) = await app.ApprovedDelegateAsync(summit.Id);
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(morning.Id, user)).Booked());
        var clash = await app.BookAsync(overlapping.Id, user);
        Assert.Equal(DeskRefusal.Clash, clash.Refusal);
        Assert.Contains("Technology and safety by design", clash.Message);
        Assert.Equal(DeskRefusal.AlreadyBooked, (await app.BookAsync(morning.Id, user)).Refusal);
    }

    [Fact]
    public async Task Only_approved_delegates_book()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit);
        var stranger = await app.CreateUserAsync();
        Assert.Equal(DeskRefusal.NotAllowed, (await app.BookAsync(breakout.Id, stranger)).Refusal);
    }
}
