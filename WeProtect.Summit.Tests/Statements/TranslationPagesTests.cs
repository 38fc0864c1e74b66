using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>Issue 19, item 3: organisers add translations of a statement on its Translations page; a translation whose
/// structure differs is refused naming the first difference; one with the same structure is saved with its own hash and
/// the authoritative version's anchors; the public text page lets the reader choose the language and says which text is
/// authoritative.</summary>
public class TranslationPagesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Url(int statementId) => $"/Statements/Manage/Translations/{statementId}";

    private static Dictionary<string, string> Values(string language, string text) => new() { ["Input.Language"] = language, ["Input.Text"] = text };

    [Fact]
    public async Task A_translation_with_another_structure_is_refused_naming_the_difference_one_with_the_same_is_saved_with_its_own_hash()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (statement, version) = await app.CreateStatementAsync(summit.Id, StatementStatus.Final, SigningData.TextForAll);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await organiser.GetPageAsync(Url(statement.Id));
        Assert.Contains("The English text is authoritative.", page.QuerySelector("#authoritative-language")!.TextContent);
        Assert.NotNull(page.QuerySelector("#no-translations"));

        var refused = await SigningData.RefusedPageAsync(await organiser.SubmitAsync(page, "form#translation-form", Values("fr", TranslationData.FrenchWithAnExtraCommitment)));
        Assert.Contains("Commitments of section 2: 1 in the authoritative text, 2 in this translation.", refused.Errors());
        // The box holds the authoritative text to translate from, then the refused translation, each marked with its language.
        Assert.Equal("en", page.QuerySelector("#translation-form textarea")!.GetAttribute("lang"));
        Assert.Equal("fr", refused.QuerySelector("#translation-form textarea")!.GetAttribute("lang"));
        var broken = await SigningData.RefusedPageAsync(await organiser.SubmitAsync(page, "form#translation-form", Values("fr", "# Titre\n\n## Sans marqueur\n\n1. x\n")));
        Assert.Contains("The translation has errors", broken.Errors());
        var english = await SigningData.RefusedPageAsync(await organiser.SubmitAsync(page, "form#translation-form", Values("en", TranslationData.French)));
        Assert.Contains("authoritative language", english.Errors());
        Assert.Equal(0, await app.WithDbAsync(db => db.StatementTranslations.CountAsync(t => t.StatementId == statement.Id)));

        var (response, saved) = await organiser.SubmitAndFollowAsync(page, "form#translation-form", Values("fr", TranslationData.French));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Translation 1 (Français) of version 1 saved.", saved.QuerySelector("[role=status]")?.TextContent ?? saved.Body!.TextContent);
        var translation = await app.WithDbAsync(db => db.StatementTranslations.AsNoTracking().SingleAsync(t => t.StatementId == statement.Id));
        Assert.Equal(("fr", 1, version.Id), (translation.Language, translation.Number, translation.StatementVersionId));
        Assert.Equal(StatementText.Hash(StatementText.Canonicalise(TranslationData.French)), translation.ContentHash);
        Assert.NotEqual(version.ContentHash, translation.ContentHash);
        Assert.Equal(StatementParser.Parse(version.Text).Document!.Anchors(), StatementParser.Parse(translation.Text).Document!.Anchors());
        Assert.Equal(["statement.translation-added"], await app.AuditActionsAsync(nameof(StatementTranslation), translation.Id));
        Assert.Equal(translation.ContentHash, saved.QuerySelector("#translations tr[data-language=fr] code")!.TextContent);

        // The same text again is nothing new; a corrected one is translation 2, the first kept as it was.
        var same = await SigningData.RefusedPageAsync(await organiser.SubmitAsync(saved, "form#translation-form", Values("fr", TranslationData.French)));
        Assert.Contains("same as the latest one", same.Errors());
        await organiser.SubmitAndFollowAsync(saved, "form#translation-form", Values("fr", TranslationData.French.Replace("Légiférer", "Légiférer ensemble")));
        Assert.Equal([1, 2], await app.WithDbAsync(db => db.StatementTranslations.Where(t => t.StatementId == statement.Id).OrderBy(t => t.Number).Select(t => t.Number).ToListAsync()));
    }

    [Fact]
    public async Task Only_the_current_authoritative_version_is_translated()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (statement, first) = await app.CreateStatementAsync(summit.Id, StatementStatus.Draft, SigningData.TextForAll);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync(Url(statement.Id));
        // A second version is saved while the organiser's page still names the first.
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Statements.Include(s => s.Versions).SingleAsync(s => s.Id == statement.Id);
            Assert.NotNull(tracked.AddVersion(StatementParser.Parse(SigningData.TextForAll.Replace("united", "united today")), null, "Drafter", "v2", app.UtcNow).Version);
            await db.SaveChangesAsync();
        });
        var stale = await SigningData.RefusedPageAsync(await organiser.SubmitAsync(page, "form#translation-form", Values("fr", TranslationData.French)));
        Assert.Contains("translate version 2", stale.Errors());
        Assert.False(await app.WithDbAsync(db => db.StatementTranslations.AnyAsync(t => t.StatementId == statement.Id)));
        Assert.NotEqual(0, first.Id);
    }

    [Fact]
    public async Task The_public_text_page_offers_each_language_says_which_is_authoritative_and_marks_Arabic_right_to_left()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (statement, version) = await app.CreateStatementAsync(summit.Id, StatementStatus.Final, SigningData.TextForAll);
        Assert.True((await app.TranslateAsync(statement.Id, "fr", TranslationData.French)).Succeeded);
        Assert.True((await app.TranslateAsync(statement.Id, "ar", TranslationData.Arabic)).Succeeded);
        var reader = app.CreateFormClient();
        var url = $"/Statements/{statement.Id}/text";

        var english = await reader.GetPageAsync(url);
        Assert.Equal("The English text is authoritative.", english.QuerySelector("#authoritative-note")!.TextContent.Trim());
        Assert.Equal("en", english.QuerySelector("#statement-language-text")!.GetAttribute("lang"));
        Assert.Equal(["ar", "fr"], english.QuerySelectorAll("#text-languages a.text-language").Select(a => a.GetAttribute("hreflang")!).Order().ToList());
        Assert.Equal(version.ContentHash, english.QuerySelector("#text-hash")!.TextContent);

        var arabic = await reader.GetPageAsync(url + "?lang=ar");
        var container = arabic.QuerySelector("#statement-language-text")!;
        Assert.Equal(("ar", "rtl"), (container.GetAttribute("lang"), container.GetAttribute("dir")));
        Assert.Contains(TranslationData.ArabicPreamble, container.TextContent);
        Assert.NotNull(arabic.QuerySelector("#translation-hash"));
        Assert.Equal("The English text is authoritative.", arabic.QuerySelector("#authoritative-note")!.TextContent.Trim());

        // A reader whose interface is French gets the French text by default, and the note in French.
        var french = await LocalizedAppFactory.Speaking(app.CreateFormClient(), "fr").GetPageAsync(url);
        Assert.Equal(("fr", "ltr"), (french.QuerySelector("#statement-language-text")!.GetAttribute("lang"), french.QuerySelector("#statement-language-text")!.GetAttribute("dir")));
        Assert.Contains("Légiférer", french.QuerySelector("#statement-language-text")!.TextContent);
        Assert.Equal("Le texte anglais fait foi.", french.QuerySelector("#authoritative-note")!.TextContent.Trim());
        // A language without a translation falls back to the authoritative text.
        var spanish = await LocalizedAppFactory.Speaking(app.CreateFormClient(), "es").GetPageAsync(url);
        Assert.Equal("en", spanish.QuerySelector("#statement-language-text")!.GetAttribute("lang"));
    }
}
