using Microsoft.Playwright;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>After the summit, in a real browser: the organiser opens a reporting cycle and grants a focal point; the
/// focal point turns on two-factor authentication, reports, consents to publish and submits with a fresh code; the
/// organiser reads and accepts the submission, publishes the cycle after its deadline, and the public commitment page
/// shows its chart and the narrative.</summary>
[Collection(BrowserCollection.Name)]
public class ReportingJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Open_cycle_focal_point_submits_reviewer_accepts_publish_and_the_public_commitment_page_has_its_chart()
    {
        var app = browser.App;
        var organisationName = "Republic of Ghana " + Guid.NewGuid().ToString("N")[..4];
        var organisation = await app.CreateOrganisationAsync(organisationName, Sector.Government, "GH");
        var statement = await app.PublishedStatementAsync([organisation]);
        var summit = await app.WithDbAsync(db => db.Summits.AsNoTracking().FirstAsync(s => s.Id == statement.SummitId));
        var focal = await app.CreateUserAsync(fullName: "Ama Mensah");
        var organiser = await app.CreateUserAsync(fullName: "Reporting Organiser", roles: Roles.Organiser);
        var title = "Biennial report " + Guid.NewGuid().ToString("N")[..6];
        var deadlineUtc = app.UtcNow.AddMinutes(30);

        // 1. The organiser opens the cycle and grants the focal point.
        var organiserPage = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(organiserPage, organiser.Email!);
        await organiserPage.GotoAsync("/Reporting/Manage");
        await organiserPage.Locator("#Cycle_Title").FillAsync(title);
        await organiserPage.Locator("#Cycle_SummitId").SelectOptionAsync(summit.Id.ToString());
        await organiserPage.Locator("#Cycle_Opens").FillAsync(summit.ToLocal(app.UtcNow.AddHours(-1)).ToString("yyyy-MM-ddTHH:mm"));
        await organiserPage.Locator("#Cycle_Deadline").FillAsync(summit.ToLocal(deadlineUtc).ToString("yyyy-MM-ddTHH:mm"));
        await organiserPage.Locator($"#statement-{statement.Id}").CheckAsync();
        await organiserPage.Locator("form#open-form button[type=submit]").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("[role=status]")).ToContainTextAsync("opened");
        var cycleUrl = organiserPage.Url;
        await organiserPage.GotoAsync("/Reporting/Manage");
        await organiserPage.Locator("#Grant_Email").FillAsync(focal.Email!);
        await organiserPage.Locator("#Grant_OrganisationId").SelectOptionAsync(new SelectOptionValue { Label = organisationName });
        await organiserPage.Locator("form#grant-form button[type=submit]").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("[role=status]")).ToContainTextAsync("Ama Mensah is now a reporting focal point");
        await browser.ScreenshotAsync(organiserPage, "1-cycle-and-focal-point");

        // 2. The focal point turns on two-factor authentication, reports with consent and submits with a fresh code.
        var focalPage = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(focalPage, focal.Email!);
        await focalPage.GotoAsync("/Profile/EnableAuthenticator");
        var key = (await focalPage.Locator("#shared-key").TextContentAsync())!.Trim();
        await focalPage.Locator("form#enable-authenticator input[name='Input.Code']").FillAsync(app.TotpCode(key, TimeSpan.FromSeconds(-30)));
        await focalPage.Locator("form#enable-authenticator button[type=submit]").ClickAsync();
        await BrowserFixture.WaitForAddressAsync(focalPage, "/Profile/RecoveryCodes");
        await focalPage.GotoAsync("/Reporting");
        await focalPage.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await focalPage.Locator("select[name='Input.Entries[0].Status']").SelectOptionAsync("Achieved");
        await focalPage.Locator("textarea[name='Input.Entries[0].Narrative']").FillAsync("A national hotline opened in **March**.");
        await focalPage.Locator("#publication-FiguresAndNarratives").CheckAsync();
        await focalPage.Locator("#Input_Code").FillAsync(app.TotpCode(key));
        await browser.ScreenshotAsync(focalPage, "2-report");
        await focalPage.Locator("#submit").ClickAsync();
        await Assertions.Expect(focalPage.Locator("#submitted")).ToContainTextAsync("Submission 1 submitted");
        await browser.ScreenshotAsync(focalPage, "3-submitted");

        // 3. The organiser reads the submission and accepts it.
        await organiserPage.GotoAsync(cycleUrl);
        await organiserPage.Locator($"#organisation-{organisation.Id} a.review-link").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("#entries")).ToContainTextAsync("A national hotline opened in March.");
        await Assertions.Expect(organiserPage.Locator("#publication")).ToHaveTextAsync("Publish figures and narratives");
        await organiserPage.Locator("#accept").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("[role=status]")).ToContainTextAsync("Report accepted.");

        // 4. After the deadline the organiser publishes; the public commitment page shows the chart and the narrative.
        // Before the deadline the cycle page offers publishing only as a disabled button with the day it becomes possible.
        await organiserPage.GotoAsync(cycleUrl);
        await Assertions.Expect(organiserPage.Locator("#publish-later button")).ToBeDisabledAsync();
        app.Clock.SetUtcNow(deadlineUtc.AddMinutes(1));
        await organiserPage.GotoAsync(cycleUrl);
        await organiserPage.Locator("form#publish-form button[type=submit]").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("[role=status]")).ToContainTextAsync("is published");
        var publicPage = await browser.NewPageAsync();
        await publicPage.GotoAsync(organiserPage.Url.Replace("/Manage/Cycle/", "/Progress/"));
        await Assertions.Expect(publicPage.Locator("svg#rates-chart")).ToBeVisibleAsync();
        await publicPage.Locator($"#commitment-{statement.Id}-all-1 a").ClickAsync();
        await Assertions.Expect(publicPage.Locator("svg#status-chart g.bar[data-label='Achieved']")).ToHaveAttributeAsync("data-value", "1");
        await Assertions.Expect(publicPage.Locator($"#narrative-{organisation.Id}")).ToContainTextAsync("A national hotline opened in March.");
        await browser.ScreenshotAsync(publicPage, "4-public-commitment");

        organiserPage.Problems().AssertNone();
        focalPage.Problems().AssertNone();
        publicPage.Problems().AssertNone();
    }
}
