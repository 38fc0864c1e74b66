using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>A past summit entered for the Alliance's record in a real browser: the organiser creates it through
/// "Create a summit" with the record box ticked (past days, no registration: only "Archive" is offered); on its final
/// statement they paste the printed "Agreed by" names (any case), are refused a name the register does not hold with
/// what they typed kept, record the list, take one name back, close the record and publish the communiqué; a visitor
/// then reads the two names on the public "Agreed by" page with the note saying where they were printed.</summary>
[Collection(BrowserCollection.Name)]
public class PastSummitJourneyTests(BrowserFixture browser)
{
    private const string Source = "Communiqué of the Addis Ababa summit, 11 December 2019";

    [Fact]
    public async Task An_organiser_records_a_past_summit_enters_its_endorsements_as_printed_and_publishes_the_communique()
    {
        var app = browser.App;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var summitName = $"Addis Ababa 2019 {tag}";
        var republic = (await app.OrganisationAsync(Sector.Government, $"Republic of Alpha {tag}")).FormalName;
        var kingdom = (await app.OrganisationAsync(Sector.Government, $"Kingdom of Beta {tag}")).FormalName;
        var federation = (await app.OrganisationAsync(Sector.Government, $"Federation of Gamma {tag}")).FormalName;
        var unknown = $"Nowhere Land {tag}";
        var organiser = await app.CreateUserAsync(fullName: "Record Organiser", roles: Roles.Organiser);

        // 1. The summit, created through the page as the record of a past one: no registration window to give.
        var page = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(page, organiser.Email!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Organise" }).ClickAsync(); // the grouped menu opens first
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage summits" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a summit" }).ClickAsync();
        await page.GetByLabel("This summit has already taken place").CheckAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(summitName);
        await page.GetByLabel("City", new() { Exact = true }).FillAsync("Addis Ababa");
        await page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync("ET");
        await page.GetByLabel("First day", new() { Exact = true }).FillAsync("2019-12-10");
        await page.GetByLabel("Last day", new() { Exact = true }).FillAsync("2019-12-11");
        await page.GetByLabel("Time zone", new() { Exact = true }).FillAsync("Africa/Addis_Ababa");
        await page.GetByLabel("Delegate capacity", new() { Exact = true }).FillAsync("400");
        await browser.ScreenshotAsync(page, "1-create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create summit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Summit created as a draft.");
        await Assertions.Expect(page.Locator("#recorded-afterwards")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Registration opens")).ToHaveCountAsync(0);
        // From draft straight to the record: it never opens for registration.
        await Assertions.Expect(page.Locator(".status-form button")).ToHaveTextAsync(["Archive"]);
        await browser.ScreenshotAsync(page, "2-created");
        var summitId = int.Parse(Regex.Match(page.Url, @"/Summits/Manage/Edit/(\d+)").Groups[1].Value);

        // 2. Its statement, final (the text is not what this journey is about), reached from the summit's page.
        var statementId = await app.FinalStatementAsync(summitId, organiser);
        await page.Locator("#link-statements").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Government pledge", Exact = true }).ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, $"/Statements/Manage/Edit/{statementId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move to “Open for signature”" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Endorsements as printed" }).ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, $"/Statements/Manage/Record/{statementId}");
        await Assertions.Expect(page.Locator("#none-recorded")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Agreed on")).ToHaveValueAsync("2019-12-11"); // the summit's last day

        // All or nothing: a name the register does not hold refuses the list, naming it, and keeps what was typed.
        var pasted = string.Join("\n", republic, kingdom.ToUpperInvariant(), federation, unknown);
        await page.GetByLabel("Organisations, as printed").FillAsync(pasted);
        await page.GetByLabel("Printed in").FillAsync(Source);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("span[data-valmsg-for='Input.Names']")).ToContainTextAsync($"No organisation is called {unknown}:");
        await Assertions.Expect(page.GetByLabel("Organisations, as printed")).ToHaveValueAsync(pasted);
        await Assertions.Expect(page.GetByLabel("Printed in")).ToHaveValueAsync(Source);
        await Assertions.Expect(page.Locator("#none-recorded")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "3-unknown-name-refused");

        await page.GetByLabel("Organisations, as printed").FillAsync(string.Join("\n", republic, kingdom.ToUpperInvariant(), federation));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Endorsements recorded as printed: 3.");
        // By the register's names (the capitals typed are not kept), in sorting order, each with where it is printed.
        var rows = page.Locator("#recorded tbody tr");
        await Assertions.Expect(rows.Locator("td:first-child")).ToHaveTextAsync([federation, kingdom, republic]);
        await Assertions.Expect(rows.Locator("td:nth-child(3)")).ToHaveTextAsync([Source, Source, Source]);
        await browser.ScreenshotAsync(page, "4-recorded");

        // 3. A name recorded in error is taken back while the record is open.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove {kingdom}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync($"{kingdom} is no longer recorded as endorsing the statement.");
        await Assertions.Expect(rows.Locator("td:first-child")).ToHaveTextAsync([federation, republic]);
        await browser.ScreenshotAsync(page, "5-removed");

        // 4. The record closed from the statement's page: final straight to closed.
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).GetByRole(AriaRole.Link, new() { Name = "Government pledge" }).ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, $"/Statements/Manage/Edit/{statementId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to “Closed”" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("The record of its endorsements is closed: publish the communiqué.");
        await Assertions.Expect(page.Locator("#statement-status")).ToHaveTextAsync("Closed");
        await browser.ScreenshotAsync(page, "6-record-closed");

        // 5. The communiqué lists the two, each said to be read from the printed record; the job publishes it.
        await page.Locator("#link-publish").ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, $"/Communiques/Manage/{statementId}");
        await Assertions.Expect(page.Locator("#signatory-count strong")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#signatories tbody tr td:nth-child(2)"))
            .ToHaveTextAsync([$"Recorded from the printed record ({Source})", $"Recorded from the printed record ({Source})"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        // The status block polls itself (htmx) until the job has published the communiqué.
        await Assertions.Expect(page.Locator("#communique-state")).ToHaveTextAsync("Published", new() { Timeout = 60_000 });
        await browser.ScreenshotAsync(page, "7-published");

        // A visitor reads the public list: the two names and where they were printed.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/Statements/{statementId}/agreed-by");
        await Assertions.Expect(visitor.Locator("#agreed-by-count strong")).ToHaveTextAsync("2");
        await Assertions.Expect(visitor.Locator(".agreed-by-sector[data-sector=Government] li.signatory")).ToHaveTextAsync([federation, republic]);
        await Assertions.Expect(visitor.Locator("#recorded-as-printed")).ToContainTextAsync($"Recorded by the secretariat from the printed record ({Source})");
        await browser.ScreenshotAsync(visitor, "8-agreed-by");

        page.Problems().AssertNone();
        visitor.Problems().AssertNone();
    }
}
