using Microsoft.Playwright;

namespace WeProtect.Summit.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class HomePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_home_page_loads_without_console_errors_or_CSP_violations()
    {
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.NotNull(response);
        Assert.Equal(200, response!.Status);
        Assert.Contains("WeProtect Summit", await page.TitleAsync());
        Assert.Equal("WeProtect Summit", (await page.Locator("h1").TextContentAsync())?.Trim());
        // The response carries the policy the page was checked against.
        Assert.Contains("script-src 'self'", await response.HeaderValueAsync("content-security-policy") ?? "");
        var shot = await browser.ScreenshotAsync(page, "home");
        Assert.True(new FileInfo(shot).Length > 0, $"empty screenshot {shot}");

        Assert.True(page.Problems().CspViolations.Count == 0, string.Join("\n", page.Problems().CspViolations));
        page.Problems().AssertNone();
        await page.Context.CloseAsync();
    }
}
