using Microsoft.Playwright;

namespace WeProtect.Summit.Tests.Browser;


/// <summary>The desk in a real browser: a delegate without their badge is found by typing part of the name, checked
/// in from the list and the check-in undone, all without a reload (htmx).</summary>
[Collection(BrowserCollection.Name)]
public class CheckInByNameJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_desk_finds_a_delegate_by_name_checks_them_in_and_undoes_it_without_a_reload()
    {
        var app = browser.App;
        var summit = await app.CreateOpenSummitAsync(name: "Santiago Summit " + Guid.NewGuid().ToString("N")[..6]);
        var surname = "Valdés" + Guid.NewGuid().ToString("N")[..4];
        var (_, registration) = await app.ApprovedDelegateAsync(summit.Id, $"Camila {surname}");
        await app.ApprovedDelegateAsync(summit.Id, "Somebody Else");
        var organiser = await app.CreateUserAsync(fullName: "Desk Organiser", roles: Roles.Organiser);

        var desk = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(desk, organiser.Email!);
        await desk.GotoAsync($"/Registration/Manage/CheckIn/{summit.Id}");
        await desk.EvaluateAsync("() => window.summitNoReload = 'still here'");

        // Part of the surname, in lower case: the list appears as the organiser types.
        await desk.Locator("#checkin-name-query").FillAsync(surname[..8].ToLowerInvariant());
        var match = desk.Locator($"#checkin-matches li[data-id='{registration.Id}']");
        await Assertions.Expect(match).ToContainTextAsync($"Camila {surname}");
        await Assertions.Expect(desk.Locator("#checkin-matches li")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync(desk, "1-found");

        await match.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(desk.Locator("#checkin-heading")).ToHaveTextAsync("Checked in");
        await Assertions.Expect(desk.Locator("#checkin-name")).ToHaveTextAsync($"Camila {surname}");
        await Assertions.Expect(desk.Locator("#checkin-count")).ToHaveTextAsync("1 of 2 approved delegates checked in");
        await browser.ScreenshotAsync(desk, "2-checked-in");

        await desk.Locator("#checkin-undo button").ClickAsync();
        await Assertions.Expect(desk.Locator("#checkin-undo-message")).ToHaveTextAsync($"Check-in of Camila {surname} undone.");
        await Assertions.Expect(desk.Locator("#checkin-count")).ToHaveTextAsync("0 of 2 approved delegates checked in");
        await browser.ScreenshotAsync(desk, "3-undone");

        Assert.Equal("still here", await desk.EvaluateAsync<string>("() => window.summitNoReload"));
        Assert.Null(await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.CheckedInUtc).SingleAsync()));
        desk.Problems().AssertNone();
    }
}
