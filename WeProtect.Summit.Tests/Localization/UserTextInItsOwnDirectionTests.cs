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
}
