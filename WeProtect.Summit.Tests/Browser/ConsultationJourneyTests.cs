using Microsoft.Playwright;
using WeProtect.Summit.Tests.Statements;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>A statement from draft to final in a real browser: the organiser drafts and opens consultation, a
/// delegate proposes new wording from the margin of the text, the organiser accepts it, the compare page shows the
/// change, and the organiser finalises the text.</summary>
[Collection(BrowserCollection.Name)]
public class ConsultationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_delegates_amendment_is_accepted_shows_in_the_diff_and_the_text_is_finalised()
    {
        var app = browser.App;
        var summit = await app.CreateOpenSummitAsync(name: "Consultation Summit " + Guid.NewGuid().ToString("N")[..6]);
        var organiser = await app.CreateUserAsync(fullName: "Statement Organiser", roles: Roles.Organiser);
        var organisation = "Government of Albania " + Guid.NewGuid().ToString("N")[..4];
        var delegateUser = await app.CreateUserAsync(fullName: "Consulted Delegate");
        var org = await app.CreateOrganisationAsync(organisation);
        var registration = await app.RegisterAsync(delegateUser, summit.Id, org.Id);
        Assert.True((await app.DecideAsync(registration.Id, Data.Registrations.RegistrationStatus.Approved)).Succeeded);

        // 1. The organiser drafts the statement and opens the consultation.
        var organiserPage = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(organiserPage, organiser.Email!);
        await organiserPage.GotoAsync($"/Statements/Manage/{summit.Id}");
        await organiserPage.Locator("#statement-create select[name='Input.Kind']").SelectOptionAsync("StatementOfAction");
        await organiserPage.Locator("#statement-create input[name='Input.Title']").FillAsync("Statement of Action 2026");
        await organiserPage.Locator("#statement-create button[type=submit]").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("h1")).ToHaveTextAsync("Statement of Action 2026");
        await organiserPage.Locator("#Input_Text").FillAsync(StatementExample.Canonical);
        await organiserPage.Locator("#Input_ChangeNote").FillAsync("First draft");
        await Assertions.Expect(organiserPage.Locator("#statement-preview [id='government-1.b']")).ToBeVisibleAsync();
        await organiserPage.Locator("#text-save").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("#status")).ToHaveTextAsync("Version 1 saved.");
        await organiserPage.Locator("#move-Consultation").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("#statement-status")).ToHaveTextAsync("In consultation");
        await browser.ScreenshotAsync(organiserPage, "1-in-consultation");
        var statementId = await app.WithDbAsync(db => db.Statements.Where(s => s.SummitId == summit.Id).Select(s => s.Id).SingleAsync());

        // 2. The delegate reads the text, follows the margin link of item 1.b and proposes new wording.
        var delegatePage = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(delegatePage, delegateUser.Email!);
        await delegatePage.GotoAsync($"/Statements/{statementId}/consult");
        var margin = delegatePage.Locator("a.statement-margin[data-anchor='government-1.b']");
        await Assertions.Expect(margin).ToHaveTextAsync("0 comments · 0 amendments");
        await margin.ClickAsync();
        await Assertions.Expect(delegatePage.Locator("#Proposal_Anchor")).ToHaveValueAsync("government-1.b");
        await delegatePage.Locator("#Proposal_Wording").FillAsync("Share what works, with evidence that protects every child’s privacy.");
        await delegatePage.Locator("#Proposal_Explanation").FillAsync("Evidence, not only data.");
        await delegatePage.Locator("#amendment-save").ClickAsync();
        await Assertions.Expect(delegatePage.Locator("main [role=status]")).ToContainTextAsync("is proposed");
        await Assertions.Expect(margin).ToHaveTextAsync("0 comments · 1 amendment");
        await browser.ScreenshotAsync(delegatePage, "2-amendment-proposed");

        // 3. The organiser accepts it from the amendments page.
        await organiserPage.GotoAsync($"/Statements/Manage/Edit/{statementId}");
        await organiserPage.Locator("#link-amendments").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("article.amendment")).ToContainTextAsync("Evidence, not only data.");
        // One view of the proposal: the change, whose runs say what they are to a screen reader (visually hidden
        // generated text); the whole wording folded away until asked for.
        var inserted = organiserPage.Locator("article.amendment .amendment-diff ins").First;
        await Assertions.Expect(inserted).ToBeVisibleAsync();
        Assert.Equal("\"Added: \"", await inserted.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
        Assert.Equal("1px", await inserted.EvaluateAsync<string>("e => getComputedStyle(e, '::before').width"));
        var wording = organiserPage.Locator("article.amendment details.amendment-full .amendment-wording");
        await Assertions.Expect(wording).ToBeHiddenAsync();
        await organiserPage.Locator("article.amendment details.amendment-full summary").ClickAsync();
        await Assertions.Expect(wording).ToContainTextAsync("with evidence that protects");
        await browser.ScreenshotAsync(organiserPage, "3-amendment-pending");
        await organiserPage.Locator("form.accept-form button[type=submit]").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("main [role=status]")).ToContainTextAsync("version 2 holds the new wording");

        // 4. The compare page shows the new words and the note crediting the organisation.
        await organiserPage.GotoAsync($"/Statements/Manage/Edit/{statementId}");
        await organiserPage.Locator("#link-compare").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("#diff ins").First).ToBeVisibleAsync();
        await Assertions.Expect(organiserPage.Locator("#diff")).ToContainTextAsync("evidence");
        await Assertions.Expect(organiserPage.Locator("#note-to")).ToContainTextAsync($"by {organisation} accepted: government-1.b");
        await browser.ScreenshotAsync(organiserPage, "4-compare");

        // 5. The organiser finalises the text; the delegate sees the consultation closed.
        await organiserPage.GotoAsync($"/Statements/Manage/Edit/{statementId}");
        await organiserPage.Locator("#move-Final").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("#statement-status")).ToHaveTextAsync("Final");
        await Assertions.Expect(organiserPage.Locator("#final-version")).ToContainTextAsync("version 2");
        await browser.ScreenshotAsync(organiserPage, "5-final");
        await delegatePage.GotoAsync($"/Statements/{statementId}/consult");
        await Assertions.Expect(delegatePage.Locator("#consult-closed")).ToBeVisibleAsync();
        await Assertions.Expect(delegatePage.Locator("#amendment-form")).ToHaveCountAsync(0);

        organiserPage.Problems().AssertNone();
        delegatePage.Problems().AssertNone();
    }
}
