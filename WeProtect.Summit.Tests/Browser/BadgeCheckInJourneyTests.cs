using Microsoft.Playwright;

namespace WeProtect.Summit.Tests.Browser;


/// <summary>A delegate's whole journey in a real browser: registers through the form, an organiser approves them
/// in the vetting queue, the delegate sees the approval and downloads the badge, and the desk types its code and
/// sees the confirmation appear without a reload, ready for the next badge.</summary>
[Collection(BrowserCollection.Name)]
public class BadgeCheckInJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_delegate_registers_is_approved_downloads_the_badge_and_is_checked_in_without_a_reload()
    {
        var app = browser.App;
        var summit = await app.CreateOpenSummitAsync(name: "Athens Summit " + Guid.NewGuid().ToString("N")[..6]);
        var organisationName = "Ελληνική Δημοκρατία " + Guid.NewGuid().ToString("N")[..4];
        await app.CreateOrganisationAsync(organisationName, country: "GR");
        var delegateUser = await app.CreateUserAsync(fullName: "Νίκος Παπαδόπουλος");
        var organiser = await app.CreateUserAsync(fullName: "Desk Organiser", roles: Roles.Organiser);

        // 1. The delegate registers from the summit's public page.
        var delegatePage = await browser.NewPageAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        await BrowserFixture.LogInAsync(delegatePage, delegateUser.Email!);
        await delegatePage.GotoAsync($"/Summits/Details/{summit.Id}");
        await delegatePage.Locator("#register-link").ClickAsync();
        await delegatePage.Locator("#Input_Position").FillAsync("Minister of Digital Governance");
        await delegatePage.Locator("#Input_Category").SelectOptionAsync(new SelectOptionValue { Label = "Head of delegation" });
        await delegatePage.Locator("#Input_OrganisationId").SelectOptionAsync(new SelectOptionValue { Label = organisationName });
        await delegatePage.Locator("#Input_ConsentToPublicList").CheckAsync();
        await browser.ScreenshotAsync(delegatePage, "1-register");
        await delegatePage.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await BrowserFixture.WaitForAddressAsync(delegatePage, "/Registration/Details/");
        var registrationId = int.Parse(delegatePage.Url.Split('/').Last().Split('?')[0]);
        // Ministerial rank is the organisers' to set (Invitations/Manage/Protocol), not the delegate's.
        await app.SetProtocolAsync(summit.Id, registrationId, new Data.Invitations.ProtocolDetails(null, "H.E.", Data.Invitations.ProtocolRank.Minister, 1),
            new Data.Audit.AuditActor(organiser.Id, organiser.FullName));
        await Assertions.Expect(delegatePage.Locator("main")).ToContainTextAsync("ending", new() { IgnoreCase = true });

        // 2. The organiser approves them in the vetting queue.
        var desk = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(desk, organiser.Email!);
        await desk.GotoAsync($"/Registration/Manage/Index/{summit.Id}");
        await desk.Locator($"#approve-{registrationId}").ClickAsync();
        await Assertions.Expect(desk.Locator("main")).ToContainTextAsync("approved");
        await browser.ScreenshotAsync(desk, "2-approved");

        // 3. The delegate sees the approval and downloads the badge from their registration page.
        await delegatePage.ReloadAsync();
        await Assertions.Expect(delegatePage.Locator("main")).ToContainTextAsync("pproved");
        await browser.ScreenshotAsync(delegatePage, "3-delegate-approved");
        var download = await delegatePage.RunAndWaitForDownloadAsync(() => delegatePage.Locator("#badge-link").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var saved = Path.Combine(browser.ScreenshotFolder, $"{nameof(A_delegate_registers_is_approved_downloads_the_badge_and_is_checked_in_without_a_reload)}-badge.pdf");
        await download.SaveAsAsync(saved);
        var pdf = await File.ReadAllBytesAsync(saved);
        Assert.True(BadgePdfReader.IsPdf(pdf));
        var text = Assert.Single(BadgePdfReader.PageTexts(pdf));
        Assert.Contains("Νίκος Παπαδόπουλος", text);
        Assert.Contains("HEAD OF DELEGATION", text);
        var badgeCode = await app.WithDbAsync(db => Task.FromResult(db.Registrations.Single(r => r.Id == registrationId).BadgeCode));

        // 4. The desk opens check-in; the code field has the focus, as a USB scanner needs.
        await desk.GotoAsync($"/Registration/Manage/CheckIn/{summit.Id}");
        var code = desk.Locator("#checkin-code");
        await Assertions.Expect(code).ToBeFocusedAsync();
        await Assertions.Expect(desk.Locator("#checkin-count")).ToHaveTextAsync("0 of 1 approved delegates checked in");
        await browser.ScreenshotAsync(desk, "4-desk-ready");

        // A marker that a full page load would wipe out.
        await desk.EvaluateAsync("() => { window.summitNoReload = 'still here'; }");

        // 5. The code is typed as a scanner types it: characters, then Enter.
        await desk.Keyboard.TypeAsync(badgeCode);
        await desk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(desk.Locator("#checkin-heading")).ToHaveTextAsync("Checked in");
        // Greeted with the honorific the organisers set.
        await Assertions.Expect(desk.Locator("#checkin-name")).ToHaveTextAsync("H.E. Νίκος Παπαδόπουλος");
        await Assertions.Expect(desk.Locator("#checkin-count")).ToHaveTextAsync("1 of 1 approved delegates checked in");
        await Assertions.Expect(code).ToHaveValueAsync("");
        await Assertions.Expect(code).ToBeFocusedAsync();
        Assert.Equal("still here", await desk.EvaluateAsync<string>("() => window.summitNoReload"));
        await browser.ScreenshotAsync(desk, "5-checked-in");

        // 6. The same badge again, straight away: the field was ready for it.
        await desk.Keyboard.TypeAsync(badgeCode);
        await desk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(desk.Locator("#checkin-heading")).ToContainTextAsync("Already checked in at ");
        Assert.Equal("still here", await desk.EvaluateAsync<string>("() => window.summitNoReload"));
        await browser.ScreenshotAsync(desk, "6-already-checked-in");

        // 7. A mistyped code.
        await desk.Keyboard.TypeAsync("AAAAAAAAAAAAAAAAAAAAAA");
        await desk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(desk.Locator("#checkin-heading")).ToHaveTextAsync("Not a badge code");
        await browser.ScreenshotAsync(desk, "7-unknown");

        delegatePage.Problems().AssertNone();
        desk.Problems().AssertNone();
    }
}
