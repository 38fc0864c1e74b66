using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>Publishing is irreversible, so the organiser publishes the list they saw: an endorsement added or
/// withdrawn between loading the page and pressing Publish is refused with how many changed, nothing is queued, and
/// the form comes back with the current list; publishing from it (or from the page reloaded) then works. As a plain
/// form and with htmx.</summary>
public class ChangedSignatoriesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    /// <summary>A late signature, written as the signing desk leaves it (the signing pages belong to another feature).</summary>
    private Task<(int Id, string Organisation)> EndorseAsync(int statementId) => app.WithDbAsync(async db =>
    {
        var model = await db.Endorsements.AsNoTracking().FirstAsync(e => e.StatementId == statementId);
        var organisation = new Organisation { FormalName = $"Late Ministry {Guid.NewGuid():N}"[..22], SortName = "Late Ministry", Sector = Sector.Government, CountryCode = "NO" };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var endorsement = new Endorsement
        {
            StatementId = statementId, OrganisationId = organisation.Id, StatementVersionId = model.StatementVersionId, ContentHash = model.ContentHash,
            SignerUserId = model.SignerUserId, PrintedName = "Late Minister", PrintedPosition = "Minister", SignedUtc = app.UtcNow,
        };
        db.Endorsements.Add(endorsement);
        await db.SaveChangesAsync();
        return (endorsement.Id, organisation.FormalName);
    });

    private Task WithdrawAsync(int statementId, int organisationId) => app.WithDbAsync(async db =>
    {
        var endorsement = await db.Endorsements.SingleAsync(e => e.StatementId == statementId && e.OrganisationId == organisationId && e.WithdrawnUtc == null);
        Assert.Null(endorsement.Withdraw("Changed its mind", endorsement.SignerUserId, app.UtcNow));
        await db.SaveChangesAsync();
    });

    private static IReadOnlyList<string> Listed(IHtmlDocument page) =>
        page.QuerySelectorAll("#signatories tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    private static string Hidden(IHtmlDocument page, string name) =>
        page.QuerySelector($"form#publish-form input[type=hidden][name={name}]")?.GetAttribute("value") ?? throw new Xunit.Sdk.XunitException($"No hidden {name}");

    private Task<string> QueuedSummaryAsync(int communiqueId) =>
        app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "communique.queued" && e.SubjectId == communiqueId.ToString()).Select(e => e.Summary).SingleAsync());

    [Fact]
    public async Task An_endorsement_added_after_the_page_was_loaded_is_shown_before_anything_is_published()
    {
        var closed = await app.ClosedStatementAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Communiques/Manage/{closed.StatementId}");
        Assert.Equal(closed.Organisations.Select(o => o.FormalName).Order(), Listed(page).Order());
        Assert.Equal("7", Hidden(page, "ShownCount"));
        Assert.Null(page.QuerySelector("#signatories-changed"));

        var (_, late) = await EndorseAsync(closed.StatementId);
        var (response, refused) = await organiser.SubmitAndFollowAsync(page, "form#publish-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(CommuniqueDesk.SignatoriesChanged(added: 1, withdrawn: 0, now: 8).ToString(), refused.Body!.TextContent);
        Assert.Contains("1 endorsement was added", refused.Body!.TextContent);
        Assert.Null(await app.CommuniqueOfAsync(closed.StatementId));
        Assert.Contains(late, Listed(refused));
        Assert.Equal(8, Listed(refused).Count);
        Assert.Equal("8", Hidden(refused, "ShownCount"));
        Assert.Contains("8 signatories", refused.QuerySelector("#signatories-changed")!.TextContent);

        // Publishing from the form shown again is the confirmation: the list it shows is the one published.
        var (_, after) = await organiser.SubmitAndFollowAsync(refused, "form#publish-form");
        Assert.Contains("queued", after.QuerySelector("#status")!.TextContent);
        var published = await app.WaitForCommuniqueAsync(closed.StatementId, c => c.Status == CommuniqueStatus.Published);
        Assert.Equal(8, published.SignatoryCount);
        Assert.Equal($"Communiqué of statement \"{closed.Title}\" queued for publication with 8 signatories", await QueuedSummaryAsync(published.Id));
    }

    [Fact]
    public async Task A_withdrawal_between_loading_and_publishing_is_refused_and_the_reloaded_page_publishes()
    {
        var closed = await app.ClosedStatementAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var url = $"/Communiques/Manage/{closed.StatementId}";
        var page = await organiser.GetPageAsync(url);
        var leaving = closed.Organisations[1];
        Assert.Contains(leaving.FormalName, Listed(page));

        await WithdrawAsync(closed.StatementId, leaving.Id);
        var (response, refused) = await organiser.SubmitAndFollowAsync(page, "form#publish-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(CommuniqueDesk.SignatoriesChanged(added: 0, withdrawn: 1, now: 6).ToString(), refused.Body!.TextContent);
        Assert.Contains("1 endorsement was withdrawn", refused.Body!.TextContent);
        Assert.Null(await app.CommuniqueOfAsync(closed.StatementId));
        Assert.DoesNotContain(leaving.FormalName, Listed(refused));
        Assert.Equal(6, Listed(refused).Count);

        // The same stale page pressed again is still refused; the page loaded again publishes.
        var (_, stale) = await organiser.SubmitAndFollowAsync(page, "form#publish-form");
        Assert.Contains("1 endorsement was withdrawn", stale.Body!.TextContent);
        Assert.Null(await app.CommuniqueOfAsync(closed.StatementId));
        var reloaded = await organiser.GetPageAsync(url);
        Assert.Null(reloaded.QuerySelector("#signatories-changed"));
        var (_, after) = await organiser.SubmitAndFollowAsync(reloaded, "form#publish-form");
        Assert.Contains("queued", after.QuerySelector("#status")!.TextContent);
        var published = await app.WaitForCommuniqueAsync(closed.StatementId, c => c.Status == CommuniqueStatus.Published);
        Assert.Equal(6, published.SignatoryCount);
    }

    [Fact]
    public async Task With_htmx_the_publish_block_comes_back_with_the_current_list_then_the_queued_status()
    {
        var closed = await app.ClosedStatementAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Communiques/Manage/{closed.StatementId}");
        var form = page.QuerySelector("form#publish-form")!;
        Assert.Equal(form.GetAttribute("action"), form.GetAttribute("hx-post"));
        Assert.Equal("#publish-block", form.GetAttribute("hx-target"));
        Assert.Equal("outerHTML", form.GetAttribute("hx-swap"));

        // One added and one withdrawn: the count is the same, the list is not.
        var (_, late) = await EndorseAsync(closed.StatementId);
        await WithdrawAsync(closed.StatementId, closed.Organisations[0].Id);
        organiser.Http.DefaultRequestHeaders.Add("HX-Request", "true");
        var response = await organiser.SubmitAsync(page, "form#publish-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadAsStringAsync()).Trim();
        Assert.StartsWith("<div id=\"publish-block\"", body);
        Assert.DoesNotContain("<html", body);
        var refused = await FormClient.ParseAsync(response, body);
        Assert.Contains(CommuniqueDesk.SignatoriesChanged(added: 1, withdrawn: 1, now: 7).ToString(), refused.Body!.TextContent);
        Assert.Contains("1 endorsement was added and 1 was withdrawn", refused.Body!.TextContent);
        Assert.Contains(late, Listed(refused));
        Assert.DoesNotContain(closed.Organisations[0].FormalName, Listed(refused));
        Assert.NotNull(refused.QuerySelector("#signatories-changed"));
        Assert.Null(await app.CommuniqueOfAsync(closed.StatementId));

        var confirmed = await organiser.SubmitAsync(refused, "form#publish-form");
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var status = await FormClient.ParseAsync(confirmed);
        Assert.Contains("queued", status.QuerySelector("#publish-block #status")!.TextContent);
        Assert.NotNull(status.QuerySelector("#publish-block #communique-status"));
        Assert.Null(status.QuerySelector("#publish"));
        var published = await app.WaitForCommuniqueAsync(closed.StatementId, c => c.Status == CommuniqueStatus.Published);
        Assert.Equal(7, published.SignatoryCount);
        Assert.Equal($"Communiqué of statement \"{closed.Title}\" queued for publication with 7 signatories", await QueuedSummaryAsync(published.Id));
    }
}
