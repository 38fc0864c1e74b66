using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Registrations;
using AngleSharp.Html.Dom;
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

    private const int Rounds = 30;

    [Fact]
    public async Task A_freed_seat_goes_to_the_next_in_line_when_the_first_gives_up_their_waiting_place_at_that_moment()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 1000);
        // Per round: a breakout of one seat, its holder, and two in line; the holder and the first in line each press
        // "cancel" on their bookings page, at once.
        var rounds = new List<(Breakout Breakout, FormClient Holder, IHtmlDocument HolderPage, int HolderBooking,
            FormClient First, IHtmlDocument FirstPage, int FirstBooking, int SecondBooking)>();
        for (var i = 0; i < Rounds; i++)
        {
            var breakout = await app.CreateBreakoutAsync(summit, capacity: 1, title: $"Round {i:00} {Guid.NewGuid():N}"[..20]);
            var bookings = new List<(SummitUser User, int Booking)>();
            for (var j = 0; j < 3; j++)
            {
                var (user, _) = await app.ApprovedDelegateAsync(summit.Id, $"Round {i:00} delegate {j}");
                var booked = await app.BookAsync(breakout.Id, user);
                Assert.True(booked.Succeeded, booked.Message);
                bookings.Add((user, booked.Value!.Id));
                app.Clock.Advance(TimeSpan.FromSeconds(1)); // the order of asking is the order in line
            }
            var holder = await app.LogInAsync(bookings[0].User);
            var first = await app.LogInAsync(bookings[1].User);
            rounds.Add((breakout, holder, await holder.GetPageAsync("/Breakouts/Bookings"), bookings[0].Booking,
                first, await first.GetPageAsync("/Breakouts/Bookings"), bookings[1].Booking, bookings[2].Booking));
        }

        var responses = await Task.WhenAll(rounds.SelectMany(r => new[]
        {
            Task.Run(() => r.Holder.SubmitAsync(r.HolderPage, $"form#cancel-form-{r.HolderBooking}")),
            Task.Run(() => r.First.SubmitAsync(r.FirstPage, $"form#cancel-form-{r.FirstBooking}")),
        }));
        Assert.All(responses, response => Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}"));

        var ids = rounds.Select(r => r.Breakout.Id).ToList();
        var (breakouts, bookingsAfter, promoted) = await app.WithDbAsync(async db => (
            await db.Breakouts.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.ConfirmedCount),
            await db.Bookings.AsNoTracking().Where(b => ids.Contains(b.BreakoutId)).ToDictionaryAsync(b => b.Id),
            await db.Notifications.AsNoTracking().Where(n => n.Kind == Data.Notifications.NotificationKinds.BookingPromoted).Select(n => n.SubjectId).ToListAsync()));
        var events = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.SubjectType == nameof(Booking)
            && (e.Action == "booking.promoted" || e.Action == "booking.cancelled")).Select(e => new { e.Action, e.SubjectId, e.Summary }).ToListAsync());
        var lost = 0;
        foreach (var r in rounds)
        {
            var (first, second) = (bookingsAfter[r.FirstBooking], bookingsAfter[r.SecondBooking]);
            var confirmed = bookingsAfter.Values.Count(b => b.BreakoutId == r.Breakout.Id && b.Status == BookingStatus.Confirmed);
            // The counter is the rows: one seat, held by whoever got it.
            Assert.Equal(confirmed, breakouts[r.Breakout.Id]);
            Assert.Equal(1, confirmed);
            // The first in line gave up their place before the seat came to them, and it went to the second; or after
            // (promoted, then cancelled as a confirmed booking, and the seat went on); or their cancel found the
            // booking promoted meanwhile and changed nothing (a conflict). Never a promotion recorded or written to a
            // booking cancelled while still waiting.
            var subject = r.FirstBooking.ToString(CultureInfo.InvariantCulture);
            if (first.Status == BookingStatus.Confirmed)
            {
                Assert.Equal(BookingStatus.Waitlisted, second.Status);
                Assert.DoesNotContain(events, e => e.Action == "booking.cancelled" && e.SubjectId == subject);
                continue;
            }
            Assert.Equal(BookingStatus.Cancelled, first.Status);
            Assert.Equal(BookingStatus.Confirmed, second.Status);
            if (Assert.Single(events, e => e.Action == "booking.cancelled" && e.SubjectId == subject).Summary.Contains("(Waitlisted before)"))
            {
                lost++;
                Assert.DoesNotContain(r.FirstBooking, promoted);
                Assert.DoesNotContain(events, e => e.Action == "booking.promoted" && e.SubjectId == subject);
            }
        }
        foreach (var r in rounds)
        {
            r.Holder.Dispose();
            r.First.Dispose();
        }
        output.WriteLine($"{lost} of {Rounds} first in line gave up their place before the seat reached them");
    }
}
