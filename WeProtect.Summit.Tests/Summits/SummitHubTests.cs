using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Summits;

namespace WeProtect.Summit.Tests.Summits;

/// <summary>One summit's management home (/Summits/Manage/Summit/{id}): its status and what waits for the organisers,
/// its figures counted from the seeded rows, a link to every management area; organisers only; reached from the list
/// of summits and from the summit's name at the top of each management area.</summary>
public class SummitHubTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Hub(int summitId) => $"/Summits/Manage/Summit/{summitId}";

    [Fact]
    public async Task The_hub_shows_the_summits_figures_and_next_steps_and_links_to_every_area()
    {
        // A summit with a published communiqué (and its reporting cycle), a draft, a statement open for signature and a
        // closed one; three registrations (two pending), two breakouts in rooms of their own, one theme.
        var closed = await app.ClosedStatementAsync();
        var summitId = closed.SummitId;
        await app.PublishedAsync(closed.StatementId);
        var cycle = await app.CycleAsync(summitId, [closed.StatementId]);
        var summit = await app.WithDbAsync(db => db.Summits.AsNoTracking().FirstAsync(s => s.Id == summitId));
        await app.CreateStatementAsync(summitId, StatementStatus.Draft, SigningData.TextForAll, "Draft statement");
        var (open, _) = await app.CreateStatementAsync(summitId, StatementStatus.OpenForSignature, SigningData.TextForAll, "Open statement");
        var (toPublish, _) = await app.CreateStatementAsync(summitId, StatementStatus.Closed, SigningData.TextForAll, "Closed statement");
        var organisation = await app.CreateOrganisationAsync();
        foreach (var name in new[] { "Ana Pending", "Ben Pending" }) await app.RegisterAsync(await app.CreateUserAsync(fullName: name), summitId, organisation.Id);
        await app.ApprovedDelegateAsync(summitId);
        await app.CreateBreakoutAsync(summit, startHour: 9);
        await app.CreateBreakoutAsync(summit, startHour: 11);
        await app.CreateThemeAsync(summitId, "Prevention");

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync(Hub(summitId));
        Assert.Equal(summit.Name, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Open", page.QuerySelector("#summit-status")!.TextContent.Trim());
        Assert.StartsWith("Registration is open until ", page.QuerySelector("#registration-window")!.TextContent.Trim());

        string Figure(string id) => page.QuerySelector($"#figure-{id}")!.TextContent.Trim();
        Assert.Equal(["2", "1", "0", "0", "0"], Enum.GetValues<RegistrationStatus>().Select(s => Figure($"registrations-{s}")));
        Assert.Equal(("2", "2", "1"), (Figure("breakouts"), Figure("rooms"), Figure("themes")));
        Assert.Equal(["1", "0", "0", "1", "1", "1"], Enum.GetValues<StatementStatus>().Select(s => Figure($"statements-{s}")));
        Assert.Equal("1", Figure("communiques"));
        Assert.Equal("1", Figure("cycles"));

        var steps = page.QuerySelectorAll("#next-steps li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("2 registrations await a decision.", steps);
        Assert.Contains(steps, s => s.StartsWith("Signing of “Open statement” is open until ", StringComparison.Ordinal));
        Assert.Contains("Signing of “Closed statement” is closed: publish its communiqué.", steps);
        Assert.Equal($"/Communiques/Manage/{toPublish.Id}", page.QuerySelector("#next-steps li.next-publish a")!.GetAttribute("href"));
        Assert.Equal($"/Statements/Manage/Edit/{open.Id}", page.QuerySelector("#next-steps li.next-signing a")!.GetAttribute("href"));

        string Href(string id) => page.QuerySelector($"#{id}")?.GetAttribute("href") ?? $"(no #{id})";
        var expected = new Dictionary<string, string>
        {
            ["hub-settings"] = $"/Summits/Manage/Edit/{summitId}",
            ["hub-retention"] = $"/Summits/Manage/Retention/{summitId}",
            ["hub-public"] = $"/Summits/Details/{summitId}",
            ["hub-nav-registrations"] = $"/Registration/Manage/{summitId}",
            ["hub-nav-quotas"] = $"/Registration/Manage/Quotas/{summitId}",
            ["hub-nav-questions"] = $"/Registration/Manage/Questions/{summitId}",
            ["hub-nav-dashboard"] = $"/Registration/Manage/Dashboard/{summitId}",
            ["hub-nav-needs"] = $"/Registration/Manage/Needs/{summitId}",
            ["hub-nav-badges"] = $"/Registration/Manage/Badges/{summitId}",
            ["hub-nav-checkin"] = $"/Registration/Manage/CheckIn/{summitId}",
            ["hub-nav-messages"] = $"/Registration/Manage/Messages/{summitId}",
            ["hub-nav-invitations"] = $"/Invitations/Manage/{summitId}",
            ["hub-nav-checkin-staff"] = $"/Registration/Manage/CheckInStaff/{summitId}",
            ["hub-nav-visa-letters"] = $"/Registration/Manage/VisaLetters/{summitId}",
            ["hub-breakouts"] = $"/Breakouts/Manage/{summitId}",
            ["hub-materials"] = $"/Breakouts/Manage/Materials/{summitId}",
            ["hub-agenda"] = $"/Breakouts/Agenda/{summitId}",
            ["hub-statements"] = $"/Statements/Manage/{summitId}",
            ["hub-signing"] = "/Signing/Manage",
            [$"hub-cycle-{cycle.Id}"] = $"/Reporting/Manage/Cycle/{cycle.Id}",
            ["hub-reporting"] = "/Reporting/Manage",
        };
        Assert.Equal(expected.Select(e => $"{e.Key} {e.Value}"), expected.Select(e => $"{e.Key} {Href(e.Key)}"));
        Assert.Equal([$"/Communiques/Manage/{closed.StatementId}", $"/Communiques/Manage/{toPublish.Id}"],
            page.QuerySelectorAll("#statement-links a.hub-communique").Select(a => a.GetAttribute("href")));
        // Each link opens for the organiser.
        foreach (var href in expected.Values.Distinct())
            Assert.True((await organiser.GetAsync(href)).StatusCode == HttpStatusCode.OK, href);
    }

    [Fact]
    public async Task A_draft_summit_asks_to_be_opened_an_unknown_one_is_404_and_a_delegate_is_refused()
    {
        var summit = await app.WithDbAsync(async db =>
        {
            var s = SampleSummit.Create(app.UtcNow);
            s.Name = $"Draft summit {Guid.NewGuid():N}"[..24];
            db.Summits.Add(s);
            await db.SaveChangesAsync();
            return s;
        });
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync(Hub(summit.Id));
        Assert.Equal("Draft", page.QuerySelector("#summit-status")!.TextContent.Trim());
        Assert.Equal("This summit has not been announced yet.", page.QuerySelector("#registration-window")!.TextContent.Trim());
        Assert.Equal(["The summit is a draft: check its settings, then open it."], page.QuerySelectorAll("#next-steps li").Select(li => li.TextContent.Trim()));
        Assert.All(["breakouts", "rooms", "themes", "communiques", "cycles"], id => Assert.Equal("0", page.QuerySelector($"#figure-{id}")!.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync(Hub(987654))).StatusCode);

        var open = await app.CreateOpenSummitAsync();
        var (delegateUser, _) = await app.ApprovedDelegateAsync(open.Id);
        using var delegateClient = await app.LogInAsync(delegateUser);
        var denied = await delegateClient.GetAsync(Hub(open.Id));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
        using var anonymous = app.CreateFormClient();
        Assert.StartsWith("/Account/Login", (await anonymous.GetAsync(Hub(open.Id))).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_list_and_the_summit_name_atop_each_management_area_lead_to_the_hub()
    {
        var (statement, _) = await app.OpenStatementAsync();
        var summitId = statement.SummitId;
        var organisation = await app.OrganisationAsync();
        var published = await app.PublishedStatementAsync([organisation]);
        var cycle = await app.CycleAsync(summitId, [published.Id]);
        var name = await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summitId).Select(s => s.Name).SingleAsync());
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var list = await organiser.GetPageAsync("/Summits/Manage");
        Assert.Contains(list.QuerySelectorAll("a.summit-hub"), a => a.GetAttribute("href") == Hub(summitId) && a.TextContent == name);
        // Each row's other links say where they lead, as the hub names them; their column has a header.
        var settings = list.QuerySelectorAll("a.summit-settings").Single(a => a.GetAttribute("href") == $"/Summits/Manage/Edit/{summitId}");
        Assert.Equal($"Settings {name}", settings.TextContent.Trim());
        Assert.Equal("Actions", list.QuerySelectorAll("thead th").Last().TextContent.Trim());

        foreach (var area in new[]
                 {
                     $"/Summits/Manage/Edit/{summitId}", $"/Summits/Manage/Retention/{summitId}", $"/Registration/Manage/{summitId}",
                     $"/Registration/Manage/Quotas/{summitId}", $"/Invitations/Manage/{summitId}", $"/Breakouts/Manage/{summitId}",
                     $"/Breakouts/Manage/Materials/{summitId}", $"/Statements/Manage/{summitId}", $"/Statements/Manage/Edit/{statement.Id}",
                     $"/Reporting/Manage/Cycle/{cycle.Id}",
                 })
        {
            var page = await organiser.GetPageAsync(area);
            var crumb = page.QuerySelector("#nav-summit");
            Assert.True(crumb is not null, $"{area} has no link to the summit's page");
            Assert.Equal((Hub(summitId), name), (crumb.GetAttribute("href"), crumb.TextContent.Trim()));
        }
        var communique = await organiser.GetPageAsync($"/Communiques/Manage/{published.Id}");
        Assert.Equal(Hub(published.SummitId), communique.QuerySelector("#nav-summit")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_public_summit_page_offers_organisers_the_management_home_and_delegates_nothing()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var link = (await organiser.GetPageAsync($"/Summits/Details/{summit.Id}")).QuerySelector("#manage-summit-link");
        Assert.True(link is not null, "no link to the management home");
        Assert.Equal((Hub(summit.Id), "Manage this summit"), (link.GetAttribute("href"), link.TextContent.Trim()));

        var (delegateUser, _) = await app.ApprovedDelegateAsync(summit.Id);
        using var delegateClient = await app.LogInAsync(delegateUser);
        Assert.Null((await delegateClient.GetPageAsync($"/Summits/Details/{summit.Id}")).QuerySelector("#manage-summit-link"));
    }
}
