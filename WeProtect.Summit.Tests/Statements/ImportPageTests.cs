using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Statements.Import;
using static WeProtect.Summit.Tests.Statements.ImportWordFile;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>Import from Word over HTTP: upload, the draft with its errors and report (nothing saved), then saving
/// through the Edit page's own Save handler.</summary>
public class ImportPageTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    /// <summary>A draft without a title paragraph and without audiences, as a Word user would write it.</summary>
    private static byte[] WordDraft() => Build(
    [
        P(R("We, the governments, recognise "), I("the harm"), R(".")),
        Styled("Heading2", "Government delegates pledge to"),
        Item(Numbered, 0, B("Strengthen cooperation")),
        Item(Numbered, 1, "Advance collaboration."),
        Item(Numbered, 0, B("Support survivors")),
        Item(Numbered, 1, "Fund services."),
        Table("A table cell"),
    ]);

    private const string Imported = """
        We, the governments, recognise *the harm*.

        ## Government delegates pledge to

        1. **Strengthen cooperation**
           a. Advance collaboration.
        2. **Support survivors**
           a. Fund services.

        """;

    private async Task<(FormClient Client, int StatementId)> DraftStatementAsync()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (statement, _) = await app.CreateStatementAsync(summit.Id, StatementStatus.Draft, StatementExample.Canonical);
        return (await app.LoggedInClientAsync(Roles.Organiser), statement.Id);
    }

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> UploadAsync(FormClient client, int id, string fileName, byte[] content)
    {
        var form = await client.GetPageAsync($"/Statements/Manage/Import/{id}");
        return await client.SubmitAndFollowAsync(form, "#import-form", files: new Dictionary<string, (string, byte[])> { ["Upload"] = (fileName, content) });
    }

    private Task<List<StatementVersion>> VersionsAsync(int id) =>
        app.WithDbAsync(db => db.StatementVersions.AsNoTracking().Where(v => v.StatementId == id).OrderBy(v => v.Number).ToListAsync());

    private static string TextOf(IHtmlDocument page, string selector) => ((IHtmlTextAreaElement)page.QuerySelector(selector)!).Value;

    [Fact]
    public async Task A_draft_that_parses_shows_the_parsers_warnings_with_the_preview()
    {
        var (client, id) = await DraftStatementAsync();
        // Markers typed in Word are kept; the section has one commitment with one lettered item: two warnings.
        var docx = Build(
        [
            Styled("Title", "Statement of Action {audience=government}"),
            P("Preamble."),
            Styled("Heading2", "Governments commit to {commitments}"),
            Item(Numbered, 0, B("Legislate")),
            Item(Numbered, 1, "Pass laws."),
        ]);

        var (response, preview) = await UploadAsync(client, id, "warned.docx", docx);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(preview.QuerySelector("#import-valid"));
        var warnings = preview.QuerySelectorAll("#import-warnings li").ToList();
        Assert.Contains(warnings, li => li.GetAttribute("data-line") == "7" && li.TextContent.Contains("only one commitment"));
        Assert.Contains(warnings, li => li.TextContent.Contains("single lettered item"));
        Assert.NotNull(preview.QuerySelector("#import-preview-heading"));
        // Every marker was typed in Word: nothing is left to add.
        Assert.Null(preview.QuerySelector("#import-markers"));
        Assert.Single(await VersionsAsync(id));
    }

    [Fact]
    public async Task An_organiser_imports_a_Word_draft_sees_it_with_its_errors_and_saves_it_corrected_through_the_Edit_page()
    {
        var (client, id) = await DraftStatementAsync();
        var edit = await client.GetPageAsync($"/Statements/Manage/Edit/{id}");
        Assert.Equal($"/Statements/Manage/Import/{id}", edit.QuerySelector("#link-import")!.GetAttribute("href"));

        var (response, preview) = await UploadAsync(client, id, "draft.docx", WordDraft());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Imported, TextOf(preview, "#import-text").ReplaceLineEndings("\n"));
        Assert.Equal("Imported from draft.docx", ((IHtmlInputElement)preview.QuerySelector("#import-note")!).Value);
        // The parser's errors for the draft, with their lines: no title on line 1.
        Assert.Contains(preview.QuerySelectorAll("#import-errors li"), li => li.GetAttribute("data-line") == "1");
        var converted = preview.QuerySelectorAll("#import-converted li").Select(li => li.TextContent).ToList();
        Assert.Contains("Numbered items: 2", converted);
        Assert.Contains("Lettered items: 2", converted);
        var dropped = preview.QuerySelectorAll("#import-dropped li").Select(li => li.TextContent).ToList();
        Assert.Contains("Tables (their text is not in the draft): 1", dropped);
        Assert.Contains(dropped, d => d.StartsWith("No title", StringComparison.Ordinal));
        Assert.StartsWith("Line 3 (“## Government delegates pledge to”): add {audience=…} at its end",
            preview.QuerySelector("#import-markers li")!.TextContent);
        Assert.Single(await VersionsAsync(id));

        // Saved as it is, the text goes to the Edit page's Save handler: refused there with every error, the text kept.
        var (_, refused) = await client.SubmitAndFollowAsync(preview, "#import-save");
        Assert.NotNull(refused.QuerySelector("#text-errors"));
        Assert.Contains("nothing was saved", refused.QuerySelector("#text-errors")!.TextContent);
        Assert.Equal(Imported, TextOf(refused, "#Input_Text").ReplaceLineEndings("\n").TrimStart('\n'));
        Assert.Single(await VersionsAsync(id));

        // Corrected on the import page (a title, the audience), it becomes version 2.
        var corrected = "# Statement of Action\n\n" + Imported.Replace("pledge to\n", "pledge to {audience=government}\n");
        var (saved, page) = await client.SubmitAndFollowAsync(preview, "#import-save", new Dictionary<string, string> { ["Input.Text"] = corrected });
        Assert.EndsWith($"/Statements/Manage/Edit/{id}", saved.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Version 2 saved", page.QuerySelector("#status")!.TextContent);
        var versions = await VersionsAsync(id);
        Assert.Equal(2, versions.Count);
        Assert.Equal(corrected, versions[1].Text);
        Assert.Equal(StatementText.Hash(corrected), versions[1].ContentHash);
        Assert.Equal("Imported from draft.docx", versions[1].ChangeNote);
    }

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "notes.docx", Enumerable.Range(0, 3000).Select(i => (byte)(i * 7919 % 251)).ToArray(), DocxStatementImport.NotDocxMessage },
        { "workbook.docx", Zip(("xl/workbook.xml", "<workbook/>"u8.ToArray())), DocxStatementImport.NotDocxMessage },
        { "protected.docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[2000]], DocxStatementImport.ProtectedMessage },
        { "huge.docx", [(byte)'P', (byte)'K', 3, 4, .. new byte[11 * 1024 * 1024]], DocxStatementImport.TooLargeMessage },
        { "bomb.docx", Zip(("word/document.xml", new byte[60 * 1024 * 1024])), DocxStatementImport.BombMessage },
        { "damaged.docx", ReplaceEntry(WordDraft(), "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"u8.ToArray()), DocxStatementImport.DamagedMessage },
    };

    [Theory]
    [MemberData(nameof(BadFiles), DisableDiscoveryEnumeration = true)]
    public async Task A_bad_file_gets_its_message_on_the_page_and_nothing_is_saved(string fileName, byte[] content, string message)
    {
        var (client, id) = await DraftStatementAsync();
        var (response, page) = await UploadAsync(client, id, fileName, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"{fileName}: {message}", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Null(page.QuerySelector("#import-save"));
        Assert.NotNull(page.QuerySelector("#import-form"));
        Assert.Single(await VersionsAsync(id));
    }

    [Fact]
    public async Task A_post_without_a_file_asks_for_one()
    {
        var (client, id) = await DraftStatementAsync();
        var form = await client.GetPageAsync($"/Statements/Manage/Import/{id}");
        var (_, page) = await client.SubmitAndFollowAsync(form, "#import-form");
        Assert.Contains("Choose a Word file (.docx) to import.", page.QuerySelector(".validation-summary-errors")!.TextContent);
    }

    [Fact]
    public async Task Only_a_text_that_may_still_change_can_be_imported_into()
    {
        var (client, id) = await DraftStatementAsync();
        var form = await client.GetPageAsync($"/Statements/Manage/Import/{id}");
        await app.WithDbAsync(async db =>
        {
            var statement = await db.Statements.Include(s => s.Versions).SingleAsync(s => s.Id == id);
            Assert.Null(statement.MoveTo(StatementStatus.Consultation));
            Assert.Null(statement.MoveTo(StatementStatus.Final));
            await db.SaveChangesAsync();
        });

        var (response, page) = await client.SubmitAndFollowAsync(form, "#import-form", files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("draft.docx", WordDraft()) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("its text can no longer change, so nothing can be imported", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Null(page.QuerySelector("#import-text"));
        Assert.Single(await VersionsAsync(id));

        var again = await client.GetPageAsync($"/Statements/Manage/Import/{id}");
        Assert.Contains("nothing can be imported", again.QuerySelector("#import-closed")!.TextContent);
        Assert.Null(again.QuerySelector("#import-form"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Statements/Manage/Import/424242")).StatusCode);
    }
}
