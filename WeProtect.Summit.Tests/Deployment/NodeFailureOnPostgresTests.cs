using System.Diagnostics;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Registrations;
using Xunit.Abstractions;

namespace WeProtect.Summit.Tests.Deployment;

/// <summary>Two app processes on one PostgreSQL database and one Hangfire queue; one of them (node A) is killed with
/// kill -9 while it is generating a communiqué and while a burst of 200 registrations (and 40 bookings for the last 10
/// seats of a breakout) is being answered by both. The other node finishes the communiqué once node A's lease and its
/// Hangfire job's invisibility timeout have run out (both set to seconds here: <c>Communiques:LeaseSeconds</c>,
/// <c>Jobs:InvisibilityTimeoutSeconds</c>), and nothing acknowledged is lost or doubled.
/// <para>Node A is provably in the middle of the job when it dies, without a test hook in the app: it alone runs when
/// the organiser publishes (so its Hangfire server takes the job, which the test reads from Hangfire's state), and the
/// test's timestamp authority holds its request unanswered, so the row says Generating and node A has rendered and
/// signed the PDF and waits for the timestamp. Then the authority answers again, for node B.</para></summary>
[Collection(LoadCollection.Name)]
public class NodeFailureOnPostgresTests(ITestOutputHelper output)
{
    private const int Registrants = 200;
    private const int Bookers = 40;
    private const int Seats = 10;

