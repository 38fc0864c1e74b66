using Microsoft.Playwright;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Tests.Signing;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>A signature in a real browser. A grant needs two-factor authentication first, so: the signatory turns it
/// on through the profile pages (key read off the page, code computed as an app would), the organiser grants the
/// authority on the credentials letter, the signatory signs with a fresh code, and the organisation appears on the
/// public "Agreed by" list; then the signatory withdraws, which needs a fresh code of its own.</summary>
[Collection(BrowserCollection.Name)]
public class SigningJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Signatory_turns_on_two_factor_organiser_grants_signatory_signs_and_appears_on_agreed_by()
    {
        var app = browser.App;
        var organisationName = "République de Côte d'Ivoire " + Guid.NewGuid().ToString("N")[..4];
        var organisation = await app.CreateOrganisationAsync(organisationName, Sector.Government, "CI");
        var (statement, final) = await app.OpenStatementAsync(title: "Abidjan Statement of Action");
        var signatory = await app.CreateUserAsync(fullName: "Awa Koné");
        var organiser = await app.CreateUserAsync(fullName: "Signing Organiser", roles: Roles.Organiser);

        // 1. The signatory turns on two-factor authentication with an authenticator app.
        var signatoryPage = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(signatoryPage, signatory.Email!);
        await signatoryPage.GotoAsync("/Signing");
        await Assertions.Expect(signatoryPage.Locator("#no-authority")).ToBeVisibleAsync();
        await signatoryPage.GotoAsync("/Profile/EnableAuthenticator");
        var key = (await signatoryPage.Locator("#shared-key").TextContentAsync())!.Trim();
        await signatoryPage.Locator("form#enable-authenticator input[name='Input.Code']").FillAsync(browser.App.TotpCode(key, TimeSpan.FromSeconds(-30)));
        await signatoryPage.Locator("form#enable-authenticator button[type=submit]").ClickAsync();
        await BrowserFixture.WaitForAddressAsync(signatoryPage, "/Profile/RecoveryCodes");
        await browser.ScreenshotAsync(signatoryPage, "1-two-factor-on");

        // (Turned on with the previous step's code, still accepted: a code is good once per user, so the current step's
        // code stays free for the signature below, however fast the test runs.)
        // 2. The organiser grants the signing authority on the credentials letter.
        var organiserPage = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(organiserPage, organiser.Email!);
        await organiserPage.GotoAsync("/Signing/Manage");
        await organiserPage.Locator("#Grant_Email").FillAsync(signatory.Email!);
        await organiserPage.Locator("#Grant_OrganisationId").SelectOptionAsync(new SelectOptionValue { Label = organisationName });
        await organiserPage.Locator("#Grant_EvidenceReference").FillAsync("Note verbale 2026/117");
        await organiserPage.Locator("#Grant_EvidenceDate").FillAsync("2026-01-15");
        await browser.ScreenshotAsync(organiserPage, "2-grant");
        await organiserPage.Locator("form#grant-form button[type=submit]").ClickAsync();
        var row = organiserPage.Locator($"#authorities tr[data-email='{signatory.Email}']");
        await Assertions.Expect(row.Locator(".authority-status")).ToContainTextAsync("Active");
        await browser.ScreenshotAsync(organiserPage, "3-granted");

        // 3. The signatory finds the statement, reads the text and its hash, and signs with a fresh code.
        await signatoryPage.GotoAsync("/Signing");
        await signatoryPage.GetByRole(AriaRole.Link, new() { Name = "Abidjan Statement of Action" }).ClickAsync();
        await Assertions.Expect(signatoryPage.Locator("#final-hash")).ToHaveTextAsync(final.ContentHash);
        await Assertions.Expect(signatoryPage.Locator(".statement-document")).ToBeVisibleAsync();
        await signatoryPage.Locator("#Input_PrintedName").FillAsync("Awa Koné");
        await signatoryPage.Locator("#Input_PrintedPosition").FillAsync("Ministre de la Solidarité");
        await signatoryPage.Locator("#Input_Code").FillAsync(browser.App.TotpCode(key));
        await browser.ScreenshotAsync(signatoryPage, "4-sign");
        await signatoryPage.Locator("#sign-button").ClickAsync();
        await Assertions.Expect(signatoryPage.Locator("#live-endorsement")).ToContainTextAsync("Awa Koné");
        await browser.ScreenshotAsync(signatoryPage, "5-signed");

        // 4. The organisation is on the public list.
        var publicPage = await browser.NewPageAsync();
        await publicPage.GotoAsync($"/Statements/{statement.Id}/agreed-by");
        await Assertions.Expect(publicPage.Locator("#agreed-by-count strong")).ToHaveTextAsync("1");
        await Assertions.Expect(publicPage.Locator(".agreed-by-sector[data-sector=Government] li")).ToHaveTextAsync(organisationName);
        await browser.ScreenshotAsync(publicPage, "6-agreed-by");

        // 5. Withdrawing needs a fresh code too: the code that signed is refused (the reason typed stays), the next one withdraws.
        await signatoryPage.Locator("details#withdraw summary").ClickAsync();
        await signatoryPage.Locator("#Withdrawal_Reason").FillAsync("Signed before the cabinet cleared it");
        await signatoryPage.Locator("#Withdrawal_Code").FillAsync(browser.App.TotpCode(key));
        await signatoryPage.Locator("#withdraw-button").ClickAsync();
        await Assertions.Expect(signatoryPage.Locator(".alert-danger")).ToContainTextAsync("already used");
        await Assertions.Expect(signatoryPage.Locator("#live-endorsement")).ToContainTextAsync("Awa Koné");
        await Assertions.Expect(signatoryPage.Locator("#Withdrawal_Reason")).ToHaveValueAsync("Signed before the cabinet cleared it");
        await browser.ScreenshotAsync(signatoryPage, "7-withdrawal-refused");
        await signatoryPage.Locator("#Withdrawal_Code").FillAsync(browser.App.TotpCode(key, TimeSpan.FromSeconds(30)));
        await signatoryPage.Locator("#withdraw-button").ClickAsync();
        await Assertions.Expect(signatoryPage.Locator("#withdrawals")).ToContainTextAsync("Signed before the cabinet cleared it");
        await Assertions.Expect(signatoryPage.Locator("#no-endorsement")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(signatoryPage, "8-withdrawn");

        signatoryPage.Problems().AssertNone();
        organiserPage.Problems().AssertNone();
        publicPage.Problems().AssertNone();
    }
}
