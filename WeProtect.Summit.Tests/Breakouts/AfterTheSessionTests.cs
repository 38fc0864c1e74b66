using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Summits;

namespace WeProtect.Summit.Tests.Breakouts;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also a namespace here

/// <summary>Once a session has started its bookings are its record, and once the summit is over its registrations are:
/// a seat is neither booked nor given up after the start (nobody is promoted into a session that is over), and a
/// delegate cannot cancel a registration for a summit they attended.</summary>
public class AfterTheSessionTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private Task MoveIntoThePastAsync(Breakout breakout) => app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id)
        .ExecuteUpdateAsync(u => u.SetProperty(b => b.StartUtc, app.UtcNow.AddHours(-3)).SetProperty(b => b.EndUtc, app.UtcNow.AddHours(-1))));

    [Fact]
    public async Task A_session_that_has_started_takes_no_booking_and_keeps_its_seats()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 1);
        var (held, _) = await app.ApprovedDelegateAsync(summit.Id, "Held Seat");
        var (waiting, _) = await app.ApprovedDelegateAsync(summit.Id, "Still Waiting");
        var (late, _) = await app.ApprovedDelegateAsync(summit.Id, "Late Comer");
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(breakout.Id, held)).Booked());
        Assert.Equal(BookingStatus.Waitlisted, (await app.BookAsync(breakout.Id, waiting)).Booked());
        await MoveIntoThePastAsync(breakout);

        var refused = await app.BookAsync(breakout.Id, late);
        Assert.False(refused.Succeeded);
        Assert.Contains("has already started", refused.Message);

        var seat = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.BreakoutId == breakout.Id && b.Status == BookingStatus.Confirmed));
        using (var scope = app.Services.CreateScope())
        {
            var given = await scope.ServiceProvider.GetRequiredService<BookingDesk>().CancelAsync(seat.Id, held.Id, new AuditActor(held.Id, held.FullName));
            Assert.False(given.Succeeded);
            Assert.Contains("has already started", given.Message);
        }
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Waitlisted],
            await app.WithDbAsync(db => db.Bookings.Where(b => b.BreakoutId == breakout.Id).OrderBy(b => b.Id).Select(b => b.Status).ToListAsync()));
    }

    [Fact]
    public async Task A_delegate_cannot_cancel_a_registration_for_a_summit_that_is_over()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (delegateUser, registration) = await app.ApprovedDelegateAsync(summit.Id, "Came And Went");
        using var client = await app.LogInAsync(delegateUser);
        var details = await client.GetPageAsync($"/Registration/Details/{registration.Id}");
        var lastMonth = DateOnly.FromDateTime(app.UtcNow).AddMonths(-1);
        await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.StartDate, lastMonth).SetProperty(s => s.EndDate, lastMonth.AddDays(1))));

        var (response, page) = await client.SubmitAndFollowAsync(details, "#cancel-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The summit is over", page.QuerySelector("#status")!.TextContent);
        Assert.Equal(RegistrationStatus.Approved, await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.Status).SingleAsync()));
    }
}
