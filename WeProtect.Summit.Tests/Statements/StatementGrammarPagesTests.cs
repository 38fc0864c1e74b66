using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>The grammar as the organiser meets it on the edit page: every error of a pasted text at once, and warnings
/// that never block a save, shown beside the editor and on the finalise step.</summary>
public class StatementGrammarPagesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<(FormClient Client, int StatementId)> NewStatementAsync()
    {
        var summit = await app.CreateOpenSummitAsync();
        var client = await app.LoggedInClientAsync(Roles.Organiser);
        var index = await client.GetPageAsync($"/Statements/Manage/{summit.Id}");
        var (response, _) = await client.SubmitAndFollowAsync(index, "#statement-create", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(StatementKind.StatementOfAction),
            ["Input.Title"] = "Joint Statement",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (client, await app.WithDbAsync(db => db.Statements.Where(s => s.SummitId == summit.Id).Select(s => s.Id).SingleAsync()));
    }

    private static async Task<IHtmlDocument> SaveAsync(FormClient client, int id, string text)
    {
        var from = await client.GetPageAsync($"/Statements/Manage/Edit/{id}");
        var (_, page) = await client.SubmitAndFollowAsync(from, "#text-form", new Dictionary<string, string>
        {
            ["Input.Text"] = text,
            ["Input.ChangeNote"] = "Pasted",
        });
        return page;
    }

    /// <summary>Raw text pasted as it came from an e-mail: no title, an unmarked heading, a lettered item on its own,
    /// a duplicate number, a marker without an audience on the title, a deeper heading.</summary>
    private const string Raw = """
        Joint Statement of Governments

        We, the governments, recognise the threat.

        ## Our commitments

        1. Strengthen laws.
        1. Fund specialist units.

        a. An item without a commitment.

        {commitments}
        - Share data.

        ### Annex
        """;

    [Fact]
    public async Task A_pasted_text_with_many_errors_lists_every_one_in_line_order_and_saves_nothing()
    {
        var (client, id) = await NewStatementAsync();
        var expected = StatementParser.Parse(Raw).Errors;
        Assert.True(expected.Count >= 5, string.Join("\n", expected));
        Assert.Equal(expected.OrderBy(e => e.Line).Select(e => e.Line), expected.Select(e => e.Line));

        var page = await SaveAsync(client, id, Raw);
        var shown = page.QuerySelectorAll("#text-errors li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(expected.Select(e => e.ToString()), shown);
        Assert.Contains("Line 1: The statement has no title", shown[0]);
        Assert.Contains(shown, s => s.StartsWith("Line 5: This section heading does not say who it is for", StringComparison.Ordinal));
        Assert.Contains(shown, s => s.StartsWith("Line 8: Commitment number 1 is used twice", StringComparison.Ordinal));
        Assert.Contains(shown, s => s.StartsWith("Line 10: The lettered item “a.” is not inside a commitment", StringComparison.Ordinal));
        Assert.Contains(shown, s => s.StartsWith("Line 12: {commitments} takes the audience of the whole statement", StringComparison.Ordinal));
        Assert.Contains(shown, s => s.StartsWith("Line 15: A heading with 3 # signs", StringComparison.Ordinal));
        Assert.Contains($"{expected.Count} errors; nothing was saved", page.QuerySelector("#text-errors")!.TextContent);
        Assert.Empty(await app.WithDbAsync(db => db.StatementVersions.Where(v => v.StatementId == id).ToListAsync()));
    }

    private const string WithWarnings = """
        # Joint Statement of Governments {audience=government}

        We, the governments, recognise the threat.

        {commitments}
        In support of this, we commit to:

        1. Strengthen laws.
        3. Fund specialist units.
        4. Fund specialist units.
        """;

    [Fact]
    public async Task A_text_with_warnings_is_saved_and_its_warnings_are_shown_once_beside_the_editor_and_not_once_final()
    {
        var (client, id) = await NewStatementAsync();
        var warnings = StatementParser.Parse(WithWarnings).Warnings;
        Assert.Equal([9, 10], warnings.Select(w => w.Line));

        var page = await SaveAsync(client, id, WithWarnings);
        Assert.Null(page.QuerySelector("#text-errors"));
        var version = Assert.Single(await app.WithDbAsync(db => db.StatementVersions.Where(v => v.StatementId == id).ToListAsync()));
        Assert.Equal(StatementParser.Parse(WithWarnings).Hash, version.ContentHash);

        // Once, where the text is edited: not again on the status (finalise) step nor in the preview of the same text.
        string[] expected = [.. warnings.Select(w => w.ToString())];
        Assert.Equal(expected, page.QuerySelectorAll("#text-warnings li").Select(li => li.TextContent.Trim()));
        Assert.Contains("Commitment number 3 skips 2", page.QuerySelector("#text-warnings")!.TextContent);
        Assert.Contains("identical to government-3", page.QuerySelector("#text-warnings")!.TextContent);
        Assert.Single(page.QuerySelectorAll(".text-warnings"));
        Assert.Equal(expected.Length, page.QuerySelectorAll(".text-warnings li").Length);
        Assert.NotNull(page.QuerySelector("#move-Final"));

        // Never blocking: the text becomes final with its warnings, which are then no longer asked to be checked.
        var from = await client.GetPageAsync($"/Statements/Manage/Edit/{id}");
        var (_, final) = await client.SubmitAndFollowAsync(from, "#status-form", new Dictionary<string, string> { ["to"] = nameof(StatementStatus.Final) });
        Assert.Equal("Final", final.QuerySelector("#statement-status")!.TextContent.Trim());
        Assert.Empty(final.QuerySelectorAll(".text-warnings"));
        Assert.DoesNotContain("before it is final", final.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_without_warnings_shows_none()
    {
        var (client, id) = await NewStatementAsync();
        var page = await SaveAsync(client, id, WithWarnings.Replace("3. Fund", "2. Fund").Replace("4. Fund specialist units.", "3. Train teachers."));
        Assert.Null(page.QuerySelector("#text-warnings"));
        Assert.Empty(page.QuerySelectorAll(".text-warnings"));
        Assert.NotNull(page.QuerySelector("[id='government-3']"));
    }
}
