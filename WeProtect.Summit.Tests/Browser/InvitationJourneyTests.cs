using Microsoft.Playwright;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>Registration by invitation in a real browser, as each person meets it: the organiser makes the summit
/// by invitation and invites an organisation; its focal point opens the e-mailed link, accepts and nominates two (the
/// head of delegation and a delegate); the head opens their own e-mailed link, registers and uploads a photo for
/// accreditation; the organiser approves; the delegate downloads the badge (a PDF with their name and photo); the desk
/// finds them by name and checks them in, the photo beside the name. Links come from the app's outbox, as the people
/// would read them in their mail. Screenshots of each step are kept.</summary>
[Collection(BrowserCollection.Name)]
public class InvitationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_invited_organisation_nominates_two_whose_head_registers_with_a_photo_is_approved_gets_a_badge_and_is_checked_in()
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
        var secondEmail = $"delegate-{tag}@example.org";

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
        await focal.GetByLabel("E-mail", new() { Exact = true }).FillAsync(secondEmail);
        await focal.GetByLabel("Place").SelectOptionAsync(new SelectOptionValue { Label = "Delegate" });
        await focal.GetByRole(AriaRole.Button, new() { Name = "Nominate", Exact = true }).ClickAsync();
        await Assertions.Expect(focal.GetByRole(AriaRole.Row).Filter(new() { HasText = secondEmail })).ToContainTextAsync("Not yet registered");
        Assert.StartsWith($"/Registration/Register/{summit.Id}?nomination=", await app.LinkInMailAsync(secondEmail, "Nominated to the delegation"));
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

        // Accreditation: the travel document, then a photo for the badge.
        await delegatePage.Locator("#accreditation-link").ClickAsync();
        await delegatePage.Locator("#NationalityCode").SelectOptionAsync(new SelectOptionValue { Label = "Kenya" });
        await delegatePage.Locator("#DocumentNumber").FillAsync(app.NewDocumentNumber());
        await delegatePage.Locator("#DocumentExpiry").FillAsync(summit.EndDate.AddYears(4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await delegatePage.GetByRole(AriaRole.Button, new() { Name = "Save the travel document" }).ClickAsync();
        await Assertions.Expect(delegatePage.Locator("#accreditation-state")).ToContainTextAsync("your photo");
        await delegatePage.Locator("#Photo").SetInputFilesAsync(new FilePayload
        {
            Name = "kamau.jpg", MimeType = "image/jpeg", Buffer = AccreditationSteps.JpegWithGps(900, 1200),
        });
        await delegatePage.GetByRole(AriaRole.Button, new() { Name = "Upload the photo" }).ClickAsync();
        await Assertions.Expect(delegatePage.Locator("#accreditation-state")).ToHaveAttributeAsync("data-complete", "true");
        await browser.ScreenshotAsync(delegatePage, "3-accreditation");

        // 4. The organiser approves the registration in the vetting queue.
        await desk.GotoAsync($"/Registration/Manage/Index/{summit.Id}");
        await desk.GetByRole(AriaRole.Button, new() { Name = $"Approve {nomineeName}" }).ClickAsync();
        await Assertions.Expect(desk.Locator("main")).ToContainTextAsync("approved");
        await browser.ScreenshotAsync(desk, "4-approved");
        await desk.GotoAsync($"/Invitations/Manage/{summit.Id}");
        await Assertions.Expect(row.Locator(".approved")).ToHaveTextAsync("1");

        // 5. The delegate downloads the badge: a PDF with their name, place and photo (beside the QR code).
        await delegatePage.GotoAsync($"/Registration/Details/{registration.Id}");
        var download = await delegatePage.RunAndWaitForDownloadAsync(() => delegatePage.GetByRole(AriaRole.Link, new() { Name = "Your badge" }).ClickAsync());
        var saved = Path.Combine(browser.ScreenshotFolder, $"{nameof(An_invited_organisation_nominates_two_whose_head_registers_with_a_photo_is_approved_gets_a_badge_and_is_checked_in)}-badge.pdf");
        await download.SaveAsAsync(saved);
        var pdf = await File.ReadAllBytesAsync(saved);
        Assert.True(BadgePdfReader.IsPdf(pdf));
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf)) Assert.Equal(2, document.GetPage(1).GetImages().Count());
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
        await desk.WaitForFunctionAsync("() => { const i = document.querySelector('#checkin-photo'); return i && i.complete && i.naturalWidth > 0; }");
        await browser.ScreenshotAsync(desk, "6-checked-in");
        Assert.NotNull(await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.CheckedInUtc).SingleAsync()));

        desk.Problems().AssertNone();
        focal.Problems().AssertNone();
        delegatePage.Problems().AssertNone();
    }
}
