using Microsoft.Playwright;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Browser;
using WeProtect.Summit.Tests.Signing;

namespace WeProtect.Summit.Tests.Accessibility;

/// <summary>The main journeys with the keyboard alone: no click, no mouse event; Tab to move (each control must be
/// reached within a bounded number of presses, so a control the keyboard cannot reach fails), Enter or Space to act,
/// typing to fill. The skip link is the first thing Tab reaches (on the check-in desk the code field has the
/// focus from the start, for the scanner). Where an htmx swap removes the focused control, the focus lands on what
/// replaced it (the answer's message, or the check-in desk's code field), never on the page's body.</summary>
[Collection(AccessibilityCollection.Name)]
public class KeyboardJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_delegate_logs_in_and_registers_for_a_summit_with_the_keyboard()
    {
        var app = browser.App;
        var summit = await app.CreateOpenSummitAsync(name: "Keyboard Summit " + Guid.NewGuid().ToString("N")[..6]);
        var organisation = await app.CreateOrganisationAsync("Kingdom of Keys " + Guid.NewGuid().ToString("N")[..4], Sector.Government, "NO");
        var user = await app.CreateUserAsync(fullName: "Kari Keyboard");
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await SkipLinkFirstAsync(page);
        await TabToAsync(page, "#Input_Email");
        await page.Keyboard.TypeAsync(user.Email!);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(SummitAppFactory.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));

        await page.GotoAsync($"/Summits/Details/{summit.Id}");
        await TabToAsync(page, "#register-link");
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForAddressAsync(page, "/Registration/Register/");
        await TabToAsync(page, "#Input_Position");
        await page.Keyboard.TypeAsync("Minister of Digital Affairs");
        await TabToAsync(page, "#Input_Category");
        await page.Keyboard.TypeAsync("Head");
        await TabToAsync(page, "#Input_OrganisationId");
        await page.Keyboard.TypeAsync(organisation.FormalName[..12]);
        await TabToAsync(page, "#Input_ConsentToPublicList");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#Input_ConsentToPublicList")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#Input_OrganisationId")).ToHaveValueAsync(organisation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await TabToAsync(page, "form button[type=submit]");
        await browser.ScreenshotAsync(page, "1-form-filled");
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForAddressAsync(page, "/Registration/Details/");
        var registration = await app.WithDbAsync(db => db.Registrations.SingleAsync(r => r.UserId == user.Id && r.SummitId == summit.Id));
        Assert.Equal((DelegateCategory.HeadOfDelegation, (int?)organisation.Id, true), (registration.Category, registration.OrganisationId, registration.ConsentToPublicList));
        await Assertions.Expect(page.Locator("[role=status]").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "2-registered");
        page.Problems().AssertNone();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_delegate_books_a_breakout_with_the_keyboard()
    {
        var app = browser.App;
        var summit = await app.CreateOpenSummitAsync(name: "Keyboard Booking Summit");
        var breakout = await app.CreateBreakoutAsync(summit, title: "Keyboard roundtable");
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Bo Booker");
        var page = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(page, user.Email!);

        await page.GotoAsync($"/Breakouts/Agenda/{summit.Id}");
        await TabToAsync(page, $"td[data-breakout-id='{breakout.Id}'] a");
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForAddressAsync(page, $"/Breakouts/Session/{breakout.Id}");
        await TabToAsync(page, $"#book-form-{breakout.Id} button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        // htmx swaps the button for the answer, announced as a status; the button is gone, so the answer takes the focus.
        await Assertions.Expect(page.Locator($"#booking-message-{breakout.Id}")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#booking-message-{breakout.Id}")).ToBeFocusedAsync();
        Assert.Equal($"booking-message-{breakout.Id}", await ActiveElementIdAsync(page));
        Assert.Contains("seat", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        // The next Tab goes on from there, inside the answer ("My breakouts"), not from the top of the page.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("id => document.activeElement?.closest('#' + id) != null", $"booking-{breakout.Id}"),
            "Tab after the booking answer left the answer");
        Assert.True(await app.WithDbAsync(db => db.Bookings.AnyAsync(b => b.BreakoutId == breakout.Id && b.RegistrationId == registration.Id)));
        await browser.ScreenshotAsync(page, "booked");
        page.Problems().AssertNone();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_signatory_signs_a_statement_with_the_authenticator_code_with_the_keyboard()
    {
        var app = browser.App;
        var organisation = await app.CreateOrganisationAsync("Republic of Keys " + Guid.NewGuid().ToString("N")[..4], Sector.Government, "IS");
        var (statement, final) = await app.OpenStatementAsync(title: "Keyboard Statement of Action");
        var user = await app.CreateUserAsync(fullName: "Sigrún Signer");
        var key = await app.EnableTwoFactorAsync(user);
        Assert.True((await app.GrantAsync(user, organisation.Id)).Succeeded);
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await TabToAsync(page, "#Input_Email");
        await page.Keyboard.TypeAsync(user.Email!);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(SummitAppFactory.Password);
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForAddressAsync(page, "/Account/LoginWith2fa");
        await TabToAsync(page, "#Input_Code");
        // The previous step's code (still accepted) for the log-in, so that the current one is free for the signature.
        await page.Keyboard.TypeAsync(app.TotpCode(key, TimeSpan.FromSeconds(-30)));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/"));

        await page.GotoAsync("/Signing");
        await TabToAsync(page, $"a[href='{SigningData.SignUrl(statement.Id, organisation.Id)}']");
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.WaitForAddressAsync(page, SigningData.SignUrl(statement.Id, organisation.Id));
        await TabToAsync(page, "#Input_PrintedName");
        await page.Keyboard.TypeAsync("Sigrún Signer");
        await TabToAsync(page, "#Input_PrintedPosition");
        await page.Keyboard.TypeAsync("Minister of Justice");
        await TabToAsync(page, "#Input_Code");
        await page.Keyboard.TypeAsync(app.TotpCode(key));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#live-endorsement")).ToContainTextAsync("Sigrún Signer");
        var endorsement = Assert.Single(await app.EndorsementsAsync(statement.Id));
        Assert.Equal(final.ContentHash, endorsement.ContentHash);
        await browser.ScreenshotAsync(page, "signed");
        page.Problems().AssertNone();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_check_in_desk_checks_a_delegate_in_with_the_keyboard()
    {
        var app = browser.App;
        var summit = await app.CreateOpenSummitAsync(name: "Keyboard Desk Summit");
        var (_, registration) = await app.ApprovedDelegateAsync(summit.Id, "Desk Delegate");
        var badgeCode = await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.BadgeCode).SingleAsync());
        var organiser = await app.CreateUserAsync(fullName: "Keyboard Desk", roles: Roles.Organiser);
        var page = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(page, organiser.Email!);

        await page.GotoAsync($"/Registration/Manage/CheckIn/{summit.Id}");
        // The code field has the focus from the start (a USB scanner types into it); no Tab needed.
        await Assertions.Expect(page.Locator("#checkin-code")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(badgeCode!);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#checkin-heading")).ToHaveTextAsync("Checked in");
        await Assertions.Expect(page.Locator("#checkin-code")).ToBeFocusedAsync();
        Assert.NotNull(await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.CheckedInUtc).SingleAsync()));
        await browser.ScreenshotAsync(page, "checked-in");

        // Undo: the swap replaces the result, the focused Undo button with it; the focus goes back to the code field
        // (the next badge), and the outcome is announced by the result's live region.
        await TabToAsync(page, "#checkin-undo button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#checkin-undo-message")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#checkin-code")).ToBeFocusedAsync();
        Assert.Equal("checkin-code", await ActiveElementIdAsync(page));
        Assert.Equal("assertive", await page.Locator("#checkin-result").GetAttributeAsync("aria-live"));
        Assert.Null(await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.CheckedInUtc).SingleAsync()));
        page.Problems().AssertNone();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_focal_point_drafts_a_report_with_the_keyboard_and_the_autosave_leaves_the_focus_where_it_is()
    {
        var app = browser.App;
        var organisation = await app.CreateOrganisationAsync("Keyboard Republic " + Guid.NewGuid().ToString("N")[..4], Sector.Government, "FI");
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        // Granted through the desk (ReportingData.FocalPointAsync would log a test client in, which this app on Kestrel has not).
        var user = await app.CreateUserAsync(fullName: "Kaisa Keys");
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<Data.Reporting.ReportingDesk>()
                .GrantFocalPointAsync(user.Id, organisation.Id, new Data.Audit.AuditActor(null, "Test organiser"))).Succeeded);
        var page = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(page, user.Email!);

        await page.GotoAsync(ReportingData.ReportUrl(cycle.Id, organisation.Id));
        // The save line is a live region that stays in the page: the answer goes into it rather than replacing it.
        await page.EvaluateAsync("() => document.getElementById('save-state').dataset.original = 'yes'");
        await TabToAsync(page, "#Input_Entries_0__Narrative");
        await page.Keyboard.TypeAsync("A national hotline opened in March.");
        await page.Keyboard.PressAsync("Tab"); // leaving the field is a change: htmx saves the draft
        var next = await ActiveElementIdAsync(page);
        Assert.False(string.IsNullOrEmpty(next));
        await Assertions.Expect(page.Locator("#save-state")).ToContainTextAsync("Draft saved");
        Assert.Equal(next, await ActiveElementIdAsync(page));
        Assert.Equal("yes", await page.EvaluateAsync<string?>("() => document.getElementById('save-state').dataset.original"));
        Assert.Equal("status", await page.Locator("#save-state").GetAttributeAsync("role"));
        var draft = Assert.Single(await app.ReportsAsync(cycle.Id, organisation.Id));
        Assert.Contains("hotline", draft.Entries.Single(e => !string.IsNullOrEmpty(e.Narrative)).Narrative);
        page.Problems().AssertNone();
        await page.Context.CloseAsync();
    }

    /// <summary>The id of the focused element ("" for none, or the page's body).</summary>
    private static Task<string> ActiveElementIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");

    /// <summary>From the top of the page, the first Tab reaches the skip link, and Enter on it moves the focus to the main content.</summary>
    private static async Task SkipLinkFirstAsync(IPage page)
    {
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    /// <summary>Presses Tab until the focus is on <paramref name="selector"/>; fails when 80 presses do not reach it.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"The keyboard does not reach {selector} within 80 presses of Tab");
    }
}
