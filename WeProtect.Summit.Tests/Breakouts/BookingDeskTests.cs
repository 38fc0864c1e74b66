using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Tests.Support;

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
        Assert.Single(results, r => r.Outcome == BookingDesk.Outcome.Confirmed);
        Assert.Equal(11, results.Count(r => r.Outcome == BookingDesk.Outcome.Waitlisted));

        var positions = new List<int>();
        using (var scope = app.Services.CreateScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<BookingDesk>();
            foreach (var waiting in results.Where(r => r.Outcome == BookingDesk.Outcome.Waitlisted))
                positions.Add(await desk.WaitlistPositionAsync(waiting.Booking!));
        }
        Assert.Equal(Enumerable.Range(1, 11), positions.Order());

        var holder = delegates[Array.FindIndex(results, r => r.Outcome == BookingDesk.Outcome.Confirmed)];
        var first = results.Where(r => r.Outcome == BookingDesk.Outcome.Waitlisted).OrderBy(r => r.Booking!.RequestedUtc).ThenBy(r => r.Booking!.Id).First();
        using (var scope = app.Services.CreateScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<BookingDesk>();
            var seat = results.Single(r => r.Outcome == BookingDesk.Outcome.Confirmed).Booking!;
            Assert.Equal(BookingDesk.Outcome.Cancelled, (await desk.CancelAsync(seat.Id, holder.Id, new AuditActor(holder.Id, holder.FullName))).Outcome);
        }
        var promoted = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == first.Booking!.Id));
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
        Assert.Equal(BookingDesk.Outcome.Confirmed, (await app.BookAsync(morning.Id, user)).Outcome);
        var clash = await app.BookAsync(overlapping.Id, user);
        Assert.Equal(BookingDesk.Outcome.Clash, clash.Outcome);
        Assert.Contains("Technology and safety by design", clash.Message);
        Assert.Equal(BookingDesk.Outcome.AlreadyBooked, (await app.BookAsync(morning.Id, user)).Outcome);
    }

    [Fact]
    public async Task Only_approved_delegates_book()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit);
        var stranger = await app.CreateUserAsync();
        Assert.Equal(BookingDesk.Outcome.NotAllowed, (await app.BookAsync(breakout.Id, stranger)).Outcome);
    }
}
