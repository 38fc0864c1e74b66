using Microsoft.Playwright;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>Registration by invitation in a real browser, as each person meets it: the organiser makes the summit
/// by invitation and invites an organisation; its focal point opens the e-mailed link, accepts and nominates a head of
/// delegation; the nominee opens their own e-mailed link and registers; the organiser approves; the delegate downloads
/// the badge (a PDF with their name); the desk finds them by name and checks them in. Links come from the app's
/// outbox, as the people would read them in their mail.</summary>
[Collection(BrowserCollection.Name)]
public class InvitationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_invited_organisation_nominates_a_delegate_who_registers_is_approved_gets_a_badge_and_is_checked_in()
    {
        var app = browser.App;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var summit = await app.CreateOpenSummitAsync(name: "Nairobi Summit " + tag);
        var organisationName = "Republic of Kenya " + tag;
        await app.CreateOrganisationAsync(organisationName, country: "KE");
        var organiser = await app.CreateUserAsync(fullName: "Invitations Organiser", roles: Roles.Organiser);
        var focalEmail = $"focal-{tag}@example.org";
        await app.CreateUserAsync(focalEmail, "Focal Point " + tag);
        var nomineeEmail = $"head-{tag}@example.org";
        var nomineeName = "Wanjiru Kamau " + tag;
        await app.CreateUserAsync(nomineeEmail, nomineeName);

        // 1. The organiser makes registration by invitation and invites the organisation.
        var desk = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(desk, organiser.Email!);
        await desk.GotoAsync($"/Invitations/Manage/{summit.Id}");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Make registration by invitation" }).ClickAsync();
        await Assertions.Expect(desk.Locator("#mode-now")).ToContainTextAsync("By invitation");
        await desk.GetByLabel("Organisation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = organisationName });
        await desk.GetByLabel("Focal point's e-mail").FillAsync(focalEmail);
        await desk.GetByLabel("Heads of delegation").FillAsync("1");
        await desk.GetByLabel("Delegates", new() { Exact = true }).FillAsync("2");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        var row = desk.GetByRole(AriaRole.Row).Filter(new() { HasText = organisationName });
        await Assertions.Expect(row).ToContainTextAsync("Invited");
        await browser.ScreenshotAsync(desk, "1-invited");

        // 2. The focal point opens the invitation from their mail, accepts it and nominates the head of delegation.
        var focal = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(focal, focalEmail);
        await focal.GotoAsync(await app.LinkInMailAsync(focalEmail, "Invitation to"));
        await Assertions.Expect(focal.Locator("main")).ToContainTextAsync(organisationName);
        await focal.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation" }).ClickAsync();
        await BrowserFixture.WaitForAddressAsync(focal, "/Invitations/Delegation/");
        await focal.GetByLabel("E-mail", new() { Exact = true }).FillAsync(nomineeEmail);
        await focal.GetByLabel("Place").SelectOptionAsync(new SelectOptionValue { Label = "Head of delegation" });
        await focal.GetByRole(AriaRole.Button, new() { Name = "Nominate", Exact = true }).ClickAsync();
        var nominee = focal.GetByRole(AriaRole.Row).Filter(new() { HasText = nomineeEmail });
        await Assertions.Expect(nominee).ToContainTextAsync("Not yet registered");
        await browser.ScreenshotAsync(focal, "2-nominated");

        // 3. The nominee opens their own link and registers: category and organisation come from the nomination.
        var delegatePage = await browser.NewPageAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        await BrowserFixture.LogInAsync(delegatePage, nomineeEmail);
        await delegatePage.GotoAsync(await app.LinkInMailAsync(nomineeEmail, "Nominated to the delegation"));
        await Assertions.Expect(delegatePage.Locator("#nominated-by")).ToContainTextAsync(organisationName);
        await delegatePage.GetByLabel("Full name").FillAsync(nomineeName);
        await delegatePage.GetByLabel("Position").FillAsync("Cabinet Secretary for ICT");
        await delegatePage.GetByLabel("List me in the public list of participants").CheckAsync();
        await browser.ScreenshotAsync(delegatePage, "3-register");
        await delegatePage.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await BrowserFixture.WaitForAddressAsync(delegatePage, "/Registration/Details/");
        var registration = await app.WithDbAsync(db => db.Registrations.AsNoTracking()
            .SingleAsync(r => r.SummitId == summit.Id && r.FullName == nomineeName));
        Assert.NotNull(registration.NominationId);
        Assert.Equal(DelegateCategory.HeadOfDelegation, registration.Category);

        // The focal point sees the nominee registered.
        await focal.ReloadAsync();
        await Assertions.Expect(nominee).Not.ToContainTextAsync("Not yet registered");

        // 4. The organiser approves the registration in the vetting queue.
        await desk.GotoAsync($"/Registration/Manage/Index/{summit.Id}");
        await desk.GetByRole(AriaRole.Button, new() { Name = $"Approve {nomineeName}" }).ClickAsync();
        await Assertions.Expect(desk.Locator("main")).ToContainTextAsync("approved");
        await browser.ScreenshotAsync(desk, "4-approved");
        await desk.GotoAsync($"/Invitations/Manage/{summit.Id}");
        await Assertions.Expect(row.Locator(".approved")).ToHaveTextAsync("1");

        // 5. The delegate downloads the badge: a PDF with their name and place.
        await delegatePage.ReloadAsync();
        var download = await delegatePage.RunAndWaitForDownloadAsync(() => delegatePage.GetByRole(AriaRole.Link, new() { Name = "Your badge" }).ClickAsync());
        var saved = Path.Combine(browser.ScreenshotFolder, $"{nameof(An_invited_organisation_nominates_a_delegate_who_registers_is_approved_gets_a_badge_and_is_checked_in)}-badge.pdf");
        await download.SaveAsAsync(saved);
        var pdf = await File.ReadAllBytesAsync(saved);
        Assert.True(BadgePdfReader.IsPdf(pdf));
        var text = Assert.Single(BadgePdfReader.PageTexts(pdf));
        Assert.Contains(nomineeName, text);
        Assert.Contains("HEAD OF DELEGATION", text);

        // 6. At the door, the desk finds the delegate by name and checks them in.
        await desk.GotoAsync($"/Registration/Manage/CheckIn/{summit.Id}");
        await desk.GetByLabel("Or find by name").FillAsync("kamau");
        var match = desk.Locator("#checkin-matches li").Filter(new() { HasText = nomineeName });
        await Assertions.Expect(match).ToHaveCountAsync(1);
        await match.GetByRole(AriaRole.Button, new() { Name = $"Check in {nomineeName}" }).ClickAsync();
        await Assertions.Expect(desk.Locator("#checkin-heading")).ToHaveTextAsync("Checked in");
        await Assertions.Expect(desk.Locator("#checkin-name")).ToHaveTextAsync(nomineeName);
        await browser.ScreenshotAsync(desk, "6-checked-in");
        Assert.NotNull(await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.CheckedInUtc).SingleAsync()));

        desk.Problems().AssertNone();
        focal.Problems().AssertNone();
        delegatePage.Problems().AssertNone();
    }
}
