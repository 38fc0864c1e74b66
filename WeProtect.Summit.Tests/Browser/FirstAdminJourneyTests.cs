using Microsoft.Playwright;

namespace WeProtect.Summit.Tests.Browser;

[Collection(FirstAdminCollection.Name)]
public class FirstAdminJourneyTests(BrowserFixture browser)
{
    private const string Password = "a long passphrase for the summit";

    [Fact]
    public async Task First_admin_sets_up_logs_in_creates_a_summit_and_sees_it_on_the_public_page()
    {
        var setupUrl = browser.FirstAdminSetupUrl() ?? throw new Xunit.Sdk.XunitException("No set-up link was issued");
        var page = await browser.NewPageAsync();

        // 1. The one-time link from the console.
        await page.GotoAsync(setupUrl);
        await page.GetByLabel("Full name", new() { Exact = true }).FillAsync("Ada Organiser");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("ada@example.org");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password", new() { Exact = true }).FillAsync(Password);
        await browser.ScreenshotAsync(page, "1-setup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manage summits" })).ToBeVisibleAsync();

        // 2. Log out and back in with the new account.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("form#login input[name='Input.Email']").FillAsync("ada@example.org");
        await page.Locator("form#login input[name='Input.Password']").FillAsync(Password);
        await browser.ScreenshotAsync(page, "2-login");
        await page.Locator("form#login button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ada Organiser" })).ToBeVisibleAsync();

        // 3. Create a summit and open it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Organise" }).ClickAsync(); // the grouped menu opens first
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage summits" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a summit" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Addis Ababa Summit 2027");
        await page.GetByLabel("Theme", new() { Exact = true }).FillAsync("Global action to end child sexual exploitation online");
        await page.GetByLabel("City", new() { Exact = true }).FillAsync("Addis Ababa");
        await page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync("ET");
        await page.GetByLabel("Venue", new() { Exact = true }).FillAsync("African Union Conference Centre");
        await page.GetByLabel("First day", new() { Exact = true }).FillAsync("2027-12-11");
        await page.GetByLabel("Last day", new() { Exact = true }).FillAsync("2027-12-12");
        await page.GetByLabel("Time zone", new() { Exact = true }).FillAsync("Africa/Addis_Ababa");
        await page.GetByLabel("Registration opens", new() { Exact = true }).FillAsync("2027-01-10T09:00");
        await page.GetByLabel("Registration closes", new() { Exact = true }).FillAsync("2027-11-30T18:00");
        await page.GetByLabel("Delegate capacity", new() { Exact = true }).FillAsync("400");
        await browser.ScreenshotAsync(page, "3-create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create summit" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Summit created as a draft.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the summit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#summit-status")).ToHaveTextAsync("Open");

        // 4. Anyone sees it on the public pages, times in the summit's zone.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/Summits");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Addis Ababa Summit 2027" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Addis Ababa Summit 2027" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("African Union Conference Centre, Addis Ababa, Ethiopia");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("30 November 2027, 18:00 (Africa/Addis_Ababa)");
        await browser.ScreenshotAsync(visitor, "4-public");

        // The link is spent.
        Assert.Null(browser.FirstAdminSetupUrl());
        page.Problems().AssertNone();
        visitor.Problems().AssertNone();
    }
}
