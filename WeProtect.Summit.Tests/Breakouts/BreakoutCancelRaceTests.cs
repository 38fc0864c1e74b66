using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>An organiser cancels a breakout while delegates are booking it: afterwards no booking of it is live, its
/// seat count is 0, and every booking that was made is told of the cancellation exactly once.</summary>
public class BreakoutCancelRaceTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private const int Racers = 24;

    [Fact]
    public async Task Bookings_racing_a_cancellation_either_end_with_it_and_are_told_or_are_refused()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 1000);
        var breakout = await app.CreateBreakoutAsync(summit, capacity: Racers / 2, startHour: 16, title: "Cancelled under load");
        var organisation = await app.CreateOrganisationAsync();
        var racers = new List<Data.Accounts.SummitUser>();
        foreach (var batch in Enumerable.Range(0, Racers).Chunk(8))
            racers.AddRange(await Task.WhenAll(batch.Select(i => app.CreateUserAsync(fullName: $"Racer {i:00}"))));
        foreach (var user in racers)
            Assert.True((await app.DecideAsync((await app.RegisterAsync(user, summit.Id, organisation.Id)).Id, Data.Registrations.RegistrationStatus.Approved)).Succeeded);
        // A few seats before the race, so the cancellation always has someone to tell.
        foreach (var user in racers.Take(3)) Assert.True((await app.BookAsync(breakout.Id, user)).Succeeded);

        using var start = new ManualResetEventSlim();
        var bookings = racers.Skip(3).Select(user => Task.Run(async () =>
        {
            start.Wait();
            return await app.BookAsync(breakout.Id, user);
        })).ToList();
        var cancel = Task.Run(async () =>
        {
            start.Wait();
            await Task.Delay(5);
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<BreakoutDesk>().CancelAsync(summit.Id, breakout.Id, null, new AuditActor(null, "organiser"));
        });
        start.Set();
        await Task.WhenAll(bookings);
        var cancelled = await cancel;
        Assert.True(cancelled.Succeeded, cancelled.Message);

        var rows = await app.WithDbAsync(db => db.Bookings.Where(b => b.BreakoutId == breakout.Id).ToListAsync());
        Assert.All(rows, b => Assert.Equal(BookingStatus.Cancelled, b.Status));
        Assert.Equal(0, await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id).Select(b => b.ConfirmedCount).SingleAsync()));
        // Every booking that exists was live before the cancellation committed: each is told exactly once.
        var told = await app.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKinds.BreakoutCancelled).Select(n => n.SubjectId).ToListAsync());
        Assert.Equal(rows.Select(b => b.Id).Order(), told.Where(rows.Select(b => b.Id).Contains).Order());
        Assert.True(rows.Count >= 3);
        // A request that lost the race was refused, never left confirmed.
        Assert.All(bookings.Select(b => b.Result).Where(r => !r.Succeeded), r => Assert.Contains("cancelled", r.Message));
    }

    /// <summary>Several organisers (or tabs) cancel one breakout at the same moment, from the same page: it is cancelled
    /// once — one audit event, one higher SEQUENCE, each holder told once — and every one of them is told it is done,
    /// the losers "already cancelled", never "someone else changed it".</summary>
    [Fact]
    public async Task Organisers_cancelling_one_breakout_at_once_cancel_it_once_and_are_each_told_it_is_done()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 5, startHour: 15, title: "Cancelled by all at once");
        var (holder, _) = await app.ApprovedDelegateAsync(summit.Id);
        var seat = (await app.BookAsync(breakout.Id, holder)).Value!;
        var seen = await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id).Select(b => new { b.Version, b.Sequence }).SingleAsync());

        using var start = new ManualResetEventSlim();
        var cancels = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            start.Wait();
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<BreakoutDesk>().CancelAsync(summit.Id, breakout.Id, seen.Version, new AuditActor(null, $"organiser {i}"));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(cancels);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Single(results, r => r.Message.Contains("cancelled; 1 delegate will be told", StringComparison.Ordinal));
        Assert.All(results.Where(r => !r.Message.Contains("will be told", StringComparison.Ordinal)), r => Assert.Contains("is already cancelled", r.Message));
        Assert.Single(await app.AuditActionsAsync("Breakout", breakout.Id), a => a == "breakout.cancelled");
        Assert.Equal(seen.Sequence + 1, await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id).Select(b => b.Sequence).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.BreakoutCancelled && n.SubjectId == seat.Id)));
    }
}
