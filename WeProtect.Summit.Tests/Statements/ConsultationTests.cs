using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>The consultation page: who may open it, comments and amendments on anchors, bad input, versions.</summary>
public class ConsultationTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Url(int statementId, string query = "") => $"/Statements/{statementId}/consult{query}";

    private Task<List<StatementComment>> CommentsAsync(int statementId) =>
        app.WithDbAsync(db => db.StatementComments.AsNoTracking().Where(c => c.StatementId == statementId).ToListAsync());

    private Task<List<Amendment>> AmendmentsAsync(int statementId) =>
        app.WithDbAsync(db => db.Amendments.AsNoTracking().Where(a => a.StatementId == statementId).ToListAsync());

    private static Task<(HttpResponseMessage Response, IHtmlDocument Page)> CommentAsync(FormClient client, IHtmlDocument page, string anchor, string text) =>
        client.SubmitAndFollowAsync(page, "#comment-form", new Dictionary<string, string> { ["Comment.Anchor"] = anchor, ["Comment.Text"] = text });

    private static Task<(HttpResponseMessage Response, IHtmlDocument Page)> ProposeAsync(FormClient client, IHtmlDocument page, string anchor, string wording) =>
        client.SubmitAndFollowAsync(page, "#amendment-form", new Dictionary<string, string> { ["Proposal.Anchor"] = anchor, ["Proposal.Wording"] = wording });

    [Fact]
    public async Task Approved_delegates_and_signatories_take_part_and_nobody_else_gets_in()
    {
        var (summitId, id) = await app.StatementAsync();
        var (member, _) = await app.DelegateAsync(summitId);
        var page = await member.GetPageAsync(Url(id));
        Assert.NotNull(page.QuerySelector("#comment-form"));
        Assert.NotNull(page.QuerySelector("#amendment-form"));
        Assert.NotNull(page.QuerySelector("#consult-text [id='government-1.b']"));

        var (signatory, _) = await app.SignatoryAsync();
        Assert.NotNull((await signatory.GetPageAsync(Url(id))).QuerySelector("#amendment-form"));

        var (pending, _) = await app.DelegateAsync(summitId, approve: false);
        Assert.True(ConsultationData.IsDenied(await pending.GetAsync(Url(id))));
        var (otherSummitId, _) = await app.StatementAsync();
        var (outsider, _) = await app.DelegateAsync(otherSummitId);
        Assert.True(ConsultationData.IsDenied(await outsider.GetAsync(Url(id))));
        var (revoked, _) = await app.SignatoryAsync(revoked: true);
        Assert.True(ConsultationData.IsDenied(await revoked.GetAsync(Url(id))));
        var anonymous = await app.CreateFormClient().GetAsync(Url(id));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString);

        // The approved delegate's comment is saved; the others could not even read the page.
        var saved = await member.SubmitAsync(page, "#comment-form", new Dictionary<string, string> { ["Comment.Anchor"] = "government-1", ["Comment.Text"] = "Hi" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Single(await CommentsAsync(id));
    }

    [Fact]
    public async Task A_too_long_wording_is_named_in_words_and_an_explanation_at_its_limit_as_the_browser_counts_it_is_taken()
    {
        var (summitId, id) = await app.StatementAsync();
        var (member, _) = await app.DelegateAsync(summitId);
        var page = await member.GetPageAsync(Url(id));
        var (_, refused) = await ProposeAsync(member, page, "government-1.b", new string('w', Amendment.WordingMaxLength + 1));
        var error = refused.QuerySelector("[data-valmsg-for='Proposal.Wording']")!.TextContent;
        Assert.Contains("New wording", error);
        Assert.DoesNotContain("Wording must", error);
        Assert.Empty(await AmendmentsAsync(id));

        // Line breaks are sent as "\r\n" but count as one character, as the browser's maxlength counts them.
        var lines = "Clearer.\r\nAnd shorter.\r\n";
        var explanation = lines + new string('e', Amendment.ReasonMaxLength - lines.Replace("\r\n", "\n").Length);
        var (_, proposed) = await member.SubmitAndFollowAsync(refused, "#amendment-form", new Dictionary<string, string>
        {
            ["Proposal.Anchor"] = "government-1.b", ["Proposal.Wording"] = "Share what works.", ["Proposal.Explanation"] = explanation,
        });
        Assert.Contains("is proposed", proposed.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(explanation.Replace("\r\n", "\n"), Assert.Single(await AmendmentsAsync(id)).Explanation);
    }

    [Fact]
    public async Task The_parts_of_the_text_are_listed_in_their_words_without_markdown_markers()
    {
        var (summitId, id) = await app.StatementAsync();
        var (member, _) = await app.DelegateAsync(summitId);
        var page = await member.GetPageAsync(Url(id));
        foreach (var form in new[] { "#comment-form", "#amendment-form" })
        {
            var options = page.QuerySelectorAll($"{form} select option").Select(o => o.TextContent).ToList();
            Assert.Contains("Government 1 — Strengthen cooperation", options);
            Assert.Contains("Government 2 — Support victims and survivors", options);
            Assert.DoesNotContain(options, o => o.Contains('*', StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Parts_and_audiences_are_named_in_words_with_the_anchor_kept_as_the_value_and_the_link()
    {
        var (summitId, id) = await app.StatementAsync(text: StatementExample.CallToAction2024);
        var (member, _) = await app.DelegateAsync(summitId);
        var page = await member.GetPageAsync(Url(id, "?anchor=private-sector-1.b"));

        var options = page.QuerySelectorAll("#comment-form select option").ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent);
        Assert.Equal("Private sector 1(b) — Detect, report and remove abuse material.", options["private-sector-1.b"]);
        Assert.Equal("Preamble, paragraph 2 — Our action rests on these shared principles:", options["preamble-2"]);
        Assert.StartsWith("Civil society 1 — Amplify survivors", options["civil-society-1"]);
        Assert.DoesNotContain(options.Values, o => o.Contains("private-sector", StringComparison.Ordinal) || o.Contains("preamble-", StringComparison.Ordinal));

        // The discussion of a part is headed by its name and links to its anchor.
        var heading = page.QuerySelector("#discuss-private-sector-1\\.b h3 a")!;
        Assert.Equal("Private sector 1(b)", heading.TextContent.Trim());
        Assert.Equal("#private-sector-1.b", heading.GetAttribute("href"));

        // Audience badges say the audience, not its key.
        var badges = page.QuerySelectorAll("#consult-text .badge").Select(b => b.TextContent.Trim()).ToList();
        Assert.Contains("Private sector", badges);
        Assert.Contains("Civil society", badges);
        Assert.DoesNotContain(badges, b => b.Contains('-', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Members_never_see_a_draft_and_organisers_see_without_forms()
    {
        var (summitId, id) = await app.StatementAsync(StatementStatus.Draft);
        var (member, _) = await app.DelegateAsync(summitId);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(Url(id))).StatusCode);
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync(Url(id));
        Assert.Null(page.QuerySelector("#comment-form"));
        Assert.NotNull(page.QuerySelector("#link-amendments"));
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync(Url(424242))).StatusCode);
    }

    [Fact]
    public async Task A_comment_is_listed_under_its_anchor_with_counts_in_the_margin()
    {
        var (summitId, id) = await app.StatementAsync();
        var (member, user) = await app.DelegateAsync(summitId, "Government of Albania " + Guid.NewGuid().ToString("N")[..4]);
        var page = await member.GetPageAsync(Url(id, "?anchor=government-1.b"));
        Assert.Equal("government-1.b", page.QuerySelector<IHtmlSelectElement>("#comment-form select")!.Value);

        var (_, after) = await CommentAsync(member, page, "government-1.b", "Say which data.");
        (_, after) = await CommentAsync(member, after, "government-1.b", "And who holds it.");
        (_, after) = await ProposeAsync(member, after, "government-1.b", "Share what works, with data that protects privacy.");

        Assert.Equal("2 comments · 1 amendment", after.QuerySelector("a.statement-margin[data-anchor='government-1.b']")!.TextContent.Trim());
        Assert.Equal("0 comments · 0 amendments", after.QuerySelector("a.statement-margin[data-anchor='government-2']")!.TextContent.Trim());
        Assert.Contains("anchor=government-1.b", after.QuerySelector("a.statement-margin[data-anchor='government-1.b']")!.GetAttribute("href"));
        var discussion = after.QuerySelector("#discuss-government-1\\.b")!;
        Assert.Equal(2, discussion.QuerySelectorAll("li.comment").Length);
        Assert.Contains(user.FullName, discussion.QuerySelector("li.comment")!.TextContent);
        Assert.Contains("Government of Albania", discussion.QuerySelector("li.comment")!.TextContent);
        Assert.Equal("awaiting the organisers' decision", discussion.QuerySelector("li.amendment .amendment-status")!.TextContent.Trim());
        var comments = await CommentsAsync(id);
        Assert.Equal(2, comments.Count);
        Assert.All(comments, c => Assert.Equal("government-1.b", c.Anchor));
    }

    [Fact]
    public async Task An_amendments_proposed_wording_is_shown_once_labelled_as_a_word_change()
    {
        var (summitId, id) = await app.StatementAsync();
        var (member, _) = await app.DelegateAsync(summitId);
        var page = await member.GetPageAsync(Url(id));
        var (_, after) = await ProposeAsync(member, page, "government-1.b", "Share what works, with data that protects privacy and safety.");

        var amendment = after.QuerySelector("#discuss-government-1\\.b li.amendment")!;
        var text = amendment.TextContent;
        Assert.Equal(1, (text.Length - text.Replace("safety", "", StringComparison.Ordinal).Length) / "safety".Length);
        var proposal = Assert.Single(amendment.QuerySelectorAll(".amendment-proposal"));
        Assert.Equal("Proposed wording", proposal.QuerySelector("figcaption")!.TextContent.Trim());
        Assert.Contains("safety", string.Concat(proposal.QuerySelectorAll(".amendment-diff ins").Select(i => i.TextContent)));
        Assert.NotEmpty(proposal.QuerySelectorAll(".amendment-diff del"));
    }

    [Theory]
    [InlineData("nope-1", "A remark", "not a part of version 1")]
    [InlineData("government-1", "", "Write your comment")]
    [InlineData("", "A remark", "Choose the part")]
    public async Task A_bad_comment_is_refused_in_the_page_and_nothing_is_saved(string anchor, string text, string message)
    {
        var (summitId, id) = await app.StatementAsync();
        var (member, _) = await app.DelegateAsync(summitId);
        var page = await member.GetPageAsync(Url(id));
        var (response, after) = await CommentAsync(member, page, anchor, text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, after.Body!.TextContent);
        Assert.Empty(await CommentsAsync(id));
    }

    [Fact]
    public async Task A_comment_that_is_too_long_or_on_a_closed_consultation_is_refused()
    {
        var (summitId, id) = await app.StatementAsync();
        var (member, _) = await app.DelegateAsync(summitId);
        var page = await member.GetPageAsync(Url(id));
        var (response, after) = await CommentAsync(member, page, "government-1", new string('x', StatementComment.TextMaxLength + 1));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(after.QuerySelector("[data-valmsg-for='Comment.Text']")!.TextContent.Trim());

        await app.WithDbAsync(async db =>
        {
            var s = await db.Statements.Include(x => x.Versions).SingleAsync(x => x.Id == id);
            Assert.Null(s.MoveTo(StatementStatus.Final));
            await db.SaveChangesAsync();
        });
        (response, after) = await CommentAsync(member, page, "government-1", "Late remark");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not under consultation", after.QuerySelector(".alert-danger")!.TextContent);
        Assert.Empty(await CommentsAsync(id));
    }

    [Theory]
    [InlineData("government-1.b", "", "Write the new wording")]
    [InlineData("government-1.b", "One.\n\nTwo.", "one paragraph")]
    [InlineData("preamble-1", "# Another title", "break the statement's format")]
    [InlineData("government-9", "Anything", "not a part of version 1")]
    public async Task A_bad_amendment_is_refused_in_the_page_and_nothing_is_saved(string anchor, string wording, string message)
    {
        var (summitId, id) = await app.StatementAsync();
        var (member, _) = await app.DelegateAsync(summitId);
        var page = await member.GetPageAsync(Url(id));
        var (response, after) = await ProposeAsync(member, page, anchor, wording);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, after.Body!.TextContent);
        Assert.Empty(await AmendmentsAsync(id));
    }

    [Fact]
    public async Task An_amendment_on_a_text_that_moved_on_is_refused_but_a_comment_stays_with_the_version_read()
    {
        var (summitId, id) = await app.StatementAsync();
        var (member, _) = await app.DelegateAsync(summitId);
        var page = await member.GetPageAsync(Url(id));
        await app.AddVersionAsync(id, StatementExample.Canonical.Replace("Fund services", "Fund and staff services"));

        var (_, after) = await ProposeAsync(member, page, "government-1.a", "Work together across borders.");
        Assert.Contains("now version 2", after.QuerySelector(".alert-danger")!.TextContent);
        Assert.Empty(await AmendmentsAsync(id));

        (_, after) = await CommentAsync(member, page, "government-1.a", "On the first text.");
        Assert.Contains("saved on version 1", after.QuerySelector("[role=status]")!.TextContent);
        var comment = Assert.Single(await CommentsAsync(id));
        var v1 = await app.WithDbAsync(db => db.StatementVersions.Where(v => v.StatementId == id && v.Number == 1).Select(v => v.Id).SingleAsync());
        Assert.Equal(v1, comment.StatementVersionId);

        // The current text has no comments; version 1 keeps its own.
        var current = await member.GetPageAsync(Url(id));
        Assert.Empty(current.QuerySelectorAll("li.comment"));
        Assert.Equal("0 comments · 0 amendments", current.QuerySelector("a.statement-margin[data-anchor='government-1.a']")!.TextContent.Trim());
        var old = await member.GetPageAsync(Url(id, "?version=1"));
        Assert.NotNull(old.QuerySelector("#older-version"));
        Assert.Contains("On the first text.", old.QuerySelector("#discuss-government-1\\.a li.comment")!.TextContent);
        Assert.Equal("1 comment · 0 amendments", old.QuerySelector("a.statement-margin[data-anchor='government-1.a']")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(Url(id, "?version=9"))).StatusCode);
    }

    [Fact]
    public async Task An_approved_delegates_registration_links_to_the_consultation_and_never_to_a_draft()
    {
        var (summitId, id) = await app.StatementAsync();
        var draftId = await app.WithDbAsync(async db =>
        {
            var draft = new Statement { SummitId = summitId, Kind = StatementKind.Communique, Title = "Secret draft", CreatedUtc = app.UtcNow };
            db.Statements.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });
        var (member, user) = await app.DelegateAsync(summitId);
        var registrationId = await app.WithDbAsync(db => db.Registrations.Where(r => r.UserId == user.Id).Select(r => r.Id).SingleAsync());
        var page = await member.GetPageAsync($"/Registration/Details/{registrationId}");
        Assert.Equal(Url(id), page.QuerySelector($"#summit-statement-{id} a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector($"#summit-statement-{draftId}"));
        Assert.DoesNotContain("Secret draft", page.Body!.TextContent);
    }
}
