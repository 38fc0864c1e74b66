using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Tests.Signing;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>The reporting pages name each commitment as its statement prints it ("Government 1(a)"), in the reader's
/// language, never by its anchor ("government-1.a"), which stays in ids, addresses and form values; where a cycle mixes
/// statements each commitment says its statement's title. The downloads keep the anchor as their key and add the part's
/// name. In Arabic, the titles typed in Latin script are isolated.</summary>
public class CommitmentPartNamesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Status(IHtmlDocument page) => page.QuerySelector("#status")?.TextContent.Trim() ?? "";

    /// <summary>No anchor in what a reader sees: the page's text and its title.</summary>
    private static void ShowsNoAnchor(IHtmlDocument page)
    {
        var seen = page.QuerySelector("main")!.TextContent + " " + page.Title;
        Assert.All(ReportingData.GovernmentAnchors, anchor => Assert.DoesNotContain(anchor, seen));
    }

    private static IEnumerable<string> Texts(IHtmlDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(e => e.TextContent.Trim());

    private static async Task<List<Dictionary<string, string>>> JsonAsync(FormClient client, string url) =>
        System.Text.Json.JsonSerializer.Deserialize<List<Dictionary<string, string>>>(await (await client.GetAsync(url)).Content.ReadAsStringAsync())!;

    [Fact]
    public async Task Every_reporting_page_names_each_commitment_as_its_statement_prints_it_and_shows_no_anchor()
    {
        var ministry = await app.OrganisationAsync(Sector.Government);
        var statement = await app.PublishedStatementAsync([ministry]);
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddMinutes(30));
        var (_, focal, key) = await app.FocalPointAsync(ministry.Id);

        var form = await focal.GetPageAsync(ReportingData.ReportUrl(cycle.Id, ministry.Id));
        Assert.Equal(ReportingData.GovernmentParts, Texts(form, "fieldset legend .part-name"));
        Assert.Equal(ReportingData.GovernmentAnchors, form.QuerySelectorAll("fieldset input[name$='.Anchor']").Select(i => i.GetAttribute("value")));
        Assert.Empty(form.QuerySelectorAll("fieldset legend .statement-title")); // one statement: its title would only repeat
        ShowsNoAnchor(form);
        var (_, done) = await focal.SubmitAndFollowAsync(form, "form#report-form",
            ReportingData.Entry(2, CommitmentStatus.Achieved, "A law is passed").With(new() { ["Input.Code"] = app.TotpCode(key!) }), submitter: "#submit");
        Assert.Contains("Submitted", Status(done));
        ShowsNoAnchor(done);

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var cyclePage = await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}");
        Assert.Equal("Part", cyclePage.QuerySelector("#commitments thead th")!.TextContent.Trim());
        Assert.Equal(ReportingData.GovernmentParts, Texts(cyclePage, "#commitments td.part-name"));
        ShowsNoAnchor(cyclePage);

        var report = (await app.ReportsAsync(cycle.Id, ministry.Id)).Single();
        var review = await organiser.GetPageAsync($"/Reporting/Manage/Review/{report.Id}");
        Assert.Equal(ReportingData.GovernmentParts, Texts(review, "#entries .part-name"));
        Assert.Equal("A law is passed", review.QuerySelector($"tr[id='entry-{statement.Id}-government-1'] td:nth-of-type(2)")!.TextContent.Trim());
        ShowsNoAnchor(review);

        // The download keeps the anchor, its key, and names the part beside it (in English, as its other words).
        var rows = await JsonAsync(organiser, $"/Reporting/Manage/Cycle/{cycle.Id}/Json");
        Assert.Equal(ReportingData.GovernmentAnchors, rows.Select(r => r["Anchor"]));
        Assert.Equal(ReportingData.GovernmentParts, rows.Select(r => r["Part"]));

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var (_, published) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}"), "form#publish-form");
        Assert.Contains("is published", Status(published));

        using var visitor = app.CreateFormClient();
        var progress = await visitor.GetPageAsync($"/Reporting/Progress/{cycle.Id}");
        Assert.Equal(ReportingData.GovernmentParts, Texts(progress, "#commitments tbody th a"));
        Assert.Equal($"/Reporting/Commitment/{cycle.Id}/{statement.Id}/government-1.a",
            progress.QuerySelector($"tr[id='commitment-{statement.Id}-government-1.a'] th a")!.GetAttribute("href"));
        ShowsNoAnchor(progress);
        var figures = await JsonAsync(visitor, $"/Reporting/Progress/{cycle.Id}/Json");
        Assert.Equal(ReportingData.GovernmentAnchors, figures.Select(r => r["Anchor"]));
        Assert.Equal(ReportingData.GovernmentParts, figures.Select(r => r["Part"]));

        var commitment = await visitor.GetPageAsync($"/Reporting/Commitment/{cycle.Id}/{statement.Id}/government-1");
        Assert.Equal("Government 1", commitment.QuerySelector("#part-name")!.TextContent);
        Assert.Equal(statement.Title, commitment.QuerySelector("h1 #statement-title")!.TextContent);
        Assert.StartsWith($"Government 1: {cycle.Title}", commitment.Title);
        Assert.Equal("Status reported on Government 1", commitment.QuerySelector("svg#status-chart title")!.TextContent);
        ShowsNoAnchor(commitment);

        var member = await visitor.GetPageAsync($"/Reporting/Member/{ministry.Id}");
        Assert.Equal(ReportingData.GovernmentParts, Texts(member, $"#cycle-{cycle.Id} tbody th a"));
        Assert.Equal("Achieved", member.QuerySelector($"tr[id='status-{cycle.Id}-{statement.Id}-government-1'] td")!.TextContent);
        ShowsNoAnchor(member);
    }

    [Fact]
    public async Task The_review_lists_the_parts_in_reading_order_ten_after_nine()
    {
        var ministry = await app.OrganisationAsync(Sector.Government);
        var text = "# Ten commitments\n\nWe agree.\n\n## All members commit to {audience=all}\n\n" +
            string.Concat(Enumerable.Range(1, 11).Select(n => $"{n}. Commitment number {n}.\n"));
        var statement = await app.PublishedStatementAsync([ministry], text);
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddMinutes(30));
        var (_, focal, key) = await app.FocalPointAsync(ministry.Id);
        var form = await focal.GetPageAsync(ReportingData.ReportUrl(cycle.Id, ministry.Id));
        await focal.SubmitAndFollowAsync(form, "form#report-form",
            ReportingData.Entry(0, CommitmentStatus.Achieved, "Done").With(new() { ["Input.Code"] = app.TotpCode(key!) }), submitter: "#submit");

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var report = (await app.ReportsAsync(cycle.Id, ministry.Id)).Single();
        var review = await organiser.GetPageAsync($"/Reporting/Manage/Review/{report.Id}");
        Assert.Equal(Enumerable.Range(1, 11).Select(n => $"All members {n}"), Texts(review, "#entries .part-name"));
    }

    [Fact]
    public async Task Where_a_cycle_mixes_statements_each_commitment_says_its_statements_title()
    {
        var ministry = await app.OrganisationAsync(Sector.Government);
        var first = await app.PublishedStatementAsync([ministry]);
        var second = await app.PublishedStatementAsync([ministry], SigningData.TextForGovernments);
        var cycle = await app.CycleAsync(first.SummitId, [first.Id, second.Id]);
        var (_, focal, _) = await app.FocalPointAsync(ministry.Id, twoFactor: false);

        var form = await focal.GetPageAsync(ReportingData.ReportUrl(cycle.Id, ministry.Id));
        var legend = (int statementId, string anchor) => form.QuerySelector($"fieldset[id='entry-{statementId}-{anchor}'] legend")!;
        Assert.Equal("Government 1(a)", legend(second.Id, "government-1.a").QuerySelector(".part-name")!.TextContent);
        Assert.Equal(second.Title, legend(second.Id, "government-1.a").QuerySelector(".statement-title")!.TextContent);
        Assert.Equal("Government 1(a)", legend(first.Id, "government-1.a").QuerySelector(".part-name")!.TextContent);
        Assert.Equal(first.Title, legend(first.Id, "government-1.a").QuerySelector(".statement-title")!.TextContent);
        ShowsNoAnchor(form);
    }

    [Fact]
    public async Task In_Arabic_the_parts_are_named_in_Arabic_and_the_titles_typed_in_Latin_script_are_isolated()
    {
        var ministry = await app.OrganisationAsync(Sector.Government);
        var statement = await app.PublishedStatementAsync([ministry]);
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddMinutes(30));
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        using (var scope = app.Services.CreateScope())
        {
            var published = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().PublishAsync(cycle.Id, new AuditActor(null, "Test organiser"));
            Assert.True(published.Succeeded, published.Message);
        }
        using var visitor = LocalizedAppFactory.Speaking(app.CreateFormClient(), "ar");

        var progress = await visitor.GetPageAsync($"/Reporting/Progress/{cycle.Id}");
        Assert.Equal("rtl", progress.DocumentElement.GetAttribute("dir"));
        Assert.Equal("BDI", progress.QuerySelector("h1 #cycle-title")!.TagName);
        Assert.Equal(cycle.Title, progress.QuerySelector("h1 #cycle-title")!.TextContent);
        Assert.Equal([statement.Title], progress.QuerySelectorAll("#endorsed bdi.statement-title").Select(b => b.TextContent));
        Assert.Contains(ministry.FormalName, progress.QuerySelectorAll("#members bdi").Select(b => b.TextContent));
        Assert.Equal(["جميع الأعضاء 1", "جميع الأعضاء 1(a)", "حكومة 1", "حكومة 1(a)"], Texts(progress, "#commitments tbody th a"));
        ShowsNoAnchor(progress);

        var commitment = await visitor.GetPageAsync($"/Reporting/Commitment/{cycle.Id}/{statement.Id}/all-1");
        Assert.Equal("BDI", commitment.QuerySelector("h1 #statement-title")!.TagName);
        Assert.Equal(cycle.Title, commitment.QuerySelector("#back bdi")!.TextContent);
        ShowsNoAnchor(commitment);
    }
}
