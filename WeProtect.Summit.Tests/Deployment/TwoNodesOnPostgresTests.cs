using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Registrations;
using Xunit.Abstractions;

namespace WeProtect.Summit.Tests.Deployment;

/// <summary>Two app processes (real Kestrel, separate OS processes started from the built output), one PostgreSQL
/// database, one Hangfire queue in it, the same certificates, mail through one SMTP server; 400 delegates, each logged
/// in on one node and loading every form from the other (the cookie and antiforgery token of one node are good on the
/// other):
/// <list type="number">
/// <item>400 registrations posted through both nodes at once: each stored once with its audit event, nothing 5xx;</item>
/// <item>two organisers approving all of them at once, one on each node: each approved once, the summit's counter
/// equal to the rows;</item>
/// <item>400 bookings for the last 10 seats of a breakout through both nodes at once: never oversold, each of the rest
/// told its own place on the waiting list;</item>
/// <item>every one of the 1,200 letters sent exactly once, whichever node's job took it.</item>
/// </list></summary>
[Collection(LoadCollection.Name)]
public class TwoNodesOnPostgresTests(ITestOutputHelper output)
{
    private const int Delegates = 400;
    private const int Seats = 10;

    [Fact]
    public async Task Registrations_approvals_and_bookings_for_the_last_seats_through_both_nodes_at_once_each_happen_once()
    {
        var clock = Stopwatch.StartNew();
        await using var shared = await PostgresNodes.CreateAsync("two_nodes", output);
        using var smtp = new TestSmtpServer();

        // The data, written through the usual helpers by an in-process app on the same database (which migrates it),
        // gone before the nodes start: from then on only the two processes serve.
        int summitId, breakoutId, organisationId;
        var delegates = new List<SummitUser>();
        var organisers = new List<SummitUser>();
        using (var setup = shared.SetupApp())
        {
            var summit = await setup.CreateOpenSummitAsync(capacity: 1000);
            summitId = summit.Id;
            breakoutId = (await setup.CreateBreakoutAsync(summit, capacity: Seats, title: "Last seats on two nodes")).Id;
            organisationId = (await setup.CreateOrganisationAsync()).Id;
            delegates.AddRange(await setup.CreateUsersAsync(Delegates, i => $"Delegate {i:000}"));
            for (var k = 0; k < 2; k++) organisers.Add(await setup.CreateUserAsync(fullName: $"Organiser {k}", roles: Roles.Organiser));
        }
        output.WriteLine($"Data ready after {clock.Elapsed.TotalSeconds:F1} s");

        var nodes = await shared.StartAllAsync(new Dictionary<string, string>
        {
            ["Mail__SmtpHost"] = "127.0.0.1",
            ["Mail__SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail__SmtpUser"] = TestSmtpServer.User,
            ["Mail__SmtpPassword"] = TestSmtpServer.Password,
            ["Mail__SmtpCertificateThumbprint"] = smtp.Thumbprint,
        }, "a", "b");
        output.WriteLine($"Both nodes up after {clock.Elapsed.TotalSeconds:F1} s");

        // Delegate i lives on node i % 2 and loads its forms from the other one.
        var cookies = delegates.Select(_ => new CookieContainer()).ToList();
        var home = new List<FormClient>();
        var away = new List<FormClient>();
        for (var i = 0; i < Delegates; i++)
        {
            home.Add(PostgresNodes.Client(nodes[i % 2], cookies[i]));
            away.Add(PostgresNodes.Client(nodes[1 - i % 2], cookies[i]));
        }
        foreach (var batch in Enumerable.Range(0, Delegates).Chunk(40))
            await Task.WhenAll(batch.Select(i => home[i].LogInAsync(delegates[i].Email!, SummitAppFactory.Password)));
        output.WriteLine($"{Delegates} delegates logged in after {clock.Elapsed.TotalSeconds:F1} s");

        await RegistrationsAsync(shared, home, away, summitId, organisationId);
        output.WriteLine($"{Delegates} registrations answered after {clock.Elapsed.TotalSeconds:F1} s");
        await ApprovalsAsync(shared, nodes, organisers, summitId);
        output.WriteLine($"Approvals answered after {clock.Elapsed.TotalSeconds:F1} s");
        await BookingsAsync(shared, home, away, breakoutId);
        output.WriteLine($"{Delegates} bookings answered after {clock.Elapsed.TotalSeconds:F1} s");
        await EveryLetterOnceAsync(shared, smtp, delegates);
        output.WriteLine($"Every letter sent after {clock.Elapsed.TotalSeconds:F1} s");

        foreach (var client in home.Concat(away)) client.Dispose();
        shared.Passed = true;
    }

