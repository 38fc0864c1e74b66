using System.Diagnostics;
using System.Text.RegularExpressions;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Registrations;
using Xunit.Abstractions;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>The last seat of a breakout, asked for by a hundred delegates at once over HTTP: one gets it, the
/// others queue without a gap. An app of its own, so nothing else competes for its database.</summary>
[Collection(LoadCollection.Name)]
public class BookingRaceTests(SummitAppFactory app, ITestOutputHelper output) : IClassFixture<SummitAppFactory>
{
    private const int Racers = 100;
    private const int Capacity = 4;

    [Fact]
    public async Task A_hundred_delegates_ask_for_the_last_seat_at_once_one_gets_it_and_the_rest_queue_1_to_99()
    {
        var clock = Stopwatch.StartNew();
        var summit = await app.CreateOpenSummitAsync(capacity: 1000);
        var breakout = await app.CreateBreakoutAsync(summit, capacity: Capacity, title: "Last seat standing");

        // Capacity − 1 seats already taken, through the page.
        for (var i = 0; i < Capacity - 1; i++)
        {
            var (holder, _) = await app.ApprovedDelegateAsync(summit.Id);
            using var client = await app.LogInAsync(holder);
            Assert.Contains("is confirmed", (await client.BookThroughPageAsync(breakout.Id)).Message(breakout.Id));
        }

        // A hundred approved delegates, each logged in with a loaded booking page (antiforgery token included).
        var organisation = await app.CreateOrganisationAsync();
        // Users in parallel batches (password hashing is the slow part); registrations and decisions one by one,
        // through RegistrationDesk as the secretariat would.
        var racers = new List<SummitUser>();
        foreach (var batch in Enumerable.Range(0, Racers).Chunk(10))
            racers.AddRange(await Task.WhenAll(batch.Select(i => app.CreateUserAsync(fullName: $"Racer {i:000}"))));
        foreach (var user in racers)
        {
            var registration = await app.RegisterAsync(user, summit.Id, organisation.Id);
            var decided = await app.DecideAsync(registration.Id, RegistrationStatus.Approved);
            Assert.True(decided.Succeeded, decided.Message);
        }
        var ready = new List<(FormClient Client, AngleSharp.Html.Dom.IHtmlDocument Page)>();
        foreach (var batch in racers.Chunk(10))
            ready.AddRange(await Task.WhenAll(batch.Select(async user =>
            {
                var client = await app.LogInAsync(user);
                return (client, await client.GetPageAsync(BookingSteps.BookUrl(breakout.Id)));
            })));
        output.WriteLine($"{Racers} delegates ready after {clock.Elapsed.TotalSeconds:F1} s");

        var race = Stopwatch.StartNew();
        var responses = await Task.WhenAll(ready.Select(r => Task.Run(() => r.Client.SubmitAsync(r.Page, $"form#book-form-{breakout.Id}"))));
        output.WriteLine($"{Racers} parallel POSTs answered in {race.Elapsed.TotalSeconds:F1} s");

        var messages = new List<string>();
        foreach (var response in responses)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
            messages.Add((await FormClient.ParseAsync(response, body)).Message(breakout.Id) ?? "(no message)");
        }
        Assert.Single(messages, m => m.Contains("is confirmed"));
        var waitlisted = messages.Where(m => m.Contains("on its waiting list")).ToList();
        Assert.Equal(Racers - 1, waitlisted.Count);
        // Each answer told its own place in line: together exactly 1..99.
        var told = waitlisted.Select(m => int.Parse(Regex.Match(m, @"number (\d+)").Groups[1].Value)).Order();
        Assert.Equal(Enumerable.Range(1, Racers - 1), told);

        var seats = await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id).Select(b => new { b.Capacity, b.ConfirmedCount }).SingleAsync());
        Assert.Equal(seats.Capacity, seats.ConfirmedCount);
        var bookings = await app.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.BreakoutId == breakout.Id).ToListAsync());
        Assert.Equal(Capacity, bookings.Count(b => b.Status == BookingStatus.Confirmed));
        var queue = bookings.Where(b => b.Status == BookingStatus.Waitlisted).ToList();
        Assert.Equal(Racers - 1, queue.Count);
        var positions = new List<int>();
        using (var scope = app.Services.CreateScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<BookingDesk>();
            foreach (var booking in queue) positions.Add(await desk.WaitlistPositionAsync(booking));
        }
        Assert.Equal(Enumerable.Range(1, Racers - 1), positions.Order());

        foreach (var (client, _) in ready) client.Dispose();
        output.WriteLine($"Whole test {clock.Elapsed.TotalSeconds:F1} s");
    }
}
