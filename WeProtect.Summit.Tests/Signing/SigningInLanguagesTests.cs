using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>Issue 19, item 3: the signing page shows the language the signatory chooses and says which text is
/// authoritative; the endorsement binds the authoritative hash and records the language version shown.</summary>
public class SigningInLanguagesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Signing_on_the_French_text_binds_the_authoritative_hash_and_records_the_French_hash()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, final) = await app.OpenStatementAsync();
        var french = await app.TranslateAsync(statement.Id, "fr", TranslationData.French);
        Assert.True(french.Succeeded, french.Message);
        var signatory = await app.SignatoryAsync(organisation.Id);
        var url = SigningData.SignUrl(statement.Id, organisation.Id);

        var english = await signatory.Client.GetPageAsync(url);
        Assert.Equal("en", english.QuerySelector("#statement-language-text")!.GetAttribute("lang"));
        Assert.Equal("fr", english.QuerySelector("#text-languages a.text-language")!.GetAttribute("hreflang"));

        var page = await signatory.Client.GetPageAsync(url + "?lang=fr");
        Assert.Equal("fr", page.QuerySelector("#statement-language-text")!.GetAttribute("lang"));
        Assert.Contains("Légiférer", page.QuerySelector("#final-text")!.TextContent);
        Assert.Equal("The English text is authoritative.", page.QuerySelector("#authoritative-note")!.TextContent.Trim());
        Assert.Equal(final.ContentHash, page.QuerySelector("#final-hash")!.TextContent.Trim());
        Assert.Equal(french.Value!.ContentHash, page.QuerySelector("#translation-hash")!.TextContent.Trim());

        Assert.Equal(HttpStatusCode.Redirect, (await signatory.Client.SignAsync(page, app.TotpCode(signatory.Key))).StatusCode);
        var endorsement = Assert.Single(await app.EndorsementsAsync(statement.Id));
        Assert.Equal((final.Id, final.ContentHash), (endorsement.StatementVersionId, endorsement.ContentHash));
        var shown = Assert.Single(await app.WithDbAsync(db => db.EndorsementShownTexts.AsNoTracking().Where(t => t.EndorsementId == endorsement.Id).ToListAsync()));
        Assert.Equal(("fr", french.Value.ContentHash, (int?)french.Value.Id), (shown.Language, shown.ContentHash, shown.StatementTranslationId));
        var summary = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == "Endorsement" && e.SubjectId == endorsement.Id.ToString()).Select(e => e.Summary).SingleAsync());
        Assert.Contains($"text shown: fr {french.Value.ContentHash}", summary);

        var after = await signatory.Client.GetPageAsync(url);
        var recorded = after.QuerySelector("#live-shown .shown-text[data-language=fr]")!;
        Assert.Contains(french.Value.ContentHash, recorded.TextContent);
        Assert.Equal("Français", recorded.QuerySelector("bdi[lang=fr]")!.TextContent);
    }

    [Fact]
    public async Task A_shown_hash_that_is_no_translation_of_the_final_text_signs_nothing()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, _) = await app.OpenStatementAsync();
        Assert.True((await app.TranslateAsync(statement.Id, "fr", TranslationData.French)).Succeeded);
        var signatory = await app.SignatoryAsync(organisation.Id);
        var page = await signatory.Client.GetPageAsync(SigningData.SignUrl(statement.Id, organisation.Id) + "?lang=fr");
        page.QuerySelector("input[name='Input.ShownHash']")!.SetAttribute("value", new string('0', 64));

        var response = await signatory.Client.SignAsync(page, app.TotpCode(signatory.Key));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("translation you read", (await SigningData.RefusedPageAsync(response)).Errors());
        Assert.Empty(await app.EndorsementsAsync(statement.Id));
    }

    [Fact]
    public async Task Signing_the_authoritative_text_records_it_as_shown()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, final) = await app.OpenStatementAsync();
        var signatory = await app.SignatoryAsync(organisation.Id);
        var page = await signatory.Client.GetPageAsync(SigningData.SignUrl(statement.Id, organisation.Id));
        Assert.Null(page.QuerySelector("#text-languages"));
        Assert.Equal(HttpStatusCode.Redirect, (await signatory.Client.SignAsync(page, app.TotpCode(signatory.Key))).StatusCode);
        var endorsement = Assert.Single(await app.EndorsementsAsync(statement.Id));
        var shown = Assert.Single(await app.WithDbAsync(db => db.EndorsementShownTexts.AsNoTracking().Where(t => t.EndorsementId == endorsement.Id).ToListAsync()));
        Assert.Equal(("en", final.ContentHash, (int?)null), (shown.Language, shown.ContentHash, shown.StatementTranslationId));
    }
}
