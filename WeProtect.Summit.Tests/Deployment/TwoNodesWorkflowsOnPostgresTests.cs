using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Dom;
using OtpNet;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Statements;
using Xunit.Abstractions;

namespace WeProtect.Summit.Tests.Deployment;

/// <summary>The other races of issue 20 on two app processes (real Kestrel, one PostgreSQL database, one Hangfire
/// queue), every request sent through both nodes at once; one pair of nodes serves the three parts in turn (starting
/// nodes is the dear part):
/// <list type="number">
/// <item>Registration: every delegate posts the registration form to both nodes at once (one registration each, the
/// other post told "already registered"), then the organisers approve them all through both nodes at once for fewer
/// places than delegates (no place given twice; every refusal says the summit is full).</item>
/// <item>Communiqué: two organisers publish the same closed statement on both nodes at once, twice each: one
/// communiqué, generated once by whichever node's job took it, one audit event, the statement published.</item>
/// <item>Signing: two signatories of each organisation sign on different nodes at once (one endorsement per
/// organisation); the window then ends, signatures posted to either node after it are refused, and the sweep closes
/// signing once.</item>
/// </list>
/// The nodes run on the real clock, so the authenticator codes are computed from it.</summary>
[Collection(LoadCollection.Name)]
public class TwoNodesWorkflowsOnPostgresTests(ITestOutputHelper output)
{
    private const int Registrants = 24; // one page of the organisers' queue
    private const int Places = 8;
    private const int SigningOrganisations = 6;
    private const int SignedBeforeTheEnd = 4;

    [Fact]
    public async Task Registration_publishing_and_the_end_of_signing_through_both_nodes_at_once_each_happen_once()
    {
        var clock = Stopwatch.StartNew();
        await using var shared = await PostgresNodes.CreateAsync("two_node_flows", output);

        int summitId, organisationId, statementId;
        var registrants = new List<SummitUser>();
        var organisers = new List<SummitUser>();
        CommuniqueData.ClosedStatement closed;
        var signatories = new List<(SummitUser User, string Key, int OrganisationId)>();
        using (var setup = shared.SetupApp())
        {
            var summit = await setup.CreateOpenSummitAsync(capacity: Places);
            summitId = summit.Id;
            organisationId = (await setup.CreateOrganisationAsync()).Id;
            foreach (var batch in Enumerable.Range(0, Registrants).Chunk(8))
                registrants.AddRange(await Task.WhenAll(batch.Select(i => setup.CreateUserAsync(fullName: $"Registrant {i:00}"))));
            for (var i = 0; i < 2; i++) organisers.Add(await setup.CreateUserAsync(fullName: $"Organiser {i}", roles: Roles.Organiser));
            closed = await setup.ClosedStatementAsync();
            // The nodes' clock is the real one: the window is set by it.
            var (statement, _) = await setup.OpenStatementAsync(opens: DateTime.UtcNow.AddHours(-1), closes: DateTime.UtcNow.AddDays(1));
            statementId = statement.Id;
            for (var o = 0; o < SigningOrganisations; o++)
            {
                var organisation = await setup.OrganisationAsync(Sector.Government);
                for (var s = 0; s < 2; s++)
                {
                    var user = await setup.CreateUserAsync(fullName: $"Signatory {o} {s}");
                    var key = await setup.EnableTwoFactorAsync(user);
                    Assert.True((await setup.GrantAsync(user, organisation.Id)).Succeeded);
                    signatories.Add((user, key, organisation.Id));
                }
            }
        }
        output.WriteLine($"Data ready after {clock.Elapsed.TotalSeconds:F1} s");
        // Sweeps every 5 s instead of every minute: the end of signing is closed by one without a minute's wait.
        var nodes = await shared.StartAllAsync(new Dictionary<string, string> { ["Jobs__SweepSeconds"] = "5" }, "a", "b");
        output.WriteLine($"Both nodes up after {clock.Elapsed.TotalSeconds:F1} s");

        await RegistrationAsync(shared, nodes, summitId, organisationId, registrants, organisers);
        output.WriteLine($"Registration done after {clock.Elapsed.TotalSeconds:F1} s");
        await PublishingAsync(shared, nodes, closed.StatementId, organisers);
        output.WriteLine($"Communiqué published after {clock.Elapsed.TotalSeconds:F1} s");
        await SigningAsync(shared, nodes, statementId, signatories);
        output.WriteLine($"Whole test {clock.Elapsed.TotalSeconds:F1} s");
        shared.Passed = true;
    }

