using AngleSharp.Html.Dom;
using AngleSharp.Dom;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>Organisers accept (a new version crediting the proposer's organisation) or reject (with a reason)
/// amendments; the proposer is e-mailed; two organisers deciding at once apply the wording once.</summary>
public class AmendmentDecisionTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Url(int statementId) => $"/Statements/Manage/Amendments/{statementId}";

    /// <summary>A statement in consultation with one amendment proposed through the page by a delegate.</summary>
    private async Task<(int StatementId, Amendment Amendment, Data.Accounts.SummitUser Proposer, string Organisation)> ProposedAsync(
        string anchor = "government-1.b", string wording = "Share what works, with data that protects **privacy**.")
    {
        var (summitId, id) = await app.StatementAsync();
        var organisation = "Government of Albania " + Guid.NewGuid().ToString("N")[..6];
        var (member, user) = await app.DelegateAsync(summitId, organisation);
        var page = await member.GetPageAsync($"/Statements/{id}/consult");
        var (_, after) = await member.SubmitAndFollowAsync(page, "#amendment-form", new Dictionary<string, string>
        {
            ["Proposal.Anchor"] = anchor, ["Proposal.Wording"] = wording, ["Proposal.Explanation"] = "Clearer.",
        });
        Assert.Contains("is proposed", after.QuerySelector("[role=status]")!.TextContent);
        var amendment = await app.WithDbAsync(db => db.Amendments.AsNoTracking().SingleAsync(a => a.StatementId == id));
        // Every member sees what the proposal would change, word by word.
        Assert.NotEmpty(after.QuerySelectorAll($"#amendment-{amendment.Id} .amendment-diff ins, #amendment-{amendment.Id} .amendment-diff del"));
        return (id, amendment, user, organisation);
    }

    private Task<List<StatementVersion>> VersionsAsync(int id) =>
        app.WithDbAsync(db => db.StatementVersions.AsNoTracking().Where(v => v.StatementId == id).OrderBy(v => v.Number).ToListAsync());

    private Task<Amendment> ReloadAsync(int amendmentId) =>
        app.WithDbAsync(db => db.Amendments.AsNoTracking().SingleAsync(a => a.Id == amendmentId));

    [Fact]
    public async Task Accepting_makes_a_new_version_with_the_wording_credits_the_organisation_and_tells_the_proposer()
    {
        var (id, amendment, proposer, organisation) = await ProposedAsync();
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync(Url(id));
        Assert.Contains("Clearer.", page.QuerySelector($"#amendment-{amendment.Id}")!.TextContent);
        Assert.NotNull(page.QuerySelector($"#amendment-{amendment.Id} .amendment-wording strong"));
        // The change against the words it replaces, word by word.
        var diff = page.QuerySelector($"#amendment-{amendment.Id} .amendment-diff")!;
        var deleted = string.Concat(diff.QuerySelectorAll("del").Select(d => d.TextContent));
        Assert.Contains("every", deleted);
        Assert.Contains("child", deleted);
        Assert.Contains("**privacy**", string.Concat(diff.QuerySelectorAll("ins").Select(d => d.TextContent)));
        Assert.StartsWith("Share what works, with data that protects", diff.TextContent.Trim());

        var summitId = await app.WithDbAsync(db => db.Statements.Where(s => s.Id == id).Select(s => s.SummitId).SingleAsync());
        var index = await organiser.GetPageAsync($"/Statements/Manage/{summitId}");
        Assert.Equal("1", index.QuerySelector($"#statement-{id} .statement-pending a")!.TextContent.Trim());

        var (_, after) = await organiser.SubmitAndFollowAsync(page, $"#accept-{amendment.Id}");
        Assert.Contains("version 2", after.QuerySelector("[role=status]")!.TextContent);
        var versions = await VersionsAsync(id);
        Assert.Equal(2, versions.Count);
        Assert.Contains("   b. Share what works, with data that protects **privacy**.\n", versions[1].Text);
        Assert.Equal($"Amendment #{amendment.Id} by {organisation} accepted: government-1.b", versions[1].ChangeNote);
        Assert.Equal(StatementText.Hash(versions[1].Text), versions[1].ContentHash);
        var decided = await ReloadAsync(amendment.Id);
        Assert.Equal(AmendmentStatus.Accepted, decided.Status);
        Assert.Equal(versions[1].Id, decided.ResultingVersionId);
        Assert.Contains("accepted: version 2", after.QuerySelector($"#decided-{amendment.Id}")!.TextContent);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "amendment.accepted" && e.SubjectId == amendment.Id.ToString())));

        var mail = await app.WaitForMailAsync(m => m.To.ToString().Contains(proposer.Email!) && (m.Subject ?? "").Contains($"Amendment #{amendment.Id} accepted"));
        Assert.Contains("Version 2", mail.TextBody);
        Assert.Contains($"/Statements/{id}/consult?version=2&anchor=government-1.b", mail.TextBody);

        // The compare page shows the change with the crediting note.
        var compare = await organiser.GetPageAsync($"/Statements/Manage/Compare/{id}");
        Assert.Contains("**privacy**", compare.Body!.TextContent);
        Assert.Contains(organisation, compare.Body!.TextContent);
    }

    [Fact]
    public async Task A_proposal_is_shown_once_as_its_change_labelled_for_screen_readers_with_the_whole_wording_on_request()
    {
        var (id, amendment, _, _) = await ProposedAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync(Url(id));
        var card = page.QuerySelector($"#amendment-{amendment.Id}")!;
        // The part by its name, not its anchor.
        Assert.Equal($"Amendment #{amendment.Id} · Government 1(b) · on version 1", card.QuerySelector("h3")!.TextContent.Trim());
        Assert.DoesNotContain("government-1.b", card.TextContent);
        // One view of the change: the diff; its runs say "removed" and "added" in words, not by their marks alone.
        var diff = Assert.Single(card.QuerySelectorAll(".amendment-diff"));
        // (site.css writes data-before / data-after as visually hidden generated text: read aloud, not copied.)
        Assert.NotEmpty(diff.QuerySelectorAll("del"));
        Assert.NotEmpty(diff.QuerySelectorAll("ins"));
        Assert.All(diff.QuerySelectorAll("del"), d => Assert.Equal(("Removed:", "End of removed words."), (d.GetAttribute("data-before"), d.GetAttribute("data-after"))));
        Assert.All(diff.QuerySelectorAll("ins"), i => Assert.Equal(("Added:", "End of added words."), (i.GetAttribute("data-before"), i.GetAttribute("data-after"))));
        Assert.NotNull(page.QuerySelector("#diff-legend"));
        // The wording whole, folded away: the only other place it is shown.
        var details = Assert.Single(card.QuerySelectorAll("details.amendment-full"));
        Assert.Null(details.GetAttribute("open"));
        Assert.Equal("Full proposed wording", details.QuerySelector("summary")!.TextContent.Trim());
        Assert.Equal("Share what works, with data that protects privacy.", details.QuerySelector(".amendment-wording")!.TextContent.Trim());
        Assert.Single(card.QuerySelectorAll(".amendment-wording"));
        Assert.Equal("Explanation: Clearer.", card.QuerySelector(".amendment-explanation")!.TextContent.Trim());
        // The way back says where it leads.
        Assert.Equal(("Statement page", $"/Statements/Manage/Edit/{id}"), (page.QuerySelector("#link-statement")!.TextContent.Trim(), page.QuerySelector("#link-statement")!.GetAttribute("href")));
        Assert.Equal("Consultation (comments and amendments)", page.QuerySelector("#link-consult")!.TextContent.Trim());
        // What the page offered before is still there.
        Assert.NotNull(card.QuerySelector($"#accept-{amendment.Id} button"));
        Assert.NotNull(card.QuerySelector($"#reject-{amendment.Id} textarea[name=reason]"));

        // Decided, the part is named in the table too.
        var (_, after) = await organiser.SubmitAndFollowAsync(page, $"#accept-{amendment.Id}");
        Assert.Equal("Government 1(b)", after.QuerySelector($"#decided-{amendment.Id} .amendment-part")!.TextContent.Trim());
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_tells_the_proposer_why()
    {
        var (id, amendment, proposer, _) = await ProposedAsync();
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync(Url(id));
        var (response, after) = await organiser.SubmitAndFollowAsync(page, $"#reject-{amendment.Id}", new Dictionary<string, string> { ["reason"] = "  " });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the proposer a reason", after.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(AmendmentStatus.Pending, (await ReloadAsync(amendment.Id)).Status);

        // Too long: refused, and the reason stays in its field to shorten.
        var tooLong = "Privacy is covered in 2.a." + new string('x', Amendment.ReasonMaxLength);
        (_, after) = await organiser.SubmitAndFollowAsync(after, $"#reject-{amendment.Id}", new Dictionary<string, string> { ["reason"] = tooLong });
        Assert.Contains($"longer than {Amendment.ReasonMaxLength}", after.QuerySelector($"#reason-error-{amendment.Id}")!.TextContent);
        Assert.Equal(tooLong, after.QuerySelector<IHtmlTextAreaElement>($"#reason-{amendment.Id}")!.Value);
        Assert.Equal("true", after.QuerySelector($"#reason-{amendment.Id}")!.GetAttribute("aria-invalid"));
        Assert.Equal(AmendmentStatus.Pending, (await ReloadAsync(amendment.Id)).Status);

        // At the limit as the browser counts it (a line break is one character, though sent as two): taken, with "\n" breaks.
        var lines = "Privacy is covered in 2.a.\r\nSee also 1.b.\r\n";
        var reason = lines + new string('y', Amendment.ReasonMaxLength - lines.Replace("\r\n", "\n").Length);
        (_, after) = await organiser.SubmitAndFollowAsync(after, $"#reject-{amendment.Id}", new Dictionary<string, string> { ["reason"] = reason });
        Assert.Contains("rejected", after.QuerySelector("[role=status]")!.TextContent);
        var decided = await ReloadAsync(amendment.Id);
        Assert.Equal((AmendmentStatus.Rejected, reason.Replace("\r\n", "\n")), (decided.Status, decided.RejectionReason));
        Assert.Single(await VersionsAsync(id));
        var mail = await app.WaitForMailAsync(m => m.To.ToString().Contains(proposer.Email!) && (m.Subject ?? "").Contains("not accepted"));
        Assert.Contains("Privacy is covered in 2.a.", mail.TextBody);
        Assert.Contains($"/Statements/{id}/consult?version=1&anchor=", mail.TextBody);

        // The member sees the decision and its reason next to the text.
        var member = await app.LogInAsync(proposer);
        var consult = await member.GetPageAsync($"/Statements/{id}/consult");
        Assert.Equal("rejected by the organisers", consult.QuerySelector($"#amendment-{amendment.Id} .amendment-status")!.TextContent.Trim());
        Assert.Contains("Privacy is covered", consult.QuerySelector($"#amendment-{amendment.Id} .amendment-reason")!.TextContent);
    }

    [Fact]
    public async Task Making_the_text_final_with_an_amendment_pending_asks_for_a_reason_and_rejects_it_with_that_reason()
    {
        var (id, amendment, proposer, _) = await ProposedAsync();
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var edit = await organiser.GetPageAsync($"/Statements/Manage/Edit/{id}");
        var warning = edit.QuerySelector("#pending-amendments-warning")!;
        Assert.Contains("1 amendment is still pending", warning.TextContent);
        Assert.Equal($"/Statements/Manage/Amendments/{id}", warning.QuerySelector("#link-pending-amendments")!.GetAttribute("href"));
        Assert.Equal("The text became final before this amendment was decided.", edit.QuerySelector<IHtmlTextAreaElement>("#pending-reason")!.Value.Trim());

        // Without a reason (a page opened before the amendment came, or the field emptied): refused, nothing moves.
        var (response, refused) = await organiser.SubmitAndFollowAsync(edit, "#status-form", new Dictionary<string, string> { ["pendingReason"] = " " },
            submitter: "#move-Final");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 amendment is still pending", refused.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(StatementStatus.Consultation, await app.WithDbAsync(db => db.Statements.Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));
        Assert.Equal(AmendmentStatus.Pending, (await ReloadAsync(amendment.Id)).Status);

        var reason = "Overtaken by the final negotiations in plenary.";
        (_, var final) = await organiser.SubmitAndFollowAsync(refused, "#status-form", new Dictionary<string, string> { ["pendingReason"] = reason },
            submitter: "#move-Final");
        Assert.Contains("1 pending amendment was rejected with your reason", final.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("Final", final.QuerySelector("#statement-status")!.TextContent.Trim());
        Assert.Null(final.QuerySelector("#pending-amendments-warning"));
        var decided = await ReloadAsync(amendment.Id);
        Assert.Equal((AmendmentStatus.Rejected, reason), (decided.Status, decided.RejectionReason));
        Assert.Equal(["amendment.proposed", "amendment.rejected"], await app.AuditActionsAsync(nameof(Amendment), amendment.Id));
        var mail = await app.WaitForMailAsync(m => m.To.ToString().Contains(proposer.Email!) && (m.Subject ?? "").Contains("not accepted"));
        Assert.Contains(reason, mail.TextBody);
        // The final text is the text as it stood: the amendment's wording is not in it.
        Assert.Single(await VersionsAsync(id));
    }

    [Fact]
    public async Task Two_organisers_accepting_at_once_make_exactly_one_new_version()
    {
        var (id, amendment, _, _) = await ProposedAsync();
        var first = await app.LoggedInClientAsync(Roles.Organiser);
        var second = await app.LoggedInClientAsync(Roles.Organiser);
        var (page1, page2) = (await first.GetPageAsync(Url(id)), await second.GetPageAsync(Url(id)));
        var responses = await Task.WhenAll(
            Task.Run(() => first.SubmitAsync(page1, $"#accept-{amendment.Id}")),
            Task.Run(() => second.SubmitAsync(page2, $"#accept-{amendment.Id}")));
        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode}"));
        Assert.Equal(2, (await VersionsAsync(id)).Count);
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var refused = await FormClient.ParseAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Contains("Someone else changed", refused.QuerySelector(".alert-danger")!.TextContent);

        // A stale page cannot decide again either.
        var (response, again) = await first.SubmitAndFollowAsync(page1, $"#reject-{amendment.Id}", new Dictionary<string, string> { ["reason"] = "Too late" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(again.QuerySelector(".alert-danger"));
        Assert.Equal(AmendmentStatus.Accepted, (await ReloadAsync(amendment.Id)).Status);
    }

    [Fact]
    public async Task An_editor_opened_before_an_amendment_was_accepted_cannot_undo_it_and_keeps_what_was_typed()
    {
        var (id, amendment, _, _) = await ProposedAsync();
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var editor = await organiser.GetPageAsync($"/Statements/Manage/Edit/{id}");
        Assert.Equal("1", editor.QuerySelector<IHtmlInputElement>("#text-form input[name='Input.BasedOn']")!.Value);
        var decisions = await organiser.GetPageAsync(Url(id));
        await organiser.SubmitAndFollowAsync(decisions, $"#accept-{amendment.Id}");
        Assert.Equal(2, (await VersionsAsync(id)).Count);

        // The editor still holds version 1: saved as it is, it would drop the accepted wording.
        var typed = StatementExample.Canonical.Replace("Fund services", "Fund lasting services");
        var (response, page) = await organiser.SubmitAndFollowAsync(editor, "#text-form", new Dictionary<string, string>
        {
            ["Input.Text"] = typed, ["Input.ChangeNote"] = "Lasting",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Version 2 was saved by", page.QuerySelector(".alert-danger")!.TextContent);
        var versions = await VersionsAsync(id);
        Assert.Equal(2, versions.Count);
        Assert.Contains("**privacy**", versions[1].Text);
        // What was typed is kept apart; the editor now holds version 2, edited from it.
        Assert.Equal(typed, page.QuerySelector<IHtmlTextAreaElement>("#text-unsaved textarea")!.Value);
        Assert.True(page.QuerySelector<IHtmlTextAreaElement>("#text-unsaved textarea")!.IsReadOnly);
        Assert.Equal(versions[1].Text, page.QuerySelector<IHtmlTextAreaElement>("#text-form textarea")!.Value);
        Assert.Equal("2", page.QuerySelector<IHtmlInputElement>("#text-form input[name='Input.BasedOn']")!.Value);
        Assert.Equal("Lasting", page.QuerySelector<IHtmlInputElement>("#text-form input[name='Input.ChangeNote']")!.Value);

        // The change copied into the current text is saved, with the amendment.
        (response, page) = await organiser.SubmitAndFollowAsync(page, "#text-form", new Dictionary<string, string>
        {
            ["Input.Text"] = versions[1].Text.Replace("Fund services", "Fund lasting services"),
        });
        Assert.Contains("Version 3 saved", page.QuerySelector("[role=status]")!.TextContent);
        var latest = (await VersionsAsync(id)).Last();
        Assert.Equal(3, latest.Number);
        Assert.Contains("**privacy**", latest.Text);
        Assert.Contains("Fund lasting services", latest.Text);
        Assert.Null(page.QuerySelector("#text-unsaved"));
    }

    [Fact]
    public async Task Two_organisers_saving_the_text_at_once_make_one_version_and_the_other_keeps_what_they_typed()
    {
        var (_, id) = await app.StatementAsync();
        var first = await app.LoggedInClientAsync(Roles.Organiser);
        var second = await app.LoggedInClientAsync(Roles.Organiser);
        var (page1, page2) = (await first.GetPageAsync($"/Statements/Manage/Edit/{id}"), await second.GetPageAsync($"/Statements/Manage/Edit/{id}"));
        string Edited(string words) => StatementExample.Canonical.Replace("Fund services", words);
        var responses = await Task.WhenAll(
            Task.Run(() => first.SubmitAsync(page1, "#text-form", new Dictionary<string, string> { ["Input.Text"] = Edited("Fund first services") })),
            Task.Run(() => second.SubmitAsync(page2, "#text-form", new Dictionary<string, string> { ["Input.Text"] = Edited("Fund second services") })));
        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode}"));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var versions = await VersionsAsync(id);
        Assert.Equal(2, versions.Count);
        var refused = await FormClient.ParseAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        Assert.NotNull(refused.QuerySelector(".alert-danger"));
        var kept = refused.QuerySelector<IHtmlTextAreaElement>("#text-unsaved textarea")!.Value;
        Assert.Contains(kept.Contains("first") ? "Fund first services" : "Fund second services", kept);
        Assert.DoesNotContain(kept.Contains("first") ? "Fund first services" : "Fund second services", versions[1].Text);
        Assert.Equal(versions[1].Text, refused.QuerySelector<IHtmlTextAreaElement>("#text-form textarea")!.Value);
    }

    [Fact]
    public async Task Two_different_amendments_accepted_at_once_each_make_their_own_version_or_are_refused()
    {
        var (summitId, id) = await app.StatementAsync();
        var wordings = new Dictionary<string, string> { ["government-1.a"] = "Work together across borders.", ["government-2.a"] = "Fund survivor-led services." };
        foreach (var (anchor, wording) in wordings)
        {
            var (member, _) = await app.DelegateAsync(summitId);
            var consult = await member.GetPageAsync($"/Statements/{id}/consult");
            await member.SubmitAndFollowAsync(consult, "#amendment-form", new Dictionary<string, string> { ["Proposal.Anchor"] = anchor, ["Proposal.Wording"] = wording });
        }
        var amendments = await app.WithDbAsync(db => db.Amendments.AsNoTracking().Where(a => a.StatementId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, amendments.Count);
        var first = await app.LoggedInClientAsync(Roles.Organiser);
        var second = await app.LoggedInClientAsync(Roles.Organiser);
        var (page1, page2) = (await first.GetPageAsync(Url(id)), await second.GetPageAsync(Url(id)));
        var responses = await Task.WhenAll(
            Task.Run(() => first.SubmitAsync(page1, $"#accept-{amendments[0].Id}")),
            Task.Run(() => second.SubmitAsync(page2, $"#accept-{amendments[1].Id}")));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)r.StatusCode}"));
        var versions = await VersionsAsync(id);
        Assert.Equal(1 + responses.Count(r => r.StatusCode == HttpStatusCode.Redirect), versions.Count);
        Assert.Equal(Enumerable.Range(1, versions.Count), versions.Select(v => v.Number));
        foreach (var a in amendments)
        {
            var now = await ReloadAsync(a.Id);
            if (now.Status == AmendmentStatus.Accepted)
                Assert.Contains(wordings[a.Anchor], versions.Single(v => v.Id == now.ResultingVersionId).Text);
            else Assert.Equal(AmendmentStatus.Pending, now.Status);
        }
        // Every wording accepted is in the latest text: a later acceptance never drops an earlier one.
        foreach (var a in amendments.Where(a => versions.Any(v => v.ChangeNote.StartsWith($"Amendment #{a.Id} "))))
            Assert.Contains(wordings[a.Anchor], versions[^1].Text);
    }

    [Fact]
    public async Task An_amendment_whose_words_changed_since_it_was_proposed_is_refused_and_the_text_is_untouched()
    {
        var (id, amendment, _, _) = await ProposedAsync("government-2.a", "Fund survivor-led services.");
        // Someone else's wording for the same part is accepted first.
        await app.AddVersionAsync(id, StatementExample.Canonical.Replace("Fund services that put survivors at the centre.",
            "Fund services that survivors design."));
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var (response, after) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync(Url(id)), $"#accept-{amendment.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("the words at government-2.a changed since it was proposed", after.QuerySelector(".alert-danger")!.TextContent);
        var versions = await VersionsAsync(id);
        Assert.Equal(2, versions.Count);
        Assert.Contains("Fund services that survivors design.", versions[^1].Text);
        Assert.Equal(AmendmentStatus.Pending, (await ReloadAsync(amendment.Id)).Status);
    }

    [Fact]
    public async Task An_amendment_whose_anchor_vanished_from_the_latest_version_is_refused_with_a_reason()
    {
        var (id, amendment, _, _) = await ProposedAsync("government-2.a", "Fund survivor-led services.");
        await app.AddVersionAsync(id, StatementExample.Canonical.Replace("2. **Support victims and survivors**\n   a. Fund services that put survivors at the centre.\n",
            "2. **Support victims and survivors**\n"));
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync(Url(id));
        var (response, after) = await organiser.SubmitAndFollowAsync(page, $"#accept-{amendment.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("“government-2.a” is not a part of this version", after.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(2, (await VersionsAsync(id)).Count);
        Assert.Equal(AmendmentStatus.Pending, (await ReloadAsync(amendment.Id)).Status);
    }

    [Fact]
    public async Task Delegates_cannot_open_the_decisions_page_and_unknown_ids_are_404()
    {
        var (summitId, id) = await app.StatementAsync();
        var (member, _) = await app.DelegateAsync(summitId);
        Assert.True(ConsultationData.IsDenied(await member.GetAsync(Url(id))));
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync(Url(424242))).StatusCode);
        var edit = await organiser.GetPageAsync($"/Statements/Manage/Edit/{id}");
        Assert.Equal(Url(id), edit.QuerySelector("#link-amendments")!.GetAttribute("href"));
        Assert.Equal($"/Statements/{id}/consult", edit.QuerySelector("#link-consult")!.GetAttribute("href"));
    }
}
