using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>The organisers' statement pages, driven over HTTP as a browser without JavaScript (and htmx) would.</summary>
public class StatementPagesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<(FormClient Client, int StatementId)> NewStatementAsync(string title = "Statement of Action")
    {
        var summit = await app.CreateOpenSummitAsync();
        var client = await app.LoggedInClientAsync(Roles.Organiser);
        var index = await client.GetPageAsync($"/Statements/Manage/{summit.Id}");
        var (response, page) = await client.SubmitAndFollowAsync(index, "#statement-create", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(StatementKind.StatementOfAction),
            ["Input.Title"] = title,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = await app.WithDbAsync(db => db.Statements.Where(s => s.SummitId == summit.Id).Select(s => s.Id).SingleAsync());
        Assert.EndsWith($"/Statements/Manage/Edit/{id}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(title, page.QuerySelector("h1")!.TextContent);
        return (client, id);
    }

    private static async Task<IHtmlDocument> SaveAsync(FormClient client, int id, string text, string note = "First draft", IHtmlDocument? from = null)
    {
        from ??= await client.GetPageAsync($"/Statements/Manage/Edit/{id}");
        var (_, page) = await client.SubmitAndFollowAsync(from, "#text-form", new Dictionary<string, string>
        {
            ["Input.Text"] = text,
            ["Input.ChangeNote"] = note,
        });
        return page;
    }

    private Task<List<StatementVersion>> VersionsAsync(int id) =>
        app.WithDbAsync(db => db.StatementVersions.AsNoTracking().Where(v => v.StatementId == id).OrderBy(v => v.Number).ToListAsync());

    private static async Task<IHtmlDocument> MoveAsync(FormClient client, int id, StatementStatus to, IHtmlDocument? from = null)
    {
        from ??= await client.GetPageAsync($"/Statements/Manage/Edit/{id}");
        var (_, page) = await client.SubmitAndFollowAsync(from, "#status-form", new Dictionary<string, string> { ["to"] = to.ToString() });
        return page;
    }

    [Fact]
    public async Task An_organiser_creates_a_statement_and_it_is_listed()
    {
        var (client, id) = await NewStatementAsync("Call to Action 2026");
        var summitId = await app.WithDbAsync(db => db.Statements.Where(s => s.Id == id).Select(s => s.SummitId).SingleAsync());
        var index = await client.GetPageAsync($"/Statements/Manage/{summitId}");
        var row = index.QuerySelector($"#statement-{id}")!;
        Assert.Contains("Call to Action 2026", row.TextContent);
        Assert.Equal("Draft", row.QuerySelector(".statement-status")!.TextContent.Trim());
        Assert.Equal("none", row.QuerySelector(".statement-latest")!.TextContent.Trim());
        var summitPage = await client.GetPageAsync($"/Summits/Manage/Edit/{summitId}");
        Assert.Equal($"/Statements/Manage/{summitId}", summitPage.QuerySelector("#summit-registration-links #link-statements")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_list_is_the_breadcrumbs_current_page_not_a_link_to_itself_and_its_headings_do_not_repeat()
    {
        var (client, id) = await NewStatementAsync();
        var summitId = await app.WithDbAsync(db => db.Statements.Where(s => s.Id == id).Select(s => s.SummitId).SingleAsync());
        var index = await client.GetPageAsync($"/Statements/Manage/{summitId}");

        var last = index.QuerySelectorAll("nav .breadcrumb > li").Last();
        Assert.Equal("Statements", last.TextContent.Trim());
        Assert.Equal("page", last.GetAttribute("aria-current"));
        Assert.Null(last.QuerySelector("a"));
        Assert.Equal(["h1 Statements", "h2 Start a statement"],
            index.QuerySelectorAll("main h1, main h2, main h3").Select(h => $"{h.LocalName} {h.TextContent.Trim()}"));
        var table = index.GetElementById("statements")!;
        Assert.Equal("Statements", index.GetElementById(table.GetAttribute("aria-labelledby")!)!.TextContent.Trim());

        // A statement's own pages lead back to the list, and are not the list.
        var edit = await client.GetPageAsync($"/Statements/Manage/Edit/{id}");
        Assert.Equal($"/Statements/Manage/{summitId}", edit.QuerySelector("nav .breadcrumb > li:last-child > a#nav-statements")!.GetAttribute("href"));
        Assert.Null(edit.QuerySelector("nav .breadcrumb [aria-current]"));
    }

    [Fact]
    public async Task A_valid_text_becomes_version_1_with_the_hash_of_its_canonical_text()
    {
        var (client, id) = await NewStatementAsync();
        var typed = StatementExample.Canonical.Replace("\n", "  \r\n") + "\r\n\r\n";
        var page = await SaveAsync(client, id, typed, "First draft");

        var version = Assert.Single(await VersionsAsync(id));
        Assert.Equal(1, version.Number);
        Assert.Equal(StatementExample.Canonical, version.Text);
        Assert.Equal(StatementText.Hash(StatementText.Canonicalise(typed)), version.ContentHash);
        Assert.Equal(StatementExample.Hash, version.ContentHash);
        Assert.Equal("First draft", version.ChangeNote);
        Assert.Contains("Version 1 saved", page.QuerySelector("#status")!.TextContent);
        var row = page.QuerySelector("#version-1")!;
        Assert.Contains("First draft", row.TextContent);
        Assert.Equal(version.ContentHash, row.QuerySelector(".version-hash")!.GetAttribute("title"));
        Assert.Equal(StatementExample.Canonical, page.QuerySelector<IHtmlTextAreaElement>("#Input_Text")!.Value.Replace("\r\n", "\n"));
        var audited = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "statement.version-added" && e.SubjectId == id.ToString()
            && e.Summary.Contains(version.ContentHash.Substring(0, 12))));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task A_text_with_errors_lists_every_error_with_its_line_and_saves_nothing()
    {
        var (client, id) = await NewStatementAsync();
        const string bad = "Text before the title\n# Title\n\n## Pledges {audience=martians}\n\n1. **One**\n   a. First.\n1. **Three**\n";
        var expected = StatementParser.Parse(bad).Errors;
        Assert.True(expected.Count >= 3);

        var page = await SaveAsync(client, id, bad);
        var shown = page.QuerySelectorAll("#text-errors li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(expected.Select(e => $"Line {e.Line}: {e.Message}"), shown);
        Assert.Contains("Line 1:", shown[0]);
        Assert.Empty(await VersionsAsync(id));
        Assert.Equal(bad, page.QuerySelector<IHtmlTextAreaElement>("#Input_Text")!.Value.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Saving_the_same_text_again_creates_no_version()
    {
        var (client, id) = await NewStatementAsync();
        await SaveAsync(client, id, StatementExample.Canonical);
        var page = await SaveAsync(client, id, StatementExample.Canonical.Replace("\n", "\r\n"), "No change");
        Assert.Contains("same as the latest version", page.QuerySelector(".alert-danger")!.TextContent);
        Assert.Single(await VersionsAsync(id));

        await SaveAsync(client, id, StatementExample.Canonical.Replace("Fund services", "Fund lasting services"), "Lasting");
        Assert.Equal([1, 2], (await VersionsAsync(id)).Select(v => v.Number));
    }

    [Fact]
    public async Task A_final_statement_takes_no_new_version_even_from_a_forced_post()
    {
        var (client, id) = await NewStatementAsync();
        await SaveAsync(client, id, StatementExample.Canonical);
        var stale = await client.GetPageAsync($"/Statements/Manage/Edit/{id}");
        Assert.NotNull(stale.QuerySelector("#text-form"));

        var page = await MoveAsync(client, id, StatementStatus.Final);
        Assert.Equal("Final", page.QuerySelector("#statement-status")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#text-form"));
        Assert.Null(page.QuerySelector("#text-save"));
        Assert.NotNull(page.QuerySelector("#text-frozen"));
        var v1 = Assert.Single(await VersionsAsync(id));
        Assert.Equal(v1.Id, await app.WithDbAsync(db => db.Statements.Where(s => s.Id == id).Select(s => s.FinalVersionId).SingleAsync()));

        var forced = await SaveAsync(client, id, StatementExample.Canonical.Replace("Fund services", "Defund services"), "Sneaky", stale);
        Assert.Contains("can no longer change", forced.QuerySelector(".alert-danger")!.TextContent);
        Assert.Single(await VersionsAsync(id));
        // What was typed in the stale editor is not lost: it is shown to copy from.
        Assert.Contains("Defund services", forced.QuerySelector("#text-unsaved textarea")!.TextContent);
        Assert.Null(forced.QuerySelector("#text-form"));
    }

    [Theory]
    [InlineData(1_100_000)]             // over 1 MB: the parser's limit
    [InlineData(Web.Pages.Statements.Manage.EditModel.TextMaxLength + 1)]// over what the form takes at all
    [InlineData(5_000_000)]             // over the framework's default limit of a form value (4M characters)
    public async Task A_text_over_one_megabyte_is_refused_with_the_limit_in_words_and_the_saved_text_is_kept(int length)
    {
        var (client, id) = await NewStatementAsync();
        await SaveAsync(client, id, StatementExample.Canonical);
        var from = await client.GetPageAsync($"/Statements/Manage/Edit/{id}");
        var response = await client.SubmitAsync(from, "#text-form", new Dictionary<string, string>
        {
            ["Input.Text"] = StatementExample.Canonical + new string('x', length),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        var errors = page.QuerySelector(".alert-danger")!.TextContent;
        Assert.Contains("too long", errors);
        Assert.Contains("1 MB", errors);
        Assert.DoesNotContain("must be a string", errors);
        Assert.Single(await VersionsAsync(id));
    }

    [Fact]
    public async Task An_illegal_status_step_is_refused_with_a_message()
    {
        var (client, id) = await NewStatementAsync();
        var before = await client.GetPageAsync($"/Statements/Manage/Edit/{id}");
        Assert.Equal(["Consultation", "Final"], before.QuerySelectorAll("#status-form button[name=to]").Select(b => b.GetAttribute("value")!));

        var page = await MoveAsync(client, id, StatementStatus.Published, before);
        Assert.Contains("cannot move to “Published”", page.QuerySelector(".alert-danger")!.TextContent);
        // Final without a text is refused by the entity too.
        page = await MoveAsync(client, id, StatementStatus.Final);
        Assert.Contains("Write the text before finalising", page.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(StatementStatus.Draft, await app.WithDbAsync(db => db.Statements.Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));

        // So is consultation: delegates would be e-mailed a link to a text that does not exist.
        page = await MoveAsync(client, id, StatementStatus.Consultation);
        Assert.Contains("Write the text before opening it for consultation", page.QuerySelector(".alert-danger")!.TextContent);
        Assert.Null(page.QuerySelector(".alert-success"));
        Assert.Equal(StatementStatus.Draft, await app.WithDbAsync(db => db.Statements.Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == NotificationKinds.ConsultationOpened && n.SubjectId == id)));

        // A text of its own: the canonical text's hash is counted in the audit trail by another test.
        await SaveAsync(client, id, StatementExample.Canonical.Replace("Fund services", "Fund consulted services"));
        page = await MoveAsync(client, id, StatementStatus.Consultation);
        Assert.Equal("In consultation", page.QuerySelector("#statement-status")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_markdown_export_is_the_canonical_text_byte_for_byte()
    {
        var (client, id) = await NewStatementAsync();
        await SaveAsync(client, id, StatementExample.Canonical.Replace("\n", "\r\n"));
        var version = Assert.Single(await VersionsAsync(id));

        var response = await client.GetAsync($"/Statements/Manage/Edit/{id}?handler=Markdown&version=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetBytes(StatementExample.Canonical), bytes);
        Assert.Equal(version.ContentHash, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(version.ContentHash, Assert.Single(response.Headers.GetValues("X-Content-SHA256")));
        Assert.Contains(version.ContentHash[..12], response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);

        var html = await client.GetAsync($"/Statements/Manage/Edit/{id}?handler=Html&version=1");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.StartsWith("text/html", html.Content.Headers.ContentType!.ToString());
        var doc = await FormClient.ParseAsync(html);
        Assert.NotNull(doc.QuerySelector("[id='government-1.a']"));
        Assert.NotNull(doc.QuerySelector("[id='preamble-2']"));
        Assert.Contains("every child\u2019s privacy", doc.QuerySelector("[id='government-1.b']")!.TextContent);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Statements/Manage/Edit/{id}?handler=Markdown&version=7")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Statements/Manage/Edit/{id}?handler=Html&version=7")).StatusCode);
    }

    [Fact]
    public async Task Preview_renders_anchors_with_the_plain_form_and_with_htmx_and_encodes_text()
    {
        var (client, id) = await NewStatementAsync();
        var text = StatementExample.Canonical.Replace("It crosses borders.", "It crosses <script>borders</script>.");
        var edit = await client.GetPageAsync($"/Statements/Manage/Edit/{id}");

        // Plain form: the Preview button re-renders the page with the preview, and saves nothing.
        var (_, page) = await client.SubmitAndFollowAsync(edit, "#text-form", new Dictionary<string, string> { ["Input.Text"] = text }, submitter: "#text-preview");
        var preview = page.QuerySelector("#statement-preview")!;
        Assert.NotNull(preview.QuerySelector("[id='government-1']"));
        Assert.Equal("#government-2.a", preview.QuerySelector("[id='government-2.a'] a.statement-anchor")!.GetAttribute("href"));
        Assert.Null(preview.QuerySelector("script"));
        Assert.Contains("<script>borders</script>", preview.QuerySelector("[id='preamble-2']")!.TextContent);
        Assert.Empty(await VersionsAsync(id));

        // htmx: only the preview comes back.
        var token = edit.QuerySelector<IHtmlInputElement>("#text-form input[name=__RequestVerificationToken]")!.Value;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/Statements/Manage/Edit/{id}?handler=Preview")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Text"] = text }),
        };
        request.Headers.Add("HX-Request", "true");
        var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", body);
        Assert.DoesNotContain("text-form", body);
        Assert.Contains("id=\"government-1.a\"", body);
        Assert.Contains("&lt;script&gt;", body);

        // htmx with errors: the errors with their lines.
        request = new HttpRequestMessage(HttpMethod.Post, $"/Statements/Manage/Edit/{id}?handler=Preview")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Text"] = "# Title\n\n### Deep\n" }),
        };
        request.Headers.Add("HX-Request", "true");
        body = await (await client.Http.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("Line 3:", body);
        Assert.Empty(await VersionsAsync(id));
    }

    [Fact]
    public async Task A_signed_in_user_without_a_role_is_denied()
    {
        var (_, id) = await NewStatementAsync();
        var summitId = await app.WithDbAsync(db => db.Statements.Where(s => s.Id == id).Select(s => s.SummitId).SingleAsync());
        using var member = await app.LoggedInClientAsync();
        foreach (var url in new[] { $"/Statements/Manage/{summitId}", $"/Statements/Manage/Edit/{id}", $"/Statements/Manage/Edit/{id}?handler=Markdown&version=1" })
        {
            var response = await member.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied")),
                $"{url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Unknown_ids_are_404()
    {
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        foreach (var url in new[] { "/Statements/Manage/424242", "/Statements/Manage/Edit/424242",
                     "/Statements/Manage/Edit/424242?handler=Markdown&version=1", "/Statements/Manage/Edit/424242?handler=Html" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Compare_shows_deleted_and_inserted_words_with_both_change_notes()
    {
        var (client, id) = await NewStatementAsync();
        await SaveAsync(client, id, StatementExample.Canonical, "First draft");
        var changed = StatementExample.Canonical.Replace("Fund services that put", "Fund lasting services which put");
        var edit = await SaveAsync(client, id, changed, "Lasting services");
        Assert.Equal($"/Statements/Manage/Compare/{id}", edit.QuerySelector("#link-compare")!.GetAttribute("href"));

        var page = await client.GetPageAsync($"/Statements/Manage/Compare/{id}?from=1&to=2");
        var diff = page.QuerySelector("#diff")!;
        Assert.Equal(["that"], diff.QuerySelectorAll("del.diff-deleted").Select(d => d.TextContent.Trim()));
        Assert.Equal(["lasting", "which"], diff.QuerySelectorAll("ins.diff-inserted").Select(d => d.TextContent.Trim()));
        Assert.Null(page.QuerySelector("[style]"));
        var oldText = string.Concat(diff.ChildNodes.Where(n => n is not IElement { LocalName: "ins" }).Select(n => n.TextContent));
        var newText = string.Concat(diff.ChildNodes.Where(n => n is not IElement { LocalName: "del" }).Select(n => n.TextContent));
        Assert.Equal(StatementExample.Canonical, oldText.Replace("\r\n", "\n").TrimStart('\n'));
        Assert.Equal(changed, newText.Replace("\r\n", "\n").TrimStart('\n'));
        // By anchor: only the item whose words changed, with its own word diff.
        var parts = page.QuerySelectorAll("#diff-by-anchor tbody tr");
        var part = Assert.Single(parts);
        Assert.Equal("government-2.a", part.GetAttribute("data-anchor"));
        Assert.Equal("changed", part.QuerySelector(".part-change")!.TextContent);
        Assert.Equal(["that"], part.QuerySelectorAll("del").Select(d => d.TextContent.Trim()));
        Assert.Equal(["lasting", "which"], part.QuerySelectorAll("ins").Select(d => d.TextContent.Trim()));
        Assert.Contains("First draft", page.QuerySelector("#note-from")!.TextContent);
        Assert.Contains("Lasting services", page.QuerySelector("#note-to")!.TextContent);

        // Without from/to: the latest against the one before.
        var latest = await client.GetPageAsync($"/Statements/Manage/Compare/{id}");
        Assert.Contains("Lasting services", latest.QuerySelector("#note-to")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Statements/Manage/Compare/{id}?from=1&to=9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Statements/Manage/Compare/424242")).StatusCode);
    }

    [Fact]
    public async Task Compare_by_anchor_names_the_parts_added_and_removed()
    {
        var (client, id) = await NewStatementAsync();
        await SaveAsync(client, id, StatementExample.Canonical, "First draft");
        var changed = StatementExample.Canonical
            .Replace("- No country can end it alone.\n", "")
            .Replace("   b. Share what works, with data that protects every child\u2019s privacy.\n", "")
            + "3. **Hold platforms to account**\n   a. Publish transparency reports.\n";
        await SaveAsync(client, id, changed, "Shorter, with a third commitment");

        var page = await client.GetPageAsync($"/Statements/Manage/Compare/{id}?from=1&to=2");
        var rows = page.QuerySelectorAll("#diff-by-anchor tbody tr")
            .Select(r => (r.GetAttribute("data-anchor"), r.QuerySelector(".part-change")!.TextContent)).ToList();
        Assert.Equal([("preamble-2", "changed"), ("government-3", "added"), ("government-3.a", "added"), ("government-1.b", "removed")], rows);

        // The same version against itself: nothing differs.
        var same = await client.GetPageAsync($"/Statements/Manage/Compare/{id}?from=2&to=2");
        Assert.NotNull(same.QuerySelector("#diff-by-anchor-none"));
    }
}