    [Fact]
    public async Task A_node_killed_while_it_generates_a_communique_during_a_burst_loses_nothing_and_the_other_node_publishes_once()
    {
        var clock = Stopwatch.StartNew();
        await using var shared = await PostgresNodes.CreateAsync("node_failure", output);
        using var tsa = new LocalTimestampAuthority { Answer = LocalTimestampAuthority.Behaviour.Silent };

        CommuniqueData.ClosedStatement closed;
        int summitId, organisationId, breakoutId;
        SummitUser organiser;
        var registrants = new List<SummitUser>();
        var bookers = new List<SummitUser>();
        using (var setup = shared.SetupApp())
        {
            closed = await setup.ClosedStatementAsync();
            organiser = await setup.CreateUserAsync(fullName: "Publishing Organiser", roles: Roles.Organiser);
            var summit = await setup.CreateOpenSummitAsync(capacity: 1000);
            summitId = summit.Id;
            organisationId = (await setup.CreateOrganisationAsync()).Id;
            breakoutId = (await setup.CreateBreakoutAsync(summit, capacity: Seats, title: "Last seats while a node dies")).Id;
            registrants.AddRange(await setup.CreateUsersAsync(Registrants, i => $"Registrant {i:000}"));
            foreach (var user in await setup.CreateUsersAsync(Bookers, i => $"Booker {i:000}"))
            {
                var registration = await setup.RegisterAsync(user, summitId, organisationId);
                Assert.True((await setup.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
                bookers.Add(user);
            }
        }
        output.WriteLine($"Data ready after {clock.Elapsed.TotalSeconds:F1} s");

        // Every node alike: the timestamp authority, a 3 s communiqué lease, a 6 s sliding invisibility timeout for
        // Hangfire jobs (longer than the lease, see JobSettings), and patience with the authority (node A must still be
        // waiting for it when it is killed, not have given up).
        var tsaCertificate = Path.Combine(shared.Folder, "tsa.cer");
        await File.WriteAllBytesAsync(tsaCertificate, tsa.Certificate.RawData);
        var settings = new Dictionary<string, string>
        {
            ["Communiques__TimestampAuthority"] = tsa.Url,
            ["Communiques__TimestampAuthorityCertificate"] = tsaCertificate,
            ["Communiques__TimestampTimeoutSeconds"] = "600",
            ["Communiques__LeaseSeconds"] = "3",
            ["Jobs__InvisibilityTimeoutSeconds"] = "6",
        };
        var nodeA = await shared.StartAsync("a", settings);

        // The organiser publishes on node A, the only node running: its job takes the row and waits for the timestamp.
        using (var organiserClient = PostgresNodes.Client(nodeA, new CookieContainer()))
        {
            await organiserClient.LogInAsync(organiser.Email!, SummitAppFactory.Password);
            var page = await organiserClient.GetPageAsync($"/Communiques/Manage/{closed.StatementId}");
            var published = await organiserClient.SubmitAsync(page, "form#publish-form");
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }
        var statusSql = $"SELECT \"Status\" FROM \"Communiques\" WHERE \"StatementId\" = {closed.StatementId}";
        await WaitForAsync(async () => await shared.TextAsync(statusSql) == nameof(CommuniqueStatus.Generating) && tsa.Requests == 1,
            TimeSpan.FromSeconds(60), "node A to claim the communiqué and ask for its timestamp", () => Task.FromResult($"timestamp requests: {tsa.Requests}"));
        var jobSql = "SELECT COUNT(*) FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid WHERE s.name = 'Processing' "
            + "AND j.invocationdata::text LIKE '%CommuniqueJob%' AND (s.data::jsonb)->>'ServerId' LIKE '%:{0}:%'";
        Assert.Equal(1, await shared.ScalarAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, jobSql, nodeA.Id)));
        output.WriteLine($"Node A (pid {nodeA.Id}) generating after {clock.Elapsed.TotalSeconds:F1} s");

        var nodeB = await shared.StartAsync("b", settings);
        var nodes = new[] { nodeA, nodeB };
        output.WriteLine($"Node B up after {clock.Elapsed.TotalSeconds:F1} s");

        // Everyone logs in and loads the form beforehand (alternately on each node: the cookie and the form's
        // antiforgery token are good on both); the burst is the posts.
        var people = registrants.Select(u => (User: u, Form: "form#registration-form", Url: $"/Registration/Register/{summitId}", Booker: false))
            .Concat(bookers.Select(u => (User: u, Form: $"form#book-form-{breakoutId}", Url: BookingSteps.BookUrl(breakoutId), Booker: true)))
            .Select((p, i) => (p.User, p.Form, p.Url, p.Booker, Node: i % 2, Cookies: new CookieContainer())).ToList();
        var pages = new IHtmlDocument[people.Count];
        foreach (var batch in Enumerable.Range(0, people.Count).Chunk(10))
            await Task.WhenAll(batch.Select(async i =>
            {
                using var client = PostgresNodes.Client(nodes[people[i].Node], people[i].Cookies);
                await client.LogInAsync(people[i].User.Email!, SummitAppFactory.Password);
                pages[i] = await client.GetPageAsync(people[i].Url);
            }));
        output.WriteLine($"{people.Count} people logged in after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(nameof(CommuniqueStatus.Generating), await shared.TextAsync(statusSql));
        Assert.Equal(1, tsa.Requests);

        // The burst: 32 clients at a time; node A is killed once 60 answers have come (a third of the way in). A post
        // that got no answer from node A is sent again to node B, as a user (or the proxy) would.
        var answers = new HttpResponseMessage?[people.Count];
        var acknowledgedByA = 0;
        var lostOnA = 0;
        var answered = 0;
        var killed = new TaskCompletionSource();
        var killer = Task.Run(async () =>
        {
            while (Volatile.Read(ref answered) < 60) await Task.Delay(5);
            // From now on the authority answers (node A's request stays held): node B may take the job over as soon
            // as node A's lease runs out, while the burst is still being answered.
            tsa.Answer = LocalTimestampAuthority.Behaviour.Good;
            nodeA.Kill();
            killed.SetResult();
        });
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < people.Count; i = Interlocked.Increment(ref next))
            {
                var person = people[i];
                var extra = person.Booker ? null : Answers(organisationId);
                try
                {
                    using var client = PostgresNodes.Client(nodes[person.Node], person.Cookies);
                    answers[i] = await client.SubmitAsync(pages[i], person.Form, extra);
                    if (person.Node == 0) Interlocked.Increment(ref acknowledgedByA);
                }
                catch (HttpRequestException)
                {
                    Assert.Equal(0, person.Node);
                    Interlocked.Increment(ref lostOnA);
                    using var client = PostgresNodes.Client(nodeB, person.Cookies);
                    answers[i] = await client.SubmitAsync(pages[i], person.Form, extra);
                }
                Interlocked.Increment(ref answered);
            }
        })));
        await killer;
        output.WriteLine($"Burst answered after {clock.Elapsed.TotalSeconds:F1} s: node A acknowledged {acknowledgedByA} before it died, "
            + $"{lostOnA} posts to it got no answer and went to node B");
        Assert.True(nodeA.HasExited);
        Assert.InRange(acknowledgedByA, 1, people.Count / 2 - 1);
        Assert.True(lostOnA > 0, "node A died after the burst, not during it");

        // Every post was answered in the end: a registration by the redirect to its details (or, sent again after
        // node A stored it but died before answering, by the form saying so), a booking by its message.
        for (var i = 0; i < people.Count; i++)
        {
            var response = answers[i]!;
            var code = (int)response.StatusCode;
            Assert.True(code is >= 200 and < 400, $"{people[i].User.FullName}: {code}");
        }

        // Every registrant is registered exactly once (an acknowledged post is stored; one retried is not doubled),
        // each with one audit event and one letter queued; every booker holds exactly one booking.
        var registrations = $"FROM \"Registrations\" WHERE \"SummitId\" = {summitId}";
        Assert.Equal(Registrants + Bookers, await shared.ScalarAsync($"SELECT COUNT(*) {registrations}"));
        Assert.Equal(Registrants + Bookers, await shared.ScalarAsync($"SELECT COUNT(DISTINCT \"UserId\") {registrations}"));
        Assert.Equal(Registrants, await shared.ScalarAsync($"SELECT COUNT(*) {registrations} AND \"Status\" = '{RegistrationStatus.Pending}'"));
        Assert.Equal(Registrants + Bookers, await shared.ScalarAsync(
            $"SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"Action\" = 'registration.created' AND \"SubjectId\" IN (SELECT \"Id\"::text {registrations})"));
        Assert.Equal(Registrants + Bookers, await shared.ScalarAsync(
            $"SELECT COUNT(*) FROM \"Notifications\" WHERE \"Kind\" = '{NotificationKinds.RegistrationReceived}' AND \"SubjectId\" IN (SELECT \"Id\" {registrations})"));
        // The counters equal the rows: places approved, seats confirmed.
        Assert.Equal(await shared.ScalarAsync($"SELECT COUNT(*) {registrations} AND \"Status\" = '{RegistrationStatus.Approved}'"),
            await shared.ScalarAsync($"SELECT \"ApprovedCount\" FROM \"Summits\" WHERE \"Id\" = {summitId}"));
        var bookings = $"FROM \"Bookings\" WHERE \"BreakoutId\" = {breakoutId}";
        Assert.Equal(Bookers, await shared.ScalarAsync($"SELECT COUNT(*) {bookings}"));
        Assert.Equal(Bookers, await shared.ScalarAsync($"SELECT COUNT(DISTINCT \"RegistrationId\") {bookings}"));
        Assert.Equal(Seats, await shared.ScalarAsync($"SELECT COUNT(*) {bookings} AND \"Status\" = '{BookingStatus.Confirmed}'"));
        Assert.Equal(Seats, await shared.ScalarAsync($"SELECT \"ConfirmedCount\" FROM \"Breakouts\" WHERE \"Id\" = {breakoutId}"));
        Assert.Equal(Bookers - Seats, await shared.ScalarAsync($"SELECT COUNT(*) {bookings} AND \"Status\" = '{BookingStatus.Waitlisted}'"));

        // Node B finishes the communiqué: once, with the timestamp the authority now gives, its job run on node B.
        await WaitForAsync(async () => await shared.TextAsync(statusSql) == nameof(CommuniqueStatus.Published), TimeSpan.FromSeconds(120),
            "node B to publish the communiqué", async () => $"row: {await shared.TextAsync(
                $"SELECT concat_ws(' | ', \"Status\", \"Attempts\", \"LeaseUntilUtc\", \"LastError\", now()) FROM \"Communiques\" WHERE \"StatementId\" = {closed.StatementId}")}; "
                + $"timestamp requests: {tsa.Requests}");
        output.WriteLine($"Published by node B after {clock.Elapsed.TotalSeconds:F1} s");
        var communique = $"FROM \"Communiques\" WHERE \"StatementId\" = {closed.StatementId}";
        Assert.Equal(1, await shared.ScalarAsync($"SELECT COUNT(*) {communique} AND \"Pdf\" IS NOT NULL"));
        // Node A's attempt and at least one on node B. While the authority holds requests, node B's request may be
        // held (and given up) too, so the authority can count more requests than attempts; what matters is above and
        // below: one PDF, one audit event, the job finished on node B.
        var attempts = await shared.ScalarAsync($"SELECT \"Attempts\" {communique}");
        Assert.InRange(attempts, 2, 5);
        Assert.True(tsa.Requests >= attempts, $"{tsa.Requests} timestamp requests for {attempts} attempts");
        Assert.Equal(1, await shared.ScalarAsync(
            $"SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"Action\" = 'communique.published' AND \"SubjectId\" IN (SELECT \"Id\"::text {communique})"));
        Assert.Equal(nameof(Data.Statements.StatementStatus.Published), await shared.TextAsync($"SELECT \"Status\" FROM \"Statements\" WHERE \"Id\" = {closed.StatementId}"));
        Assert.True(await shared.ScalarAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, jobSql, nodeB.Id)) >= 1,
            "the communiqué job ran on node B");

        // The audit chain written by the set-up app and both nodes, node A's last rows included, verifies.
        nodeB.Kill();
        using (var check = shared.SetupApp())
        {
            using var scope = check.Services.CreateScope();
            var verdict = await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync();
            Assert.True(verdict.IsIntact, verdict.ToString());
            Assert.True(verdict.IntactRows > Registrants + Bookers, $"{verdict.IntactRows} rows");
        }
        output.WriteLine($"Whole test {clock.Elapsed.TotalSeconds:F1} s");
        shared.Passed = true;
    }

    private static Dictionary<string, string> Answers(int organisationId) => new()
    {
        ["Input.Position"] = "Minister of Justice",
        ["Input.OrganisationId"] = organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Category"] = nameof(DelegateCategory.Delegate),
        ["Input.ConsentToPublicList"] = "true",
    };

    private static async Task WaitForAsync(Func<Task<bool>> done, TimeSpan timeout, string what, Func<Task<string>> state)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > until) throw new Xunit.Sdk.XunitException($"Waited {timeout.TotalSeconds:F0} s for {what}; {await state()}");
            await Task.Delay(100);
        }
    }
}
