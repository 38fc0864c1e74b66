namespace WeProtect.Summit.Tests.Localization;

/// <summary>In Arabic, items follow one another with the Arabic comma ("، "), and Latin fragments inside a right-to-left
/// sentence (".ics", a time zone such as "Asia/Dubai") are isolated in a &lt;bdi&gt;, so that they read left to right
/// instead of coming out as "(ics.)" or "Dubai/Asia".</summary>
public class RightToLeftListsAndLatinTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task The_registration_header_lists_dates_city_and_country_with_the_Arabic_comma()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = LocalizedAppFactory.Speaking(await app.LogInAsync(user), "ar");

        var header = (await client.GetPageAsync($"/Registration/Details/{registration.Id}")).QuerySelector("#summit-when-where")!.TextContent;

        Assert.Contains($"، {summit.City}، ", header);
        Assert.DoesNotContain(",", header);
    }

    [Fact]
    public async Task The_agenda_isolates_ics_and_the_time_zone_and_lists_organisations_with_the_Arabic_comma()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit);
        var first = await app.CreateOrganisationAsync($"Alpha {Guid.NewGuid():N}"[..12]);
        var second = await app.CreateOrganisationAsync($"Beta {Guid.NewGuid():N}"[..11]);
        await app.DecorateAsync(breakout.Id, organisationIds: [first.Id, second.Id]);
        var (user, _) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = LocalizedAppFactory.Speaking(await app.LogInAsync(user), "ar");

        var page = await client.GetPageAsync($"/Breakouts/Agenda/{summit.Id}");

        Assert.Equal(".ics", page.QuerySelector("#agenda-ics bdi")!.TextContent);
        Assert.EndsWith("(.ics)", page.QuerySelector("#agenda-ics")!.TextContent);
        Assert.Equal("Asia/Dubai", page.QuerySelector("#agenda-zone bdi")!.TextContent);
        Assert.Contains($"{first.FormalName}، {second.FormalName}", page.QuerySelector("main")!.TextContent);
    }
}
