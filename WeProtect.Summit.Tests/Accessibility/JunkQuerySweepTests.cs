using WeProtect.Summit.Tests.Authorization;
using WeProtect.Summit.Tests.Browser;

namespace WeProtect.Summit.Tests.Accessibility;

/// <summary>Every page of the authorization list, opened by an administrator with an address a hand-edited or mangled
/// link could carry (a page number past any Skip, negative and unreadable numbers, unknown words for every filter, a
/// very long search): a page or a 4xx, never a 500. The same site as the axe sweep.</summary>
[Collection(AccessibilityCollection.Name)]
public class JunkQuerySweepTests(BrowserFixture browser)
{
    /// <summary>Query values no page writes itself, for the names the pages read.</summary>
    private static readonly string[] Junk =
    [
        "p=2147483647&page=-1&status=Bogus&sector=Bogus&organisation=-7&country=XX&category=Bogus&minister=perhaps&breakout=abc"
            + "&checkedin=maybe&reads=zz&sort=Bogus&layout=Bogus&language=zz&lang=zz&downloads=nonsense&batch=99999999999&q=" + new string('x', 2000),
        "p=-5&page=abc&status=&sector=&organisation=&country=none&category=&sort=&q=%00%01&returnUrl=https://evil.example/",
    ];

    [Fact]
    public async Task No_page_answers_a_mangled_address_with_a_server_error()
    {
        var site = await SweepSite.ForAsync(browser);
        var page = await site.PageAsAsync(browser, Persona.Admin);
        var failures = new List<string>();
        var (asked, shown) = (0, 0);
        foreach (var path in PageAccessTests.Expected.Keys.Where(p => !SweepSite.NotPages.ContainsKey(p) && p != "/Account/Logout").Order(StringComparer.Ordinal))
        {
            var url = site.UrlOf(path);
            foreach (var junk in Junk)
            {
                var response = await page.Context.APIRequest.GetAsync(browser.BaseUrl + url + (url.Contains('?') ? "&" : "?") + junk,
                    new() { MaxRedirects = 0 });
                asked++;
                if (response.Status == 200) shown++;
                if (response.Status >= 500) failures.Add($"{path}: {response.Status} for {url}?{junk[..Math.Min(junk.Length, 80)]}…");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The administrator's session went with the requests: most pages answered as pages, not as the log-in's redirect.
        Assert.True(shown > asked * 3 / 4, $"only {shown} of {asked} requests answered 200");
    }
}