    private static async Task RegistrationAsync(PostgresNodes shared, NodeProcess[] nodes, int summitId, int organisationId,
        List<SummitUser> registrants, List<SummitUser> organisers)
    {
        // Each delegate logs in once (the cookie is good on both nodes) and loads the form from each node.
        var url = $"/Registration/Register/{summitId}";
        var ready = await Task.WhenAll(registrants.Select(async user =>
        {
            var cookies = new CookieContainer();
            var clients = nodes.Select(n => PostgresNodes.Client(n, cookies)).ToArray();
            await clients[0].LogInAsync(user.Email!, SummitAppFactory.Password);
            var pages = new IHtmlDocument[2];
            for (var n = 0; n < 2; n++) pages[n] = await clients[n].GetPageAsync(url);
            return (Clients: clients, Pages: pages);
        }));
        var answers = await Task.WhenAll(ready.SelectMany(r => Enumerable.Range(0, 2).Select(n =>
            Task.Run(() => r.Clients[n].SubmitAsync(r.Pages[n], "form#registration-form", Answers(organisationId))))));
        for (var i = 0; i < Registrants; i++)
        {
            var pair = answers.Skip(2 * i).Take(2).ToList();
            Assert.Single(pair, a => a.StatusCode == HttpStatusCode.Redirect);
            var other = pair.Single(a => a.StatusCode != HttpStatusCode.Redirect);
            var body = await other.Content.ReadAsStringAsync();
            Assert.True(other.StatusCode == HttpStatusCode.OK, $"{(int)other.StatusCode}: {body[..Math.Min(500, body.Length)]}");
            // Told either way: the page saw the registration, or the desk refused the second one.
            Assert.Contains("You have already registered for this summit.", body);
        }
        foreach (var (clients, _) in ready) foreach (var client in clients) client.Dispose();
        var registrations = $"FROM \"Registrations\" WHERE \"SummitId\" = {summitId}";
        Assert.Equal(Registrants, await shared.ScalarAsync($"SELECT COUNT(*) {registrations}"));
        Assert.Equal(Registrants, await shared.ScalarAsync($"SELECT COUNT(DISTINCT \"UserId\") {registrations}"));
        Assert.Equal(Registrants, await shared.ScalarAsync(
            $"SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"Action\" = 'registration.created' AND \"SubjectId\" IN (SELECT \"Id\"::text {registrations})"));

        // Organiser k works on node k; the registrations are shared out between them, all approved at once.
        var queue = $"/Registration/Manage/Index/{summitId}";
        var desks = await Task.WhenAll(organisers.Select(async (organiser, k) =>
        {
            var client = PostgresNodes.Client(nodes[k], new CookieContainer());
            await client.LogInAsync(organiser.Email!, SummitAppFactory.Password);
            return (Client: client, Page: await client.GetPageAsync(queue));
        }));
        var ids = await IdsAsync(shared, $"SELECT \"Id\" {registrations} ORDER BY \"Id\"");
        var decided = await Task.WhenAll(ids.Select((id, i) => Task.Run(async () =>
        {
            var (client, page) = desks[i % 2];
            var response = await client.SubmitAsync(page, $"#decide-{id}", submitter: $"#approve-{id}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body[..Math.Min(500, body.Length)]}");
            return (await FormClient.ParseAsync(response, body)).QuerySelector("#decision-report")?.TextContent ?? "";
        })));
        Assert.Equal(Places, decided.Count(r => r.Contains(": approved.")));
        Assert.Equal(Registrants - Places, decided.Count(r => r.Contains("The summit is full")));
        Assert.Equal(Places, await shared.ScalarAsync($"SELECT COUNT(*) {registrations} AND \"Status\" = '{RegistrationStatus.Approved}'"));
        Assert.Equal(Places, await shared.ScalarAsync($"SELECT \"ApprovedCount\" FROM \"Summits\" WHERE \"Id\" = {summitId}"));
        Assert.Equal(Registrants - Places, await shared.ScalarAsync($"SELECT COUNT(*) {registrations} AND \"Status\" = '{RegistrationStatus.Pending}'"));
        foreach (var (client, _) in desks) client.Dispose();
    }

