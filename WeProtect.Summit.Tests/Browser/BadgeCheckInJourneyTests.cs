using Microsoft.Playwright;
using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Tests.Registration;
using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Browser;

using WeProtect.Summit.Data.Registrations;

/// <summary>From approval to the door: the delegate downloads their badge, the desk types its code and sees the
/// confirmation appear without a reload, ready for the next badge.
///
/// The registration and the approval are made through RegistrationDesk (<c>app.RegisterAsync</c>,
/// <c>app.DecideAsync</c>): the registration form and the vetting queue are other pages' journeys.</summary>
[Collection(BrowserCollection.Name)]
public class BadgeCheckInJourneyTests(BrowserFixture browser)
{
    private static async Task LogInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("form#login input[name='Input.Email']").FillAsync(email);
        await page.Locator("form#login input[name='Input.Password']").FillAsync(SummitAppFactory.Password);
        await page.Locator("form#login button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_delegate_downloads_the_badge_and_the_desk_checks_them_in_without_a_reload()
    {
        var app = browser.App;
        var summit = await app.CreateOpenSummitAsync(name: "Athens Summit " + Guid.NewGuid().ToString("N")[..6]);
        var organisation = await app.CreateOrganisationAsync("Ελληνική Δημοκρατία " + Guid.NewGuid().ToString("N")[..4], country: "GR");
        var delegateUser = await app.CreateUserAsync(fullName: "Νίκος Παπαδόπουλος");
        var registration = await app.RegisterAsync(delegateUser, summit.Id, organisation.Id, DelegateCategory.HeadOfDelegation, minister: true);
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);

        // 1. The delegate downloads their badge (the address their registration page links to).
        var delegatePage = await browser.NewPageAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        await LogInAsync(delegatePage, delegateUser.Email!);
        await browser.ScreenshotAsync(delegatePage, "1-delegate-signed-in");
        var download = await delegatePage.RunAndWaitForDownloadAsync(async () =>
        {
            // A navigation that ends in a download is reported by Playwright as an aborted navigation.
            try { await delegatePage.GotoAsync($"/Registration/Badge/{registration.Id}"); }
            catch (PlaywrightException e) when (e.Message.Contains("Download is starting", StringComparison.Ordinal)) { }
        });
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var saved = Path.Combine(browser.ScreenshotFolder, $"{nameof(A_delegate_downloads_the_badge_and_the_desk_checks_them_in_without_a_reload)}-badge.pdf");
        await download.SaveAsAsync(saved);
        var pdf = await File.ReadAllBytesAsync(saved);
        Assert.True(BadgePdfReader.IsPdf(pdf));
        var text = Assert.Single(BadgePdfReader.PageTexts(pdf));
        Assert.Contains("Νίκος Παπαδόπουλος", text);
        Assert.Contains("HEAD OF DELEGATION", text);

        // 2. The desk: an organiser opens check-in; the code field has the focus, as a USB scanner needs.
        var organiser = await app.CreateUserAsync(fullName: "Desk Organiser", roles: Roles.Organiser);
        var desk = await browser.NewPageAsync();
        await LogInAsync(desk, organiser.Email!);
        await desk.GotoAsync($"/Registration/Manage/CheckIn/{summit.Id}");
        var code = desk.Locator("#checkin-code");
        await Assertions.Expect(code).ToBeFocusedAsync();
        await Assertions.Expect(desk.Locator("#checkin-count")).ToHaveTextAsync("0 of 1 approved delegates checked in");
        await browser.ScreenshotAsync(desk, "2-desk-ready");

        // A marker that a full page load would wipe out.
        await desk.EvaluateAsync("() => { window.summitNoReload = 'still here'; }");

        // 3. The code is typed as a scanner types it: characters, then Enter.
        await desk.Keyboard.TypeAsync(registration.BadgeCode);
        await desk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(desk.Locator("#checkin-heading")).ToHaveTextAsync("Checked in");
        await Assertions.Expect(desk.Locator("#checkin-name")).ToHaveTextAsync("Νίκος Παπαδόπουλος");
        await Assertions.Expect(desk.Locator("#checkin-count")).ToHaveTextAsync("1 of 1 approved delegates checked in");
        await Assertions.Expect(code).ToHaveValueAsync("");
        await Assertions.Expect(code).ToBeFocusedAsync();
        Assert.Equal("still here", await desk.EvaluateAsync<string>("() => window.summitNoReload"));
        await browser.ScreenshotAsync(desk, "3-checked-in");

        // 4. The same badge again, straight away: the field was ready for it.
        await desk.Keyboard.TypeAsync(registration.BadgeCode);
        await desk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(desk.Locator("#checkin-heading")).ToContainTextAsync("Already checked in at ");
        Assert.Equal("still here", await desk.EvaluateAsync<string>("() => window.summitNoReload"));
        await browser.ScreenshotAsync(desk, "4-already-checked-in");

        // 5. A mistyped code.
        await desk.Keyboard.TypeAsync("AAAAAAAAAAAAAAAAAAAAAA");
        await desk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(desk.Locator("#checkin-heading")).ToHaveTextAsync("Unknown badge code");
        await browser.ScreenshotAsync(desk, "5-unknown");

        delegatePage.Problems().AssertNone();
        desk.Problems().AssertNone();
    }
}
