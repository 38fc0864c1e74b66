using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using WeProtect.Summit.Data.Languages;
using WeProtect.Summit.Tests.Authorization;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>Every page of the authorization test's list, opened by an administrator (who may open them all) whose
/// browser asks for each language in turn: no server error, no refusal, the page's lang and dir, and no text a view
/// asks for that has no translation (<see cref="MissingKeyMarker"/>). Pages not yet translated pass too: they ask for
/// no translation (their texts are still written in English in the view); the README lists them.</summary>
public class PagesInEveryLanguageTests(LocalizedAppFactory app) : IClassFixture<LocalizedAppFactory>
{
    public static TheoryData<string> Languages() => [.. InterfaceLanguages.Codes];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_page_answers_in_the_language_asked_for_without_a_missing_text(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        using var client = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Data.Accounts.Roles.Admin), language);
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()).OfType<PageActionDescriptor>()
            .DistinctBy(p => p.ViewEnginePath).ToList();
        Assert.Equal(PageAccessTests.Expected.Count, pages.Count);
        var dir = InterfaceLanguages.Get(language).IsRightToLeft ? "rtl" : "ltr";
        var failures = new List<string>();
        var checkedHtml = 0;
        foreach (var page in pages)
        {
            var url = PageAccessTests.SampleUrl(page, summit.Id);
            var response = await client.GetAsync(url);
            var location = response.Headers.Location?.OriginalString ?? "";
            if ((int)response.StatusCode >= 500) failures.Add($"{url}: {(int)response.StatusCode}");
            // A challenge carries ReturnUrl; LoginWith2fa without a half-finished log-in merely sends people to log in.
            if (response.StatusCode == HttpStatusCode.Forbidden || location.Contains("/Account/Login?ReturnUrl=") || location.Contains("/Account/AccessDenied"))
                failures.Add($"{url}: refused ({(int)response.StatusCode} {location})");
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await FormClient.ParseAsync(response);
            checkedHtml++;
            var root = html.DocumentElement;
            if (root.GetAttribute("lang") != language || root.GetAttribute("dir") != dir)
                failures.Add($"{url}: lang=\"{root.GetAttribute("lang")}\" dir=\"{root.GetAttribute("dir")}\"");
            if (html.Source.Text.Contains(MissingKeyMarker.Marker, StringComparison.Ordinal))
            {
                var missing = System.Text.RegularExpressions.Regex.Matches(html.Source.Text, MissingKeyMarker.Marker + "[^<\"]{0,60}").Select(m => m.Value).Distinct();
                failures.Add($"{url}: no translation for {string.Join(" | ", missing)}");
            }
            // Letters travel as they are (UTF-8), not as numeric character references (see AddWebEncoders).
            var escaped = System.Text.RegularExpressions.Regex.Matches(html.Source.Text, "&#x([0-9A-Fa-f]+);")
                .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.NumberStyles.HexNumber))
                .Where(c => c is > 0x7F and < 0x10000 && char.IsLetter((char)c)).Distinct().Take(5).ToList();
            if (escaped.Count > 0) failures.Add($"{url}: letters escaped as references: {string.Join(" ", escaped.Select(c => $"U+{c:X4}"))}");
        }
        Assert.True(checkedHtml > 60, $"only {checkedHtml} pages answered with HTML");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Signed_out_pages_answer_in_the_language_asked_for(string language)
    {
        using var client = LocalizedAppFactory.Speaking(app.CreateFormClient(), language);
        foreach (var url in new[] { "/", "/Account/Login", "/Account/Register", "/Language", "/no-such-page" })
        {
            var response = await client.FollowAsync(await client.GetAsync(url));
            var body = await response.Content.ReadAsStringAsync();
            var html = await FormClient.ParseAsync(response, body);
            Assert.True(html.DocumentElement.GetAttribute("lang") == language,
                $"{url}: {(int)response.StatusCode} {response.RequestMessage?.RequestUri} lang={html.DocumentElement.GetAttribute("lang")} {body[..Math.Min(300, body.Length)]}");
            Assert.DoesNotContain(MissingKeyMarker.Marker, html.Source.Text);
            var stylesheet = InterfaceLanguages.Get(language).IsRightToLeft ? "bootstrap.rtl.min.css" : "bootstrap.min.css";
            Assert.Contains(html.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.Split('?')[0].EndsWith("/" + stylesheet, StringComparison.Ordinal));
        }
    }
}
