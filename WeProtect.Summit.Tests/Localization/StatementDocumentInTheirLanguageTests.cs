using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Statements;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>The words a rendered statement adds to its text: on a page, the name of each anchor's "#" link and the
/// consultation's counts in the margin are in the reader's language and carry that language (the statement around it may be in another); the HTML export is a
/// document in the statement's own language, its lang, direction and words of its own included, whoever exports it.</summary>
public class StatementDocumentInTheirLanguageTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    public static TheoryData<string> Languages() => EnglishLeft.Languages();

    /// <summary>The sections' names and the word "commitment" as each language says them (written out here, not read
    /// from the translations, so that a wrong translation fails).</summary>
    private static readonly Dictionary<string, (string All, string Government, string Commitment, string Comma)> Said = new()
    {
        ["en"] = ("All members", "Government", "commitment", ", "),
        ["fr"] = ("Tous les membres", "Gouvernement", "engagement", ", "),
        ["es"] = ("Todos los miembros", "Gobierno", "compromiso", ", "),
        ["ar"] = ("جميع الأعضاء", "حكومة", "الالتزام", "، "),
    };

    /// <summary>Every "#" link of the page is named "Link to …" in <paramref name="language"/> with the part's name as
    /// said ("Link to Government, commitment 1 b"), never its anchor ("government-1.b"), and says its language.</summary>
    private static void AssertAnchorLinksIn(IHtmlDocument page, string language)
    {
        var links = page.QuerySelectorAll("a.statement-anchor");
        Assert.NotEmpty(links);
        var texts = new LanguageTexts(language);
        var said = Said[language];
        foreach (var link in links)
        {
            var anchor = link.GetAttribute("href")![1..];
            var parts = anchor.Split('-', '.');
            var section = parts[0] == "all" ? said.All : said.Government;
            var name = parts.Length switch
            {
                1 => section,
                2 => $"{section}{said.Comma}{said.Commitment} {parts[1]}",
                _ => $"{section}{said.Comma}{said.Commitment} {parts[1]} {parts[2]}",
            };
            Assert.Equal(texts.Format("Link to {0}", name), link.GetAttribute("aria-label"));
            Assert.DoesNotContain(anchor, link.GetAttribute("aria-label"));
            Assert.Equal(language, link.GetAttribute("lang"));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_anchor_links_of_a_statement_in_English_are_named_in_the_readers_language(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (statement, _) = await app.CreateStatementAsync(summit.Id, StatementStatus.OpenForSignature, StatementExample.Canonical);
        using var reader = LocalizedAppFactory.Speaking(app.CreateFormClient(), language);
        var page = await reader.GetPageAsync($"/Statements/{statement.Id}/text");
        Assert.Equal("en", page.QuerySelector("#statement-language-text")!.GetAttribute("lang"));
        Assert.NotEqual("Link to preamble-1", new LanguageTexts(language).Format("Link to {0}", "preamble-1"));
        AssertAnchorLinksIn(page, language);
        var item = page.QuerySelector("[id='government-1.b'] a.statement-anchor")!.GetAttribute("aria-label");
        Assert.Equal(language switch
        {
            "fr" => "Lien vers Gouvernement, engagement 1 b",
            "es" => "Enlace a Gobierno, compromiso 1 b",
            _ => "رابط إلى حكومة، الالتزام 1 b",
        }, item);
    }

    [Fact]
    public async Task The_anchor_links_are_named_for_the_part_in_English()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (statement, _) = await app.CreateStatementAsync(summit.Id, StatementStatus.OpenForSignature, StatementExample.Canonical);
        var page = await app.CreateFormClient().GetPageAsync($"/Statements/{statement.Id}/text");
        string Label(string anchor) => page.QuerySelector($"[id='{anchor}'] a.statement-anchor")!.GetAttribute("aria-label")!;
        Assert.Equal(("Link to Government", "Link to Government, commitment 2", "Link to Government, commitment 1 b"),
            (Label("government"), Label("government-2"), Label("government-1.b")));
        AssertAnchorLinksIn(page, "en");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_consultations_margin_counts_in_the_readers_language(string language)
    {
        var (summitId, statementId) = await app.StatementAsync();
        var (member, _) = await app.DelegateAsync(summitId);
        using var reader = LocalizedAppFactory.Speaking(member, language);
        var page = await reader.GetPageAsync($"/Statements/{statementId}/consult");
        Assert.Equal("en", page.QuerySelector("#consult-text")!.GetAttribute("lang"));
        var margins = page.QuerySelectorAll("a.statement-margin");
        Assert.NotEmpty(margins);
        var none = new LanguageTexts(language).Format("{0} comments · {1} amendments", 0, 0);
        Assert.NotEqual("0 comments · 0 amendments", none);
        Assert.All(margins, margin => Assert.Equal((language, none), (margin.GetAttribute("lang"), margin.TextContent.Trim())));
        AssertAnchorLinksIn(page, language);
    }

    public static TheoryData<string, string> ExportedAndReader() => new()
    {
        { "fr", "en" }, { "es", "ar" }, { "ar", "fr" }, { "en", "es" },
    };

    [Theory]
    [MemberData(nameof(ExportedAndReader))]
    public async Task The_html_export_is_in_the_statements_language_whoever_exports_it(string written, string reader)
    {
        var summit = await app.CreateOpenSummitAsync();
        var text = written == "ar" ? TranslationData.Arabic : written == "fr" ? TranslationData.French : StatementExample.Canonical;
        var (statement, version) = await app.CreateStatementAsync(summit.Id, StatementStatus.Draft, text,
            configure: s => Assert.Null(s.SetAuthoritativeLanguage(written)));
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), reader);

        var response = await organiser.GetAsync($"/Statements/Manage/Edit/{statement.Id}?handler=Html&version={version.Number}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await FormClient.ParseAsync(response);
        var texts = new LanguageTexts(written);
        Assert.Equal(written, export.DocumentElement.GetAttribute("lang"));
        Assert.Equal(written == "ar" ? "rtl" : "ltr", export.DocumentElement.GetAttribute("dir"));
        Assert.Equal(texts.Format("{0} (version {1})", statement.Title, version.Number), export.Title);
        Assert.Equal($"{texts.Format("Version {0} · SHA-256 of the canonical text:", version.Number)} {version.ContentHash}", export.QuerySelector("footer")!.TextContent.Trim());
        AssertAnchorLinksIn(export, written);
    }
}
