using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>The settings form of the edit page: kind, signing window in the summit's zone, embargo (and the working
/// title before any text: afterwards the title is the text's # line); and the communiqué link that replaces the last
/// status button.</summary>
public class StatementSettingsTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Url(int id) => $"/Statements/Manage/Edit/{id}";

    private Task<Statement> ReloadAsync(int id) => app.WithDbAsync(db => db.Statements.AsNoTracking().SingleAsync(s => s.Id == id));

    private static Dictionary<string, string> Values(string? title = null, string opens = "2026-03-01T09:00", string closes = "2026-03-05T18:30",
        bool embargo = true)
    {
        var values = new Dictionary<string, string>
        {
            ["Settings.Kind"] = nameof(StatementKind.CallToAction),
            ["Settings.SigningOpens"] = opens,
            ["Settings.SigningCloses"] = closes,
            ["Settings.SignatoriesEmbargoed"] = embargo ? "true" : "false",
        };
        if (title is not null) values["Settings.Title"] = title;
        return values;
    }

    /// <summary>A statement with no text yet: its title is still a setting.</summary>
    private async Task<int> UntitledDraftAsync() => await app.WithDbAsync(async db =>
    {
        var summit = await db.Summits.FirstAsync();
        var s = new Statement { SummitId = summit.Id, Kind = StatementKind.StatementOfAction, Title = "Working title", CreatedUtc = app.UtcNow };
        db.Statements.Add(s);
        await db.SaveChangesAsync();
        return s.Id;
    });

    [Fact]
    public async Task A_text_typed_in_Arabic_under_English_is_named_and_its_language_set_right_until_the_text_is_final()
    {
        var (_, id) = await app.StatementAsync(StatementStatus.Consultation, TranslationData.Arabic);
        Assert.Equal("en", (await ReloadAsync(id)).AuthoritativeLanguage);
        Assert.True((await app.TranslateAsync(id, "fr", TranslationData.French)).Succeeded);
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync(Url(id));
        Assert.Contains("Most of the text is written right to left, but its language is set to English",
            page.QuerySelector("#text-language-mismatch")!.TextContent);
        Assert.Equal("en", page.QuerySelector<IHtmlSelectElement>("#settings-language")!.Value);

        // Not a language it is already translated into.
        var values = Values();
        values["Settings.Language"] = "fr";
        var (_, refused) = await organiser.SubmitAndFollowAsync(page, "#settings-form", values);
        Assert.Contains("already has a translation into Français", refused.QuerySelector("[data-valmsg-for='Settings.Language']")!.TextContent);
        Assert.Equal("en", (await ReloadAsync(id)).AuthoritativeLanguage);

        values["Settings.Language"] = "ar";
        var (_, saved) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync(Url(id)), "#settings-form", values);
        Assert.Equal("Settings saved.", saved.QuerySelector("#status")!.TextContent.Trim());
        Assert.Equal("ar", (await ReloadAsync(id)).AuthoritativeLanguage);
        Assert.Null(saved.QuerySelector("#text-language-mismatch"));
        Assert.Contains("AuthoritativeLanguage", await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "statement.settings-changed" && e.SubjectId == id.ToString())
            .OrderByDescending(e => e.Sequence).Select(e => e.Summary).FirstAsync()));

        // Once final, the language is the final text's: no field, and a forced post changes nothing.
        var stale = saved;
        await app.WithDbAsync(async db =>
        {
            var statement = await db.Statements.Include(s => s.Versions).SingleAsync(s => s.Id == id);
            Assert.Null(statement.MoveTo(StatementStatus.Final));
            await db.SaveChangesAsync();
        });
        Assert.Null((await organiser.GetPageAsync(Url(id))).QuerySelector("#settings-language"));
        values["Settings.Language"] = "en";
        await organiser.SubmitAsync(stale, "#settings-form", values);
        Assert.Equal("ar", (await ReloadAsync(id)).AuthoritativeLanguage);
    }

    [Fact]
    public async Task Staying_open_for_late_endorsements_after_publication_is_a_setting()
    {
        var (_, id) = await app.StatementAsync(StatementStatus.Draft);
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var values = Values();
        values["Settings.LateEndorsements"] = "true";
        var (_, after) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync(Url(id)), "#settings-form", values);
        Assert.Equal("Settings saved.", after.QuerySelector("#status")!.TextContent.Trim());
        Assert.True((await ReloadAsync(id)).LateEndorsements);
        Assert.True(after.QuerySelector<IHtmlInputElement>("#Settings_LateEndorsements")!.IsChecked);
    }

    [Fact]
    public async Task Settings_are_saved_with_the_window_in_utc_and_shown_in_the_summit_zone()
    {
        var (_, id) = await app.StatementAsync(StatementStatus.Draft);
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync(Url(id));
        Assert.Contains("Asia/Dubai", page.QuerySelector("label[for='Settings_SigningOpens']")!.TextContent);
        var (_, after) = await organiser.SubmitAndFollowAsync(page, "#settings-form", Values());
        Assert.Equal("Settings saved.", after.QuerySelector("#status")!.TextContent.Trim());

        var s = await ReloadAsync(id);
        // The title is the text's, not a setting, once there is a text.
        Assert.Equal(("Statement of Action by Governments", StatementKind.CallToAction, true), (s.Title, s.Kind, s.SignatoriesEmbargoed));
        // Dubai is UTC+4 all year.
        Assert.Equal(new DateTime(2026, 3, 1, 5, 0, 0), s.SigningOpensUtc);
        Assert.Equal(new DateTime(2026, 3, 5, 14, 30, 0), s.SigningClosesUtc);
        Assert.StartsWith("2026-03-01T09:00", after.QuerySelector<IHtmlInputElement>("#Settings_SigningOpens")!.Value);
        Assert.True(after.QuerySelector<IHtmlInputElement>("#Settings_SignatoriesEmbargoed")!.IsChecked);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "statement.settings-changed" && e.SubjectId == id.ToString())));

        // Unticking the embargo is saved too.
        (_, after) = await organiser.SubmitAndFollowAsync(after, "#settings-form", Values(embargo: false));
        Assert.False((await ReloadAsync(id)).SignatoriesEmbargoed);
    }

    [Theory]
    [InlineData("", "2026-03-01T09:00", "2026-03-05T18:30", "Settings.Title", "needs a title")]
    [InlineData("Title", "2026-03-05T09:00", "2026-03-01T18:30", "Settings.SigningCloses", "close after it opens")]
    [InlineData("Title", "2026-03-05T09:00", "", "Settings.SigningCloses", "both ends")]
    public async Task Invalid_settings_show_the_entity_messages_and_save_nothing(string title, string opens, string closes, string field, string message)
    {
        await app.StatementAsync(StatementStatus.Draft); // a summit to hold the statement
        var id = await UntitledDraftAsync();
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync(Url(id));
        var (response, after) = await organiser.SubmitAndFollowAsync(page, "#settings-form", Values(title, opens, closes));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, after.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent);
        var s = await ReloadAsync(id);
        Assert.Equal(("Working title", (DateTime?)null, false), (s.Title, s.SigningOpensUtc, s.SignatoriesEmbargoed));
    }

    [Fact]
    public async Task The_title_is_a_setting_until_the_first_version_and_then_the_text_s_title_everywhere()
    {
        await app.StatementAsync(StatementStatus.Draft);
        var id = await UntitledDraftAsync();
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync(Url(id));
        var (_, after) = await organiser.SubmitAndFollowAsync(page, "#settings-form", Values("Renamed working title"));
        Assert.Equal("Renamed working title", (await ReloadAsync(id)).Title);

        // The first version's # line becomes the title; the settings form no longer offers one.
        var text = StatementData.WithTitle(StatementExample.Canonical, "ABU DHABI STATEMENT OF ACTION");
        (_, after) = await organiser.SubmitAndFollowAsync(after, "#text-form", new Dictionary<string, string> { ["Input.Text"] = text, ["Input.ChangeNote"] = "First" });
        Assert.Equal("ABU DHABI STATEMENT OF ACTION", (await ReloadAsync(id)).Title);
        Assert.Equal("ABU DHABI STATEMENT OF ACTION", after.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(after.QuerySelector("input[name='Settings.Title']"));
        Assert.Equal("ABU DHABI STATEMENT OF ACTION", after.QuerySelector("#settings-title")!.TextContent.Trim());

        // A new version with another # line renames the statement.
        (_, after) = await organiser.SubmitAndFollowAsync(after, "#text-form", new Dictionary<string, string>
        {
            ["Input.Text"] = StatementData.WithTitle(StatementExample.Canonical, "Abu Dhabi Statement of Action"), ["Input.ChangeNote"] = "Title case",
        });
        Assert.Equal("Abu Dhabi Statement of Action", (await ReloadAsync(id)).Title);
    }

    [Fact]
    public async Task A_closed_statement_keeps_its_settings_and_links_to_the_communique_instead_of_a_publish_button()
    {
        var (_, id) = await app.StatementAsync(StatementStatus.OpenForSignature);
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var open = await organiser.GetPageAsync(Url(id));
        Assert.NotNull(open.QuerySelector("#settings-form"));
        await app.WithDbAsync(async db =>
        {
            var s = await db.Statements.Include(x => x.Versions).SingleAsync(x => x.Id == id);
            Assert.Null(s.MoveTo(StatementStatus.Closed));
            await db.SaveChangesAsync();
        });
        var before = await ReloadAsync(id);

        var page = await organiser.GetPageAsync(Url(id));
        Assert.Null(page.QuerySelector("#settings-form"));
        Assert.NotNull(page.QuerySelector("#settings-frozen"));
        Assert.Null(page.QuerySelector("#move-Published"));
        Assert.Equal($"/Communiques/Manage/{id}", page.QuerySelector("#link-publish")!.GetAttribute("href"));

        // Forced posts from the page opened before closing: refused, nothing changes.
        var (response, after) = await organiser.SubmitAndFollowAsync(open, "#settings-form", Values());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("can no longer change", after.QuerySelector(".alert-danger")!.TextContent);
        var s = await ReloadAsync(id);
        Assert.Equal((before.Title, before.SigningOpensUtc, StatementStatus.Closed), (s.Title, s.SigningOpensUtc, s.Status));
    }

    [Fact]
    public async Task Publishing_by_a_forced_status_post_is_refused()
    {
        var (_, id) = await app.StatementAsync(StatementStatus.OpenForSignature);
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        await app.WithDbAsync(async db =>
        {
            var s = await db.Statements.Include(x => x.Versions).SingleAsync(x => x.Id == id);
            Assert.Null(s.MoveTo(StatementStatus.Closed));
            await db.SaveChangesAsync();
        });
        var closed = await organiser.GetPageAsync(Url(id));
        var version = await app.WithDbAsync(db => db.Statements.Where(s => s.Id == id).Select(s => s.Version).SingleAsync());
        var token = closed.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var response = await organiser.Http.PostAsync($"/Statements/Manage/Edit/{id}?handler=Move", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["to"] = nameof(StatementStatus.Published), ["version"] = version.ToString(),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Publish the communiqué", (await FormClient.ParseAsync(response)).QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(StatementStatus.Closed, (await ReloadAsync(id)).Status);
    }
}
