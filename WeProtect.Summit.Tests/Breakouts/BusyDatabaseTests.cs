using Microsoft.Data.Sqlite;
using WeProtect.Summit.Data.Breakouts;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>A booking that cannot get the database's lock in time is answered 503 "try again" with Retry-After, saves
/// nothing, and the same press a moment later books the seat.</summary>
public class BusyDatabaseTests(BusyDatabaseApp app) : IClassFixture<BusyDatabaseApp>
{
    [Fact]
    public async Task A_booking_that_waits_too_long_for_the_lock_is_told_to_try_again_and_nothing_is_saved()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 5);
        var (user, _) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = await app.LogInAsync(user);
        var page = await client.GetPageAsync(BookingSteps.BookUrl(breakout.Id));

        HttpResponseMessage busy;
        // Another writer holds SQLite's write lock for longer than the app's one-second busy timeout.
        await using (var other = new SqliteConnection($"Data Source={app.DatabasePath};Default Timeout=1"))
        {
            await other.OpenAsync();
            await using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE;";
            await hold.ExecuteNonQueryAsync();
            busy = await client.SubmitAsync(page, $"form#book-form-{breakout.Id}");
            hold.CommandText = "ROLLBACK;";
            await hold.ExecuteNonQueryAsync();
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), busy.Headers.RetryAfter?.Delta);
        Assert.Contains("Nothing was saved. Please try again", await busy.Content.ReadAsStringAsync());
        Assert.Empty(await app.WithDbAsync(db => db.Bookings.Where(b => b.BreakoutId == breakout.Id).ToListAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id).Select(b => b.ConfirmedCount).SingleAsync()));

        var again = await client.SubmitAsync(page, $"form#book-form-{breakout.Id}");
        Assert.True(again.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{(int)again.StatusCode}");
        Assert.Equal(BookingStatus.Confirmed, (await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.BreakoutId == breakout.Id))).Status);
    }
}