    private static async Task RegistrationsAsync(PostgresNodes shared, List<FormClient> home, List<FormClient> away, int summitId, int organisationId)
    {
        var url = $"/Registration/Register/{summitId}";
        var forms = new List<IHtmlDocument>();
        foreach (var batch in Enumerable.Range(0, Delegates).Chunk(40))
            forms.AddRange(await Task.WhenAll(batch.Select(i => away[i].GetPageAsync(url))));
        var answers = await Task.WhenAll(Enumerable.Range(0, Delegates).Select(i =>
            Task.Run(() => home[i].SubmitAsync(forms[i], "form#registration-form", new Dictionary<string, string>
            {
                ["Input.Position"] = "Minister of Justice",
                ["Input.OrganisationId"] = organisationId.ToString(CultureInfo.InvariantCulture),
                ["Input.Category"] = nameof(DelegateCategory.Delegate),
                ["Input.ConsentToPublicList"] = "true",
            }))));
        foreach (var answer in answers) await ExpectAsync(answer, HttpStatusCode.Redirect);

        var registrations = $"FROM \"Registrations\" WHERE \"SummitId\" = {summitId}";
        Assert.Equal(Delegates, await shared.ScalarAsync($"SELECT COUNT(*) {registrations}"));
        Assert.Equal(Delegates, await shared.ScalarAsync($"SELECT COUNT(DISTINCT \"UserId\") {registrations}"));
        Assert.Equal(Delegates, await shared.ScalarAsync($"SELECT COUNT(*) {registrations} AND \"Status\" = '{RegistrationStatus.Pending}'"));
        Assert.Equal(Delegates, await shared.ScalarAsync(
            $"SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"Action\" = 'registration.created' AND \"SubjectId\" IN (SELECT \"Id\"::text {registrations})"));
    }

    private static async Task ApprovalsAsync(PostgresNodes shared, NodeProcess[] nodes, List<SummitUser> organisers, int summitId)
    {
        // Organiser k on node k, each with every pending registration selected ("all matching, on every page").
        var queue = $"/Registration/Manage/Index/{summitId}?status=Pending";
        var desks = await Task.WhenAll(organisers.Select(async (organiser, k) =>
        {
            var client = PostgresNodes.Client(nodes[k], new CookieContainer());
            await client.LogInAsync(organiser.Email!, SummitAppFactory.Password);
            var page = await client.GetPageAsync(queue);
            Assert.Equal(Delegates.ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-match-count]")!.GetAttribute("data-match-count"));
            ((IHtmlInputElement)page.QuerySelector("#bulk-all")!).IsChecked = true;
            return (Client: client, Page: page);
        }));
        var answers = await Task.WhenAll(desks.Select(d => Task.Run(() =>
            d.Client.SubmitAndFollowAsync(d.Page, "#bulk-form", new Dictionary<string, string> { ["bulkDecision"] = nameof(RegistrationStatus.Approved) }))));
        var summaries = new List<string>();
        foreach (var (answer, page) in answers)
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            summaries.Add(page.QuerySelector("#decision-summary")?.TextContent.Trim() ?? page.QuerySelector("#decision-report")?.TextContent.Trim() ?? "");
        }
        // Whichever came second found nothing left to approve: the filter matched none, or each row had changed.
        Assert.Single(summaries, s => s == $"{Delegates} registrations approved.");
        foreach (var (client, _) in desks) client.Dispose();