    private static async Task PublishingAsync(PostgresNodes shared, NodeProcess[] nodes, int statementId, List<SummitUser> organisers)
    {
        // Each organiser on each node, the publish form loaded before anyone posts: four publishes at once.
        var url = $"/Communiques/Manage/{statementId}";
        var ready = await Task.WhenAll(organisers.Select(async organiser =>
        {
            var cookies = new CookieContainer();
            using (var login = PostgresNodes.Client(nodes[0], cookies)) await login.LogInAsync(organiser.Email!, SummitAppFactory.Password);
            return await Task.WhenAll(nodes.Select(async node =>
            {
                var client = PostgresNodes.Client(node, cookies);
                return (Client: client, Page: await client.GetPageAsync(url));
            }));
        }));
        var forms = ready.SelectMany(r => r).ToList();
        var responses = await Task.WhenAll(forms.Select(f => Task.Run(() => f.Client.SubmitAsync(f.Page, "form#publish-form"))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            var body = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.OK, $"{(int)refused.StatusCode}: {body[..Math.Min(500, body.Length)]}");
            Assert.False(string.IsNullOrWhiteSpace((await FormClient.ParseAsync(refused, body)).Errors()), "a refused publish says why");
        }
        foreach (var (client, _) in forms) client.Dispose();

        var communique = $"FROM \"Communiques\" WHERE \"StatementId\" = {statementId}";
        var until = DateTime.UtcNow.AddSeconds(120);
        while (await shared.TextAsync($"SELECT \"Status\" {communique}") != nameof(CommuniqueStatus.Published))
        {
            Assert.True(DateTime.UtcNow < until, $"Not published within 120 s: {await shared.TextAsync($"SELECT concat_ws(' | ', \"Status\", \"Attempts\", \"LastError\") {communique}")}");
            await Task.Delay(250);
        }
        Assert.Equal(1, await shared.ScalarAsync($"SELECT COUNT(*) {communique}"));
        Assert.Equal(1, await shared.ScalarAsync($"SELECT COUNT(*) {communique} AND \"Pdf\" IS NOT NULL"));
        // Generated once: one attempt, one audit event, whichever node took the job.
        Assert.Equal(1, await shared.ScalarAsync($"SELECT \"Attempts\" {communique}"));
        Assert.Equal(1, await shared.ScalarAsync(
            $"SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"Action\" = 'communique.published' AND \"SubjectId\" IN (SELECT \"Id\"::text {communique})"));
        Assert.Equal(nameof(StatementStatus.Published), await shared.TextAsync($"SELECT \"Status\" FROM \"Statements\" WHERE \"Id\" = {statementId}"));
    }

