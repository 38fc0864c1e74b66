using Microsoft.Playwright;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>Accreditation in a real browser: the delegate gives their travel document and uploads a photo, an
/// organiser approves the registration, the badge carries the photo, and the check-in desk shows it beside the name.</summary>
[Collection(BrowserCollection.Name)]
public class AccreditationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_delegate_uploads_a_photo_is_approved_and_the_badge_and_check_in_desk_show_it()
    {
        var app = browser.App;
        var summit = await app.CreateOpenSummitAsync(name: "Nairobi Summit " + Guid.NewGuid().ToString("N")[..6]);
        var organisation = await app.CreateOrganisationAsync(country: "KE");
        var delegateUser = await app.CreateUserAsync(fullName: "Achieng Otieno");
        var registration = await app.RegisterAsync(delegateUser, summit.Id, organisation.Id);
        var organiser = await app.CreateUserAsync(fullName: "Desk Organiser", roles: Roles.Organiser);
        var number = app.NewDocumentNumber();

        // 1. The delegate opens accreditation from their registration, gives the document and uploads a photo.
        var delegatePage = await browser.NewPageAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        await BrowserFixture.LogInAsync(delegatePage, delegateUser.Email!);
        await delegatePage.GotoAsync($"/Registration/Details/{registration.Id}");
        await delegatePage.Locator("#accreditation-link").ClickAsync();
        await delegatePage.Locator("#NationalityCode").SelectOptionAsync(new SelectOptionValue { Label = "Kenya" });
        await delegatePage.Locator("#DocumentNumber").FillAsync(number);
        await delegatePage.Locator("#DocumentExpiry").FillAsync(summit.EndDate.AddYears(4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await delegatePage.GetByRole(AriaRole.Button, new() { Name = "Save the travel document" }).ClickAsync();
        await Assertions.Expect(delegatePage.Locator("#accreditation-state")).ToContainTextAsync("your photo");
        await delegatePage.Locator("#Photo").SetInputFilesAsync(new FilePayload
        {
            Name = "IMG_2041.JPG", MimeType = "image/jpeg", Buffer = AccreditationSteps.JpegWithGps(900, 1200),
        });
        await delegatePage.GetByRole(AriaRole.Button, new() { Name = "Upload the photo" }).ClickAsync();
        await Assertions.Expect(delegatePage.Locator("#accreditation-state")).ToHaveAttributeAsync("data-complete", "true");
        var shown = delegatePage.Locator("#accreditation-photo");
        await Assertions.Expect(shown).ToBeVisibleAsync();
        Assert.True(await shown.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The photo did not load");
        await browser.ScreenshotAsync(delegatePage, "1-accreditation-complete");

        // 2. The organiser approves the registration in the vetting queue.
        var desk = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(desk, organiser.Email!);
        await desk.GotoAsync($"/Registration/Manage/Index/{summit.Id}");
        await desk.Locator($"#approve-{registration.Id}").ClickAsync();
        await Assertions.Expect(desk.Locator("main")).ToContainTextAsync("approved");

        // 3. The delegate's badge carries the photo beside the QR code.
        await delegatePage.GotoAsync($"/Registration/Details/{registration.Id}");
        var download = await delegatePage.RunAndWaitForDownloadAsync(() => delegatePage.Locator("#badge-link").ClickAsync());
        var saved = Path.Combine(browser.ScreenshotFolder, $"{nameof(A_delegate_uploads_a_photo_is_approved_and_the_badge_and_check_in_desk_show_it)}-badge.pdf");
        await download.SaveAsAsync(saved);
        var pdf = await File.ReadAllBytesAsync(saved);
        Assert.True(BadgePdfReader.IsPdf(pdf));
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf)) Assert.Equal(2, document.GetPage(1).GetImages().Count());
        Assert.Contains("Achieng Otieno", Assert.Single(BadgePdfReader.PageTexts(pdf)));

        // 4. At the check-in desk the photo appears beside the name.
        var badgeCode = await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.BadgeCode).SingleAsync());
        await desk.GotoAsync($"/Registration/Manage/CheckIn/{summit.Id}");
        await Assertions.Expect(desk.Locator("#checkin-code")).ToBeFocusedAsync();
        await desk.Keyboard.TypeAsync(badgeCode);
        await desk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(desk.Locator("#checkin-heading")).ToHaveTextAsync("Checked in");
        var photo = desk.Locator("#checkin-photo");
        await Assertions.Expect(photo).ToBeVisibleAsync();
        await desk.WaitForFunctionAsync("() => { const i = document.querySelector('#checkin-photo'); return i && i.complete && i.naturalWidth > 0; }");
        await browser.ScreenshotAsync(desk, "2-checked-in-with-photo");

        // The number was typed in the browser: the organiser's pages show it masked at most.
        Assert.DoesNotContain(number, await desk.ContentAsync());
        delegatePage.Problems().AssertNone();
        desk.Problems().AssertNone();
    }
}
