using Microsoft.Playwright;

namespace WeProtect.Summit.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class CommuniqueJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_organiser_publishes_downloads_and_verifies_the_signed_communique()
    {
        var closed = await browser.App.ClosedStatementAsync();
        var organiser = await browser.App.CreateUserAsync(fullName: "Publishing Organiser", roles: Roles.Organiser);
        var page = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(page, organiser.Email!);

        await page.GotoAsync($"/Communiques/Manage/{closed.StatementId}");
        await Assertions.Expect(page.Locator("#statement-status")).ToHaveTextAsync("Closed");
        await browser.ScreenshotAsync(page, "closed");
        await page.Locator("#publish").ClickAsync();

        // The status block polls itself (htmx) until the job has published the communiqué.
        await Assertions.Expect(page.Locator("#communique-state")).ToHaveTextAsync("Published", new() { Timeout = 60_000 });
        // The heading's status follows without a reload.
        await Assertions.Expect(page.Locator("#statement-status")).ToHaveTextAsync("Published");
        await browser.ScreenshotAsync(page, "published");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-pdf").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"communique-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(path);
        try
        {
            Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(await File.ReadAllBytesAsync(path)));

            await page.Locator("#public-page").ClickAsync();
            await Assertions.Expect(page.Locator("#self-signed-warning")).ToContainTextAsync("not from a trusted authority");
            await browser.ScreenshotAsync(page, "public-page");

            await page.Locator("#verify-link").ClickAsync();
            await page.Locator("#Upload").SetInputFilesAsync(path);
            await page.Locator("#verify").ClickAsync();
            await Assertions.Expect(page.Locator("#verdict")).ToContainTextAsync("Valid: this is the communiqué");
            await Assertions.Expect(page.Locator("#verify-result")).ToHaveAttributeAsync("data-valid", "true");
            await browser.ScreenshotAsync(page, "verified");
        }
        finally
        {
            File.Delete(path);
        }
        page.Problems().AssertNone();
    }
}
