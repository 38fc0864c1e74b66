using System.Diagnostics;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Registrations;
using Xunit.Abstractions;

namespace WeProtect.Summit.Tests.Deployment;

/// <summary>Two app processes (real Kestrel, separate OS processes started from the built output), one PostgreSQL
/// database, one Hangfire queue in it, the same certificates, mail through one SMTP server: a delegate logged in on
/// one node is served by the other, the last seats of a breakout asked for through both nodes at once go to exactly
/// as many delegates as there are seats, nothing answers 5xx, and every notification goes exactly once whichever
/// node's job sends it. The racers are 100, not the issue's 400: two app processes, PostgreSQL and the test share the
/// 2 cores of a CI machine, and the whole suite must stay under 15 minutes.</summary>
[Collection(LoadCollection.Name)]
public class TwoNodesOnPostgresTests(ITestOutputHelper output)
{
    private const int Racers = 100;
    private const int Seats = 10;

    [Fact]
    public async Task The_last_seats_asked_for_through_both_nodes_at_once_are_never_oversold_and_every_notification_goes_once()
    {
        var clock = Stopwatch.StartNew();
        await using var shared = await PostgresNodes.CreateAsync("two_nodes", output);
        using var smtp = new TestSmtpServer();

        // The data, written through the usual helpers by an in-process app on the same database (which migrates it),
        // gone before the nodes start: from then on only the two processes serve.
        int breakoutId;
        var delegates = new List<SummitUser>();
        using (var setup = shared.SetupApp())
        {
            var summit = await setup.CreateOpenSummitAsync(capacity: 1000);
            breakoutId = (await setup.CreateBreakoutAsync(summit, capacity: Seats, title: "Last seats on two nodes")).Id;
            var organisation = await setup.CreateOrganisationAsync();
            foreach (var batch in Enumerable.Range(0, Racers).Chunk(10))
                delegates.AddRange(await Task.WhenAll(batch.Select(i => setup.CreateUserAsync(fullName: $"Racer {i:000}"))));
            foreach (var user in delegates)
            {
                var registration = await setup.RegisterAsync(user, summit.Id, organisation.Id);
                Assert.True((await setup.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
            }
        }
        output.WriteLine($"Data ready after {clock.Elapsed.TotalSeconds:F1} s");

        var mail = new Dictionary<string, string>
        {
            ["Mail__SmtpHost"] = "127.0.0.1",
            ["Mail__SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail__SmtpUser"] = TestSmtpServer.User,
            ["Mail__SmtpPassword"] = TestSmtpServer.Password,
            ["Mail__SmtpCertificateThumbprint"] = smtp.Thumbprint,
        };
        var nodes = await shared.StartAllAsync(mail, "a", "b");
        output.WriteLine($"Both nodes up after {clock.Elapsed.TotalSeconds:F1} s");

        // Each delegate logs in on one node, loads the booking page from the other and books on the first: the
        // cookie and the antiforgery token of one node are good on the other (the shared keys).
        var cookies = delegates.Select(_ => new CookieContainer()).ToList();
        FormClient On(int node, int i) => PostgresNodes.Client(nodes[node], cookies[i]);
        var ready = new List<(FormClient Client, AngleSharp.Html.Dom.IHtmlDocument Page)>();
        foreach (var batch in Enumerable.Range(0, Racers).Chunk(10))
            ready.AddRange(await Task.WhenAll(batch.Select(async i =>
            {
                var home = On(i % 2, i);
                await home.LogInAsync(delegates[i].Email!, SummitAppFactory.Password);
                using var other = On(1 - i % 2, i);
                return (home, await other.GetPageAsync(BookingSteps.BookUrl(breakoutId)));
            })));
        output.WriteLine($"{Racers} delegates logged in after {clock.Elapsed.TotalSeconds:F1} s");

        var responses = await Task.WhenAll(ready.Select(r => Task.Run(() => r.Client.SubmitAsync(r.Page, $"form#book-form-{breakoutId}"))));
        var messages = new List<string>();
        foreach (var response in responses)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
            messages.Add((await FormClient.ParseAsync(response, body)).Message(breakoutId) ?? "(no message)");
        }
        output.WriteLine($"{Racers} bookings answered after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(Seats, messages.Count(m => m.Contains("is confirmed")));
        Assert.Equal(Racers - Seats, messages.Count(m => m.Contains("on its waiting list")));

        Assert.Equal(Seats, await shared.ScalarAsync($"SELECT \"ConfirmedCount\" FROM \"Breakouts\" WHERE \"Id\" = {breakoutId}"));
        Assert.Equal(Seats, await shared.ScalarAsync($"SELECT COUNT(*) FROM \"Bookings\" WHERE \"BreakoutId\" = {breakoutId} AND \"Status\" = '{BookingStatus.Confirmed}'"));
        Assert.Equal(Racers - Seats, await shared.ScalarAsync($"SELECT COUNT(*) FROM \"Bookings\" WHERE \"BreakoutId\" = {breakoutId} AND \"Status\" = '{BookingStatus.Waitlisted}'"));
        // Each answer told its own place in line, whichever node gave it: together exactly 1..(racers − seats).
        var told = messages.Where(m => m.Contains("on its waiting list"))
            .Select(m => int.Parse(System.Text.RegularExpressions.Regex.Match(m, @"number (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order();
        Assert.Equal(Enumerable.Range(1, Racers - Seats), told);

        // Every booking's letter goes, exactly once, from whichever node's job took it.
        var bookingKinds = $"'{NotificationKinds.BookingConfirmed}', '{NotificationKinds.BookingWaitlisted}'";
        var until = DateTime.UtcNow.AddSeconds(120);
        while (await shared.ScalarAsync($"SELECT COUNT(*) FROM \"Notifications\" WHERE \"Kind\" IN ({bookingKinds}) AND \"SentUtc\" IS NULL") > 0)
        {
            Assert.True(DateTime.UtcNow < until, "The booking letters were not all sent within 120 s");
            await Task.Delay(250);
        }
        Assert.Equal(Racers, await shared.ScalarAsync($"SELECT COUNT(*) FROM \"Notifications\" WHERE \"Kind\" IN ({bookingKinds})"));
        Assert.Equal(0, await shared.ScalarAsync("SELECT COUNT(*) FROM \"Notifications\" WHERE \"FailedUtc\" IS NOT NULL"));
        var emails = delegates.Select(d => d.Email!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var letters = smtp.Messages.Where(m => m.Message.To.Mailboxes.Any(a => emails.Contains(a.Address))
            && ((m.Message.Subject ?? "").StartsWith("Seat confirmed") || (m.Message.Subject ?? "").StartsWith("On the waiting list"))).ToList();
        Assert.Equal(Racers, letters.Count);
        Assert.Equal(Racers, letters.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.All(delegates, d => Assert.Single(letters, m => m.Message.To.Mailboxes.Any(a => a.Address == d.Email)));
        Assert.Equal(Seats, letters.Count(m => m.Message.Subject!.StartsWith("Seat confirmed")));
        Assert.All(letters, m => Assert.True(m.Secure));

        foreach (var (client, _) in ready) client.Dispose();
        output.WriteLine($"Whole test {clock.Elapsed.TotalSeconds:F1} s");
        shared.Passed = true;
    }
}
