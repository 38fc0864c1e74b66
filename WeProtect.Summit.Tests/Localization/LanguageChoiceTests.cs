using System.Globalization;
using AngleSharp.Html.Dom;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>How a request's language is chosen: the switcher (cookie, and the profile when signed in), the saved
/// preference before the browser's Accept-Language, the summit's default language when nothing else says, English last.</summary>
public class LanguageChoiceTests(LocalizedAppFactory app) : IClassFixture<LocalizedAppFactory>
{
    private static string Lang(IHtmlDocument page) => page.DocumentElement.GetAttribute("lang") ?? "";

    [Fact]
    public async Task The_switcher_works_without_script_and_a_visitor_keeps_the_language_chosen()
    {
        using var client = app.CreateFormClient();
        var home = await client.GetPageAsync("/Summits");
        Assert.Equal("en", Lang(home));
        Assert.Equal("ltr", home.DocumentElement.GetAttribute("dir"));

        var response = await client.SubmitAsync(home, "#language-switcher", submitter: "button[value=ar]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Summits", response.Headers.Location?.OriginalString);
        var arabic = await client.GetPageAsync("/Summits");
        Assert.Equal("ar", Lang(arabic));
        Assert.Equal("rtl", arabic.DocumentElement.GetAttribute("dir"));
        Assert.Contains(arabic.QuerySelectorAll("nav a, nav button"), a => a.TextContent == "القمم");
        Assert.Equal("true", arabic.QuerySelector("#language-switcher button[value=ar]")!.GetAttribute("aria-pressed"));

        // Back to French, from the switcher of any page; the browser's own language no longer matters.
        LocalizedAppFactory.Speaking(client, "es");
        await client.SubmitAsync(arabic, "#language-switcher", submitter: "button[value=fr]");
        var french = await client.GetPageAsync("/");
        Assert.Equal("fr", Lang(french));
        Assert.Equal("Sommets", french.QuerySelector("main h2")!.TextContent);
    }

    [Fact]
    public async Task A_language_the_app_does_not_speak_and_an_address_elsewhere_are_refused()
    {
        using var client = app.CreateFormClient();
        var german = await client.Http.PostAsync("/Language", new FormUrlEncodedContent([new("culture", "de"), new("ReturnUrl", "/")]));
        Assert.Equal(HttpStatusCode.BadRequest, german.StatusCode);
        var elsewhere = await client.Http.PostAsync("/Language", new FormUrlEncodedContent([new("culture", "es"), new("ReturnUrl", "https://example.com/")]));
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal("/", elsewhere.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_signed_in_users_choice_is_saved_on_the_profile_and_beats_the_browser_on_any_device()
    {
        var (client, user) = await app.LoggedInUserAsync();
        using (client)
        {
            var profile = await client.GetPageAsync("/Profile");
            await client.SubmitAsync(profile, "#language-switcher", submitter: "button[value=es]");
        }
        Assert.Equal("es", await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PreferredLanguage).SingleAsync()));

        // Another device, no cookie, a browser that asks for French: the saved preference wins.
        using var other = LocalizedAppFactory.Speaking(await app.LogInAsync(user), "fr");
        var page = await other.GetPageAsync("/Registration");
        Assert.Equal("es", Lang(page));
        Assert.Equal("Mis inscripciones", page.QuerySelector("h1")!.TextContent);

        // The profile form changes it too.
        var form = await other.GetPageAsync("/Profile");
        Assert.Equal("es", ((IHtmlSelectElement)form.QuerySelector("[name='Input.Language']")!).Value);
        var (_, saved) = await other.SubmitAndFollowAsync(form, "#profile", new Dictionary<string, string> { ["Input.Language"] = "ar" });
        Assert.Equal("ar", Lang(saved));
        // The confirmation is in the language just chosen, as the page it is on.
        Assert.Equal("حُفظ ملفك الشخصي.", saved.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal("ar", Lang(await other.GetPageAsync("/Profile")));
    }

    [Fact]
    public async Task The_browsers_language_then_the_summits_default_then_English()
    {
        var summit = await app.CreateOpenSummitAsync();
        await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.DefaultLanguage, "fr")));

        using var plain = app.CreateFormClient(); // no Accept-Language, no cookie
        Assert.Equal("fr", Lang(await plain.GetPageAsync($"/Summits/Details/{summit.Id}")));
        Assert.Equal("fr", Lang(await plain.GetPageAsync($"/Breakouts/Agenda/{summit.Id}")));
        Assert.Equal("en", Lang(await plain.GetPageAsync("/Summits")));

        using var spanish = LocalizedAppFactory.Speaking(app.CreateFormClient(), "es-MX");
        Assert.Equal("es", Lang(await spanish.GetPageAsync($"/Summits/Details/{summit.Id}")));
        // A language the app does not speak, then one it does, by quality.
        using var german = app.CreateFormClient();
        german.Http.DefaultRequestHeaders.Add("Accept-Language", "de-DE, de;q=0.9, ar;q=0.5");
        Assert.Equal("ar", Lang(await german.GetPageAsync("/Summits")));
    }

    [Fact]
    public async Task Cached_public_pages_are_kept_per_language()
    {
        using var english = app.CreateFormClient();
        using var french = LocalizedAppFactory.Speaking(app.CreateFormClient(), "fr");
        Assert.Equal("en", Lang(await english.GetPageAsync("/")));
        Assert.Equal("fr", Lang(await french.GetPageAsync("/")));
        Assert.Equal("en", Lang(await english.GetPageAsync("/")));
    }

    [Fact]
    public async Task Dates_are_written_in_the_chosen_language_and_times_stay_in_the_summits_zone()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = LocalizedAppFactory.Speaking(await app.LogInAsync(user), "fr");
        var page = await client.GetPageAsync($"/Registration/Details/{registration.Id}");
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains(summit.StartDate.ToString("d MMMM yyyy", fr), text);
        Assert.Contains($"{summit.ToLocal(registration.CreatedUtc).ToString("d MMMM yyyy, HH:mm", fr)} ({summit.TimeZoneId})", text);
        Assert.Contains("Approuvée.", text);
    }

    [Fact]
    public async Task Organisers_set_a_summits_default_language()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var organiser = await app.LoggedInClientAsync(Data.Accounts.Roles.Organiser);
        var form = await organiser.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}");
        Assert.Equal("en", ((IHtmlSelectElement)form.QuerySelector("[name='Input.DefaultLanguage']")!).Value);
        // A visitor who names no language has the summit's default, remembered between requests (SummitLanguages)...
        using var plain = app.CreateFormClient();
        Assert.Equal("en", Lang(await plain.GetPageAsync($"/Summits/Details/{summit.Id}")));
        var saved = await organiser.SubmitAsync(form, "#summit-form",
            new Dictionary<string, string> { ["Input.DefaultLanguage"] = "ar" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // ...and forgotten as soon as the summit changes, with its cached pages.
        Assert.Equal("ar", Lang(await plain.GetPageAsync($"/Summits/Details/{summit.Id}")));
        Assert.Equal("ar", Lang(await plain.GetPageAsync($"/Breakouts/Agenda/{summit.Id}")));
        Assert.Equal("ar", await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).Select(s => s.DefaultLanguage).SingleAsync()));
        var refused = await organiser.SubmitAsync(await organiser.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}"),
            "#summit-form", new Dictionary<string, string> { ["Input.DefaultLanguage"] = "xx" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("ar", await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).Select(s => s.DefaultLanguage).SingleAsync()));
    }
}