    private async Task SigningAsync(PostgresNodes shared, NodeProcess[] nodes, int statementId, List<(SummitUser User, string Key, int OrganisationId)> signatories)
    {
        // Signatory i logs in on node i % 2 and loads the sign form from the same node: the two of one organisation are on
        // different nodes.
        var ready = await Task.WhenAll(signatories.Select(async (s, i) =>
        {
            var client = PostgresNodes.Client(nodes[i % 2], new CookieContainer());
            var loggedInStep = await LogInWithTwoFactorAsync(client, s.User.Email!, s.Key);
            return (Signatory: s, Client: client, Page: await client.GetPageAsync(SigningData.SignUrl(statementId, s.OrganisationId)), Step: loggedInStep);
        }));
        Task<HttpResponseMessage[]> SignAllAsync(IEnumerable<int> organisations) => Task.WhenAll(ready
            .Where(r => organisations.Contains(r.Signatory.OrganisationId))
            .Select(r => Task.Run(() => r.Client.SignAsync(r.Page, CodeAfter(r.Signatory.Key, r.Step), name: r.Signatory.User.FullName))));
        var organisationIds = signatories.Select(s => s.OrganisationId).Distinct().ToList();

        // Before the end: both signatories of an organisation at once, on different nodes; one endorsement each.
        var before = await SignAllAsync(organisationIds.Take(SignedBeforeTheEnd));
        Assert.Equal(SignedBeforeTheEnd, before.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        foreach (var refused in before.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace((await SigningData.RefusedPageAsync(refused)).Errors()), "the second signatory is told why");
        }
        var endorsements = $"FROM \"Endorsements\" WHERE \"StatementId\" = {statementId}";
        Assert.Equal(SignedBeforeTheEnd, await shared.ScalarAsync($"SELECT COUNT(*) {endorsements}"));
        Assert.Equal(SignedBeforeTheEnd, await shared.ScalarAsync($"SELECT COUNT(DISTINCT \"OrganisationId\") {endorsements}"));

        // The window ends (by the database's clock, which is the nodes' machine's); posts after it are refused on
        // both nodes, whether or not the sweep has closed signing yet.
        await using (var end = shared.Db.CreateCommand(
            $"UPDATE \"Statements\" SET \"SigningClosesUtc\" = now() + interval '2 seconds' WHERE \"Id\" = {statementId}"))
            Assert.Equal(1, await end.ExecuteNonQueryAsync());
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var after = await SignAllAsync(organisationIds.Skip(SignedBeforeTheEnd));
        Assert.Equal(2 * (SigningOrganisations - SignedBeforeTheEnd), after.Length);
        foreach (var refused in after)
        {
            var page = await SigningData.RefusedPageAsync(refused);
            Assert.False(string.IsNullOrWhiteSpace(page.Errors()), "a late signature is told why it was refused");
        }
        Assert.Equal(SignedBeforeTheEnd, await shared.ScalarAsync($"SELECT COUNT(*) {endorsements}"));
        foreach (var r in ready) r.Client.Dispose();

        // The sweep (every 5 s here, every minute by default; from whichever node's Hangfire server took it) closes
        // signing, once.
        var status = $"SELECT \"Status\" FROM \"Statements\" WHERE \"Id\" = {statementId}";
        var until = DateTime.UtcNow.AddSeconds(40);
        while (await shared.TextAsync(status) != nameof(StatementStatus.Closed))
        {
            Assert.True(DateTime.UtcNow < until, $"Signing not closed within 40 s: {await shared.TextAsync(status)}");
            await Task.Delay(500);
        }
        output.WriteLine("Signing closed by the sweep");
        // A minute's sweep more, on either node, changes nothing.
        Assert.Equal(1, await shared.ScalarAsync(
            $"SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"Action\" = 'statement.signing-closed' AND \"SubjectId\" = '{statementId}'"));
        Assert.Equal(SignedBeforeTheEnd, await shared.ScalarAsync($"SELECT COUNT(*) {endorsements}"));
    }

    /// <summary>The two-step log-in on a node with the code of the real clock's current step (the nodes' clock; a
    /// code is good one step either side, room for a slow answer); returns the step, which the code claimed.</summary>
    private static async Task<long> LogInWithTwoFactorAsync(FormClient client, string email, string key)
    {
        var step = 0L;
        var done = await client.LogInWithCodeAsync(email, () => CodeOf(key, step = StepOf(DateTime.UtcNow)));
        Assert.True(done.StatusCode == HttpStatusCode.Redirect,
            $"Two-factor log-in refused ({(int)done.StatusCode}): {(await FormClient.ParseAsync(done)).QuerySelector("main")?.TextContent.Trim()}");
        return step;
    }

    /// <summary>A code for a step after the one the log-in claimed (a code is good once): now's, or the next one.</summary>
    private static string CodeAfter(string key, long claimed) => CodeOf(key, Math.Max(StepOf(DateTime.UtcNow), claimed + 1));

    private static long StepOf(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeSeconds() / 30;

    private static string CodeOf(string key, long step) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant())).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30 + 1).UtcDateTime);

    private static async Task<List<int>> IdsAsync(PostgresNodes shared, string sql)
    {
        await using var command = shared.Db.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<int>();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt32(0));
        return ids;
    }

    private static Dictionary<string, string> Answers(int organisationId) => new()
    {
        ["Input.Position"] = "Minister of Justice",
        ["Input.OrganisationId"] = organisationId.ToString(CultureInfo.InvariantCulture),
        ["Input.Category"] = nameof(DelegateCategory.Delegate),
        ["Input.ConsentToPublicList"] = "true",
    };
}
