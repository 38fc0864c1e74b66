using System.Globalization;
using Microsoft.Playwright;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>Issue 19's journey in Arabic, register → sign: a delegate switches to Arabic with the switcher and registers;
/// an Arabic-speaking signatory turns on two-factor authentication, reads the statement in its Arabic translation and
/// signs with a fresh code, and gets the confirmation on the page and the receipt by e-mail in Arabic. Every page right to
/// left, with Bootstrap's right-to-left stylesheet, and no console error or CSP violation on the way; screenshots kept.</summary>
[Collection(BrowserCollection.Name)]
public class ArabicJourneyTests(BrowserFixture browser)
{
    private static async Task AssertRightToLeftAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        Assert.EndsWith("bootstrap.rtl.min.css", (await page.Locator("link[rel=stylesheet]").First.GetAttributeAsync("href"))!.Split('?')[0]);
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

    [Fact]
    public async Task An_Arabic_speaking_signatory_reads_the_Arabic_text_and_signs_right_to_left()
    {
        var app = browser.App;
        var organisation = await app.CreateOrganisationAsync($"المملكة المغربية {Guid.NewGuid():N}"[..22], Sector.Government, "MA");
        var title = $"بيان أبوظبي للعمل {Guid.NewGuid():N}"[..24];
        var (statement, final) = await app.OpenStatementAsync(title: title);
        var arabic = await app.TranslateAsync(statement.Id, "ar", TranslationData.Arabic);
        Assert.True(arabic.Succeeded, arabic.Message);
        var signatory = await app.CreateUserAsync(fullName: "ليلى حداد");
        var page = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(page, signatory.Email!);
        await page.GotoAsync("/");
        await page.Locator("#language-switcher button[value=ar]").ClickAsync();
        await AssertRightToLeftAsync(page);

        // 1. Two-factor authentication, turned on from the profile in Arabic (the previous step's code: the current one
        // stays free for the signature, a code being good once per user).
        await page.GotoAsync("/Profile/EnableAuthenticator");
        await AssertRightToLeftAsync(page);
        var key = (await page.Locator("#shared-key").TextContentAsync())!.Trim();
        await page.Locator("form#enable-authenticator input[name='Input.Code']").FillAsync(app.TotpCode(key, TimeSpan.FromSeconds(-30)));
        await page.Locator("form#enable-authenticator button[type=submit]").ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, "/Profile/RecoveryCodes");
        await browser.ScreenshotAsync(page, "1-two-factor-on");

        // 2. An organiser grants the signing authority (as on Signing/Manage: SigningJourneyTests walks that page).
        var granted = await app.GrantAsync(signatory, organisation.Id);
        Assert.True(granted.Succeeded, granted.Message);

        // 3. The statements to sign, in Arabic; the statement opens in its Arabic translation, the interface's language.
        await page.GotoAsync("/Signing");
        await AssertRightToLeftAsync(page);
        await Assertions.Expect(page.Locator("h1").First).ToHaveTextAsync("بيانات للتوقيع");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, SigningData.SignUrl(statement.Id, organisation.Id));
        await AssertRightToLeftAsync(page);
        await Assertions.Expect(page.Locator("#sign-heading")).ToHaveTextAsync($"التوقيع باسم {organisation.FormalName}");
        await Assertions.Expect(page.Locator("#statement-status")).ToHaveTextAsync("مفتوح للتوقيع");
        var text = page.Locator("#statement-language-text");
        await Assertions.Expect(text).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(text).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(text).ToContainTextAsync(TranslationData.ArabicPreamble);
        await Assertions.Expect(page.Locator("#authoritative-note")).ToHaveTextAsync("النص الإنكليزي هو النص المعتمد.");
        await Assertions.Expect(page.Locator("#translation-hash")).ToHaveTextAsync(arabic.Value!.ContentHash);
        await Assertions.Expect(page.Locator("#final-hash")).ToHaveTextAsync(final.ContentHash);

        // The signatory may read the authoritative English, then chooses the Arabic translation again.
        await page.Locator("#text-languages a[hreflang=en]").ClickAsync();
        await Assertions.Expect(text).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(text).ToContainTextAsync("We, the members, are united.");
        await Assertions.Expect(page.Locator("#translation-note")).ToHaveCountAsync(0);
        await AssertRightToLeftAsync(page);
        await browser.ScreenshotAsync(page, "2-authoritative-english");
        await page.Locator("#text-languages a[hreflang=ar]").ClickAsync();
        await Assertions.Expect(text).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(page.Locator("#text-languages strong[aria-current=true]")).ToHaveTextAsync("العربية");
        await Assertions.Expect(page.Locator("#sign-form input[name='Input.ShownLanguage']")).ToHaveValueAsync("ar");

        // 4. Signs with a fresh code from the authenticator app.
        await page.Locator("#Input_PrintedName").FillAsync("ليلى حداد");
        await page.Locator("#Input_PrintedPosition").FillAsync("وزيرة العدل");
        await page.Locator("#Input_Code").FillAsync(app.TotpCode(key));
        await browser.ScreenshotAsync(page, "3-sign");
        await page.Locator("#sign-button").ClickAsync();

        // 5. The confirmation, in Arabic and right to left: the authoritative hash signed, the Arabic text read.
        await Assertions.Expect(page.Locator("[role=status]").First).ToHaveTextAsync($"تم التوقيع: {organisation.FormalName} تصادق على «{title}».");
        var live = page.Locator("#live-endorsement");
        await Assertions.Expect(live).ToContainTextAsync("تمت المصادقة: وقّعها ليلى حداد، وزيرة العدل، في ");
        await Assertions.Expect(live.Locator("code")).ToHaveTextAsync(final.ContentHash);
        await Assertions.Expect(page.Locator("#live-shown .shown-text[data-language=ar] code")).ToHaveTextAsync(arabic.Value.ContentHash);
        await AssertRightToLeftAsync(page);
        await browser.ScreenshotAsync(page, "4-signed");

        var endorsement = Assert.Single(await app.EndorsementsAsync(statement.Id));
        Assert.Equal(final.ContentHash, endorsement.ContentHash);
        var shown = await app.WithDbAsync(db => db.EndorsementShownTexts.AsNoTracking().Where(t => t.EndorsementId == endorsement.Id)
            .Select(t => new { t.Language, t.ContentHash }).ToListAsync());
        Assert.Contains(shown, t => t.Language == "ar" && t.ContentHash == arabic.Value.ContentHash);

        // 6. The receipt, in the language saved on the profile by the switcher.
        var receipt = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == signatory.Email) && (m.Subject ?? "") == $"تسجيل المصادقة: {title}");
        Assert.Equal("ar", receipt.Body!.Headers["Content-Language"]);
        Assert.Contains(final.ContentHash, receipt.TextBody);

        page.Problems().AssertNone();
        await page.Context.CloseAsync();
    }
}
