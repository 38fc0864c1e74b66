using Microsoft.Playwright;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class JobsDashboardBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_jobs_dashboard_works_under_the_content_security_policy()
    {
        var organiser = await browser.App.CreateUserAsync(fullName: "Jobs Organiser", roles: Roles.Organiser);
        var page = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(page, organiser.Email!);

        await page.GotoAsync(HangfireSetup.DashboardPath + "/recurring", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(NotificationSweep.RecurringJobId);
        await browser.ScreenshotAsync(page, "recurring-jobs");
        page.Problems().AssertNone();
    }
}
