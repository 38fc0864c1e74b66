using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>The first-administrator page (an app of its own: the link works only while no administrator exists),
/// opened in English and in each other language, and its form's refusal in the language.</summary>
public class SetupPageInTheirLanguageTests(LocalizedAppFactory app) : IClassFixture<LocalizedAppFactory>
{
    /// <summary>The link the app printed at start-up (FirstAdminSetup keeps its token private; read as the console would).</summary>
    private string SetupUrl()
    {
        var token = app.FirstAdminToken();
        Assert.False(string.IsNullOrEmpty(token), "No set-up link was issued");
        return $"/Setup?token={Uri.EscapeDataString(token!)}";
    }

    [Theory]
    [MemberData(nameof(EnglishLeft.Languages), MemberType = typeof(EnglishLeft))]
    public async Task The_setup_page_has_no_English_left(string language)
    {
        using var visitor = app.CreateFormClient();
        await visitor.GetAsync("/"); // the app has started and issued its link
        var url = SetupUrl();
        var failures = new List<string>();
        EnglishLeft.Compare("/Setup", await EnglishLeft.PageAsync(visitor, url, "en"), await EnglishLeft.PageAsync(visitor, url, language), language, ["WeProtect Summit"], failures);

        // A form sent empty: each refusal beside its field, in the language (nothing is created, the link still works).
        var speaking = LocalizedAppFactory.Speaking(app.CreateFormClient(), language);
        var refused = await speaking.SubmitAsync(await speaking.GetPageAsync(url), "form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "", ["Input.Email"] = "", ["Input.Password"] = "", ["Input.ConfirmPassword"] = "",
        });
        using var english = app.CreateFormClient();
        var refusedInEnglish = await english.SubmitAsync(await english.GetPageAsync(url), "form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "", ["Input.Email"] = "", ["Input.Password"] = "", ["Input.ConfirmPassword"] = "",
        });
        EnglishLeft.Compare("/Setup (refused)", await FormClient.ParseAsync(refusedInEnglish), await FormClient.ParseAsync(refused), language, ["WeProtect Summit"], failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
