namespace WeProtect.Summit.Tests.Accessibility;

/// <summary>The accessibility statement: public, linked from every page's footer, saying what is tested, the known
/// limits and where to report a problem.</summary>
public class AccessibilityStatementTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Anyone_reaches_the_statement_from_the_footer_and_learns_how_to_report_a_problem()
    {
        using var client = app.CreateFormClient();
        var home = await client.GetPageAsync("/Summits");
        var link = home.QuerySelector("footer a#accessibility-link");
        Assert.NotNull(link);
        var page = await client.GetPageAsync(link!.GetAttribute("href")!);
        Assert.Equal("Accessibility statement", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#tested"));
        Assert.NotNull(page.QuerySelector("#limits"));
        Assert.Equal("mailto:secretariat@weprotect-summit.invalid", page.QuerySelector("#report-address")!.GetAttribute("href"));
    }
}
