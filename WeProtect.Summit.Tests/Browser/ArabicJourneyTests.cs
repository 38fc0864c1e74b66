using System.Globalization;
using Microsoft.Playwright;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>A delegate switches to Arabic with the switcher and registers: every page right to left, with Bootstrap's
/// right-to-left stylesheet, and no console error or CSP violation on the way.</summary>
[Collection(BrowserCollection.Name)]
public class ArabicJourneyTests(BrowserFixture browser)
{
    private static async Task AssertRightToLeftAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        Assert.EndsWith("bootstrap.rtl.min.css", await page.Locator("link[rel=stylesheet]").First.GetAttributeAsync("href"));
        // Laid out right to left: the brand sits at the right-hand end of the bar.
        var brand = await page.Locator(".navbar-brand").BoundingBoxAsync();
        Assert.True(brand is not null && brand.X > 640, $"the brand is at x={brand?.X}");
    }

    [Fact]
    public async Task A_delegate_switches_to_Arabic_and_registers_right_to_left()
    {
        var summit = await browser.App.CreateOpenSummitAsync(name: $"قمة أبوظبي {Guid.NewGuid():N}"[..20]);
        var organisation = await browser.App.CreateOrganisationAsync();
        var user = await browser.App.CreateUserAsync(fullName: "ليلى حداد");
        var page = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(page, user.Email!);

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await page.Locator("#language-switcher button[value=ar]").ClickAsync();
        await AssertRightToLeftAsync(page);
        await Assertions.Expect(page.Locator("main h2")).ToHaveTextAsync("القمم");
        await browser.ScreenshotAsync(page, "home");

        await page.GotoAsync($"/Registration/Register/{summit.Id}");
        await AssertRightToLeftAsync(page);
        await page.Locator("#registration-form input[name='Input.Position']").FillAsync("وزيرة العدل");
        await page.Locator("#registration-form select[name='Input.OrganisationId']").SelectOptionAsync(organisation.Id.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#registration-form select[name='Input.Category']").SelectOptionAsync("HeadOfDelegation");
        await browser.ScreenshotAsync(page, "form");
        await page.Locator("#registration-form button[type=submit]").ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, "/Registration/Details/");
        await AssertRightToLeftAsync(page);
        await Assertions.Expect(page.Locator("[role=status]").First).ToContainTextAsync("تم استلام تسجيلك");
        await Assertions.Expect(page.Locator("#registration-status")).ToContainTextAsync("قيد الانتظار");
        await browser.ScreenshotAsync(page, "registered");

        Assert.Equal("ar", await browser.App.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PreferredLanguage).SingleAsync()));
        page.Problems().AssertNone();
        await page.Context.CloseAsync();
    }
}
