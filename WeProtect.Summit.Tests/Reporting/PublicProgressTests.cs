using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>The public side of a published cycle: charts whose numbers equal their tables and the counts made here,
/// a page per commitment and per member, narratives only with the member's consent, and downloads equal to the page.</summary>
public class PublicProgressTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Status(IHtmlDocument page) => page.QuerySelector("[role=status]")?.TextContent.Trim() ?? "";

    private async Task SubmitAsync(Organisation organisation, ReportingCycle cycle, bool consent, params (int Index, CommitmentStatus Status, string Narrative)[] entries)
    {
        var (_, focal, key) = await app.FocalPointAsync(organisation.Id);
        var values = new Dictionary<string, string> { ["Input.Code"] = app.TotpCode(key!) };
        foreach (var (index, status, narrative) in entries) values.With(ReportingData.Entry(index, status, narrative));
        if (consent) values["Input.Publication"] = nameof(ReportPublication.FiguresAndNarratives);
        var (_, done) = await focal.SubmitAndFollowAsync(await focal.GetPageAsync(ReportingData.ReportUrl(cycle.Id, organisation.Id)), "form#report-form", values,
            submitter: "#submit");
        Assert.Contains("Submitted", Status(done));
        var report = (await app.ReportsAsync(cycle.Id, organisation.Id)).Single();
        Assert.Equal(consent, report.NarrativesPublic);
    }

    private static (string Label, string Value)[] Bars(IHtmlDocument page, string chart) =>
        page.QuerySelectorAll($"svg#{chart} g.bar").Select(g => (g.GetAttribute("data-label")!, g.GetAttribute("data-value")!)).ToArray();

    [Fact]
    public async Task Commitment_and_member_pages_show_counts_with_charts_and_narratives_only_where_members_consented()
    {
        var consenting = await app.OrganisationAsync(Sector.Government);
        var discreet = await app.OrganisationAsync(Sector.Government);
        var silent = await app.OrganisationAsync(Sector.CivilSociety);
        var statement = await app.PublishedStatementAsync([consenting, discreet, silent]);
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddMinutes(30));
        // Entry 0 is all-1 for everyone (the form lists the commitments in the text's order).
        await SubmitAsync(consenting, cycle, consent: true, (0, CommitmentStatus.Achieved, "We trained **40** officers"));
        await SubmitAsync(discreet, cycle, consent: false, (0, CommitmentStatus.InProgress, "Private words of the ministry"));

        var anonymous = app.CreateFormClient();
        var commitmentUrl = $"/Reporting/Commitment/{cycle.Id}/{statement.Id}/all-1";
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(commitmentUrl)).StatusCode);
        Assert.Null((await anonymous.GetPageAsync($"/Reporting/Member/{consenting.Id}")).QuerySelector($"#cycle-{cycle.Id}"));

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var (_, published) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}"), "form#publish-form");
        Assert.Contains("is published", Status(published));

        var figures = await anonymous.GetPageAsync($"/Reporting/Progress/{cycle.Id}");
        var chart = figures.QuerySelector("svg#rates-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal("Reporting rate by sector", chart.QuerySelector("title")!.TextContent);
        Assert.Equal([("Governments", "2"), ("Civil society", "0")], Bars(figures, "rates-chart"));
        Assert.Contains("2 of 2", chart.TextContent);
        Assert.Equal(["Governments", "2", "2"], figures.QuerySelectorAll($"#rate-{Sector.Government} th, #rate-{Sector.Government} td").Select(c => c.TextContent.Trim()));
        Assert.NotNull(figures.QuerySelector($"#members a[href='/Reporting/Member/{silent.Id}']"));
        Assert.DoesNotContain("officers", figures.Body!.TextContent);

        var commitment = await anonymous.GetPageAsync(figures.QuerySelector($"#commitment-{statement.Id}-all-1 a")!.GetAttribute("href")!);
        Assert.Equal(commitmentUrl, commitment.Location.PathName);
        Assert.Equal("2 of 3 organisations asked to report on this commitment reported.", commitment.QuerySelector("#reported")!.TextContent.Trim());
        var table = commitment.QuerySelectorAll("#statuses tr[data-status]").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent)).ToArray();
        Assert.Equal([("Not started", "0"), ("In progress", "1"), ("Achieved", "1"), ("Not applicable", "0")], table);
        Assert.Equal(table, Bars(commitment, "status-chart"));
        Assert.Equal("40", commitment.QuerySelector($"#narrative-{consenting.Id} strong")!.TextContent);
        Assert.Null(commitment.QuerySelector($"#narrative-{discreet.Id}"));
        Assert.DoesNotContain("Private words", commitment.Body!.TextContent);
        Assert.Contains("1 organisation reported without publishing its narrative", commitment.QuerySelector("#private")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Reporting/Commitment/{cycle.Id}/{statement.Id}/no-such-anchor")).StatusCode);

        var member = await anonymous.GetPageAsync($"/Reporting/Member/{consenting.Id}");
        Assert.Equal("Achieved", member.QuerySelector($"#status-{cycle.Id}-{statement.Id}-all-1 td")!.TextContent);
        Assert.Contains("40", member.QuerySelector($"#status-{cycle.Id}-{statement.Id}-all-1")!.TextContent);
        var private_ = await anonymous.GetPageAsync($"/Reporting/Member/{discreet.Id}");
        Assert.Equal("In progress", private_.QuerySelector($"#status-{cycle.Id}-{statement.Id}-all-1 td")!.TextContent);
        Assert.DoesNotContain("Private words", private_.Body!.TextContent);
        var absent = await anonymous.GetPageAsync($"/Reporting/Member/{silent.Id}");
        Assert.NotNull(absent.QuerySelector($"#cycle-{cycle.Id} .not-reported"));
    }

    [Fact]
    public async Task The_public_downloads_carry_the_figures_of_the_page_and_no_narrative()
    {
        var a = await app.OrganisationAsync(Sector.Government);
        var b = await app.OrganisationAsync(Sector.Government);
        var statement = await app.PublishedStatementAsync([a, b]);
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddMinutes(30));
        await SubmitAsync(a, cycle, consent: true, (0, CommitmentStatus.Achieved, "=HYPERLINK(\"https://evil.example\")"), (2, CommitmentStatus.NotApplicable, ""));
        await SubmitAsync(b, cycle, consent: true, (0, CommitmentStatus.Achieved, ""));
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateFormClient().GetAsync($"/Reporting/Progress/{cycle.Id}/Csv")).StatusCode);
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}"), "form#publish-form");

        var anonymous = app.CreateFormClient();
        var page = await anonymous.GetPageAsync($"/Reporting/Progress/{cycle.Id}");
        var statuses = Enum.GetValues<CommitmentStatus>();
        var onPage = ReportingData.GovernmentAnchors.ToDictionary(anchor => anchor, anchor => statuses.Select(s =>
            page.QuerySelector($"#commitment-{statement.Id}-{anchor.Replace(".", "\\.")} td[data-status={s}]")!.TextContent).ToArray());
        Assert.Equal(["0", "0", "2", "0"], onPage["all-1"]);
        Assert.Equal(["1", "0", "0", "1"], onPage["government-1"]); // b left it out: frozen as not started

        var json = System.Text.Json.JsonSerializer.Deserialize<List<Dictionary<string, string>>>(
            await (await anonymous.GetAsync($"/Reporting/Progress/{cycle.Id}/Json")).Content.ReadAsStringAsync())!;
        Assert.Equal(ReportingData.GovernmentAnchors, json.Select(r => r["Anchor"]));
        foreach (var row in json)
        {
            Assert.Equal(onPage[row["Anchor"]], statuses.Select(s => row[Web.Reporting.ReportingView.Words(s)]).ToArray());
            Assert.Equal("2", row["Asked to report"]);
        }

        var csv = await anonymous.GetAsync($"/Reporting/Progress/{cycle.Id}/Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.DoesNotContain("HYPERLINK", text);
        var xlsx = await anonymous.GetAsync($"/Reporting/Progress/{cycle.Id}/Xlsx");
        var sheet = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(json.Select(r => r["Achieved"]), sheet.Select(r => r["Achieved"]?.ToString()));
        Assert.Equal(json.Count, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }
}