        var registrations = $"FROM \"Registrations\" WHERE \"SummitId\" = {summitId}";
        Assert.Equal(Delegates, await shared.ScalarAsync($"SELECT COUNT(*) {registrations} AND \"Status\" = '{RegistrationStatus.Approved}'"));
        Assert.Equal(Delegates, await shared.ScalarAsync($"SELECT \"ApprovedCount\" FROM \"Summits\" WHERE \"Id\" = {summitId}"));
        Assert.Equal(Delegates, await shared.ScalarAsync(
            $"SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"Action\" = 'registration.approved' AND \"SubjectId\" IN (SELECT \"Id\"::text {registrations})"));
    }

    private static async Task BookingsAsync(PostgresNodes shared, List<FormClient> home, List<FormClient> away, int breakoutId)
    {
        var forms = new List<IHtmlDocument>();
        foreach (var batch in Enumerable.Range(0, Delegates).Chunk(40))
            forms.AddRange(await Task.WhenAll(batch.Select(i => away[i].GetPageAsync(BookingSteps.BookUrl(breakoutId)))));
        var answers = await Task.WhenAll(Enumerable.Range(0, Delegates).Select(i =>
            Task.Run(() => home[i].SubmitAsync(forms[i], $"form#book-form-{breakoutId}"))));
        var messages = new List<string>();
        foreach (var answer in answers)
        {
            var body = await ExpectAsync(answer, HttpStatusCode.OK);
            messages.Add((await FormClient.ParseAsync(answer, body)).Message(breakoutId) ?? "(no message)");
        }
        Assert.Equal(Seats, messages.Count(m => m.Contains("is confirmed")));
        Assert.Equal(Delegates - Seats, messages.Count(m => m.Contains("on its waiting list")));

        var bookings = $"FROM \"Bookings\" WHERE \"BreakoutId\" = {breakoutId}";
        Assert.Equal(Seats, await shared.ScalarAsync($"SELECT \"ConfirmedCount\" FROM \"Breakouts\" WHERE \"Id\" = {breakoutId}"));
        Assert.Equal(Seats, await shared.ScalarAsync($"SELECT COUNT(*) {bookings} AND \"Status\" = '{BookingStatus.Confirmed}'"));
        Assert.Equal(Delegates - Seats, await shared.ScalarAsync($"SELECT COUNT(*) {bookings} AND \"Status\" = '{BookingStatus.Waitlisted}'"));
        // Each answer told its own place in line, whichever node gave it: together exactly 1..(delegates − seats).
        var told = messages.Where(m => m.Contains("on its waiting list"))
            .Select(m => int.Parse(System.Text.RegularExpressions.Regex.Match(m, @"number (\d+)").Groups[1].Value, CultureInfo.InvariantCulture)).Order();
        Assert.Equal(Enumerable.Range(1, Delegates - Seats), told);
    }

    private static async Task EveryLetterOnceAsync(PostgresNodes shared, TestSmtpServer smtp, List<SummitUser> delegates)
    {
        // Received, approved, and seat confirmed or waiting: three letters to each delegate.
        var kinds = $"'{NotificationKinds.RegistrationReceived}', '{NotificationKinds.RegistrationDecision}', '{NotificationKinds.BookingConfirmed}', '{NotificationKinds.BookingWaitlisted}'";
        var until = DateTime.UtcNow.AddSeconds(180);
        while (await shared.ScalarAsync($"SELECT COUNT(*) FROM \"Notifications\" WHERE \"Kind\" IN ({kinds}) AND \"SentUtc\" IS NULL") > 0)
        {
            Assert.True(DateTime.UtcNow < until, "The letters were not all sent within 180 s");
            await Task.Delay(500);
        }
        Assert.Equal(3 * Delegates, await shared.ScalarAsync($"SELECT COUNT(*) FROM \"Notifications\" WHERE \"Kind\" IN ({kinds})"));
        Assert.Equal(0, await shared.ScalarAsync("SELECT COUNT(*) FROM \"Notifications\" WHERE \"FailedUtc\" IS NOT NULL"));
        var emails = delegates.Select(d => d.Email!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var letters = smtp.Messages.Where(m => m.Message.To.Mailboxes.Any(a => emails.Contains(a.Address))).ToList();
        Assert.Equal(3 * Delegates, letters.Count);
        Assert.Equal(3 * Delegates, letters.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.All(delegates, d => Assert.Equal(3, letters.Count(m => m.Message.To.Mailboxes.Any(a => a.Address == d.Email))));
        Assert.Equal(Seats, letters.Count(m => (m.Message.Subject ?? "").StartsWith("Seat confirmed")));
        Assert.Equal(Delegates - Seats, letters.Count(m => (m.Message.Subject ?? "").StartsWith("On the waiting list")));
        Assert.All(letters, m => Assert.True(m.Secure));
    }

    private static async Task<string> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}, not {(int)expected}: {body[..Math.Min(body.Length, 500)]}");
        return body;
    }
}
