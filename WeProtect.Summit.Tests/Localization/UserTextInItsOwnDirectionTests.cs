namespace WeProtect.Summit.Tests.Localization;

/// <summary>On an Arabic page, what someone typed in Latin script (a summit's or a breakout's description, a venue, a
/// time zone, a breakout's title) takes its direction from its own letters: the paragraphs that hold it are
/// dir="auto", and a value inside a translated sentence is isolated (&lt;bdi&gt; in markup, the Unicode isolates FSI…PDI
/// in a plain-text status line). Without it the browser drew ".Welcome to the summit", "Asia/Dubai (UTC+04:00" with
/// its bracket displaced, and «Age assurance and privacy» with its quotes broken.</summary>
public class UserTextInItsOwnDirectionTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task The_summit_page_gives_the_description_its_own_direction_and_isolates_the_zone_and_the_venue()
    {
        var summit = await app.CreateOpenSummitAsync();
        await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Description, "Welcome to the summit.\n\nBring your badge.")));
        using var client = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "ar");

        var page = await client.GetPageAsync($"/Summits/Details/{summit.Id}");

        var paragraphs = page.QuerySelectorAll("#summit-description p");
        Assert.Equal(["Welcome to the summit.", "Bring your badge."], paragraphs.Select(p => p.TextContent));
        Assert.All(paragraphs, p => Assert.Equal("auto", p.GetAttribute("dir")));
        Assert.Equal(["Asia/Dubai", "UTC+04:00"], page.QuerySelectorAll("#summit-zone bdi").Select(b => b.TextContent));
        Assert.EndsWith("(UTC+04:00)", page.QuerySelector("#summit-zone")!.TextContent);
        Assert.Contains(summit.City, page.QuerySelectorAll("#summit-where bdi").Select(b => b.TextContent));
        Assert.StartsWith($"{summit.Venue}، {summit.City}، ", page.QuerySelector("#summit-where")!.TextContent);
    }

    [Fact]
    public async Task The_session_page_gives_the_breakout_description_its_own_direction()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit);
        await app.DecorateAsync(breakout.Id, description: "A discussion on age assurance.");
        using var client = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "ar");

        var page = await client.GetPageAsync($"/Breakouts/Session/{breakout.Id}");

        var paragraph = Assert.Single(page.QuerySelectorAll("#session-description p"));
        Assert.Equal("A discussion on age assurance.", paragraph.TextContent);
        Assert.Equal("auto", paragraph.GetAttribute("dir"));
        Assert.Equal(summit.TimeZoneId, page.QuerySelector("#session-time bdi")!.TextContent);
    }

    [Fact]
    public async Task The_booking_message_isolates_the_breakout_title_inside_its_quotes()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, title: "Age assurance and privacy");
        var (user, _) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = LocalizedAppFactory.Speaking(await app.LogInAsync(user), "ar");

        var message = (await client.BookThroughPageAsync(breakout.Id)).Message(breakout.Id);

        Assert.Contains("«\u2068Age assurance and privacy\u2069»", message);
    }

    /// <summary>The agenda's rows: a breakout's title, its room, its theme and its facilitating organisations are each
    /// isolated, so that "Age assurance and privacy" in an Arabic row, or an Arabic organisation's name among Latin ones
    /// in an English row, keep their own direction and the list's commas stay between them.</summary>
    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task The_agenda_isolates_titles_rooms_themes_and_organisations(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var room = await app.CreateRoomAsync(summit.Id, "Hall Orion", 40);
        var breakout = await app.CreateBreakoutAsync(summit, roomId: room.Id, title: "Age assurance and privacy");
        var theme = await app.CreateThemeAsync(summit.Id, "Safety by design");
        var arabic = await app.CreateOrganisationAsync($"وزارة العدل {Guid.NewGuid():N}"[..20]);
        var latin = await app.CreateOrganisationAsync($"Ministry of Justice {Guid.NewGuid():N}"[..28]);
        await app.DecorateAsync(breakout.Id, themeId: theme.Id, organisationIds: [arabic.Id, latin.Id]);
        using var client = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), language);

        var page = await client.GetPageAsync($"/Breakouts/Agenda/{summit.Id}");

        foreach (var row in new[] { page.QuerySelector($"td.agenda-session[data-breakout-id='{breakout.Id}']")!, page.QuerySelector($".agenda-list li[data-breakout-id='{breakout.Id}']")! })
        {
            var isolated = row.QuerySelectorAll("bdi").Select(b => b.TextContent).ToList();
            Assert.Contains("Age assurance and privacy", isolated);
            Assert.Contains("Safety by design", isolated);
            Assert.Contains(arabic.FormalName, isolated);
            Assert.Contains(latin.FormalName, isolated);
        }
        Assert.Contains("Hall Orion", page.QuerySelectorAll("th[data-room-id] bdi").Select(b => b.TextContent));
        Assert.Contains("Hall Orion", page.QuerySelector($".agenda-list li[data-breakout-id='{breakout.Id}']")!.QuerySelectorAll("bdi").Select(b => b.TextContent));
    }

    /// <summary>A delegate's own registration page and the organisers' page about a registration: the name, position and
    /// organisation someone typed are each in a &lt;bdi&gt;, as is the summit's name inside the translated heading.</summary>
    [Fact]
    public async Task The_registration_pages_isolate_the_names_people_typed()
    {
        var summit = await app.CreateOpenSummitAsync();
        const string name = "ليلى حداد";
        var organisation = await app.CreateOrganisationAsync($"Ministry of Justice {Guid.NewGuid():N}"[..28]);
        var user = await app.CreateUserAsync(fullName: name);
        var registration = await app.RegisterAsync(user, summit.Id, organisation.Id);

        using (var delegateClient = LocalizedAppFactory.Speaking(await app.LogInAsync(user), "en"))
        {
            var page = await delegateClient.GetPageAsync($"/Registration/Details/{registration.Id}");
            Assert.Equal(name, page.QuerySelector("#answer-name bdi")!.TextContent);
            Assert.Equal("Director", page.QuerySelector("#answer-position bdi")!.TextContent);
            Assert.Equal(organisation.FormalName, page.QuerySelector("bdi#answer-organisation")!.TextContent);
            Assert.Equal(summit.Name, page.QuerySelector("h1 bdi")!.TextContent);
            Assert.Contains(summit.City, page.QuerySelectorAll("#summit-when-where bdi").Select(b => b.TextContent));
        }
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "ar");
        var manage = await organiser.GetPageAsync($"/Registration/Manage/Delegate/{summit.Id}/{registration.Id}");
        Assert.Equal(name, manage.QuerySelector("#delegate-name bdi")!.TextContent);
        Assert.Equal("Director", manage.QuerySelector("#delegate-position bdi")!.TextContent);
        Assert.Equal(organisation.FormalName, manage.QuerySelector("#delegate-organisation bdi")!.TextContent);
    }

    [Fact]
    public async Task The_reporting_pages_isolate_cycle_titles_and_organisation_names()
    {
        var organisation = await app.CreateOrganisationAsync($"Ministry of Justice {Guid.NewGuid():N}"[..28], Data.Organisations.Sector.Government);
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var (_, focal, _) = await app.FocalPointAsync(organisation.Id);

        var own = await LocalizedAppFactory.Speaking(focal, "ar").GetPageAsync("/Reporting");
        Assert.Contains(own.QuerySelectorAll("main td a bdi"), b => b.TextContent == cycle.Title);
        Assert.Contains(own.QuerySelectorAll("main td > bdi"), b => b.TextContent == organisation.FormalName);

        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "ar");
        var manage = await organiser.GetPageAsync("/Reporting/Manage");
        Assert.Contains(manage.QuerySelectorAll("main td a bdi"), b => b.TextContent == cycle.Title);
        Assert.Contains(manage.QuerySelectorAll("main td > bdi"), b => b.TextContent == organisation.FormalName);
    }
}
