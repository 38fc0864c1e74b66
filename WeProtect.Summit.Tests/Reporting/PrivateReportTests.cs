using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>A member's choice of what is published of its report (figures and narratives, figures only, or nothing):
/// saved with the draft, frozen at submission, read by the organisers; a report kept private counts in the reporting
/// rate and appears nowhere else on the public pages, their charts or their downloads, as chosen at publication.</summary>
public class PrivateReportTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Status(IHtmlDocument page) => page.QuerySelector("#status")?.TextContent.Trim() ?? "";

    private static string? Checked(IHtmlDocument page) =>
        page.QuerySelectorAll("input[name='Input.Publication']").Cast<IHtmlInputElement>().SingleOrDefault(i => i.IsChecked)?.Value;

    private static (string Label, string Value)[] Bars(IHtmlDocument page, string chart) =>
        page.QuerySelectorAll($"svg#{chart} g.bar").Select(g => (g.GetAttribute("data-label")!, g.GetAttribute("data-value")!)).ToArray();

    [Fact]
    public async Task The_choice_is_saved_with_the_draft_frozen_at_submission_shown_to_the_organisers_and_carried_into_the_next_draft()
    {
        var organisation = await app.OrganisationAsync();
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var (_, focal, key) = await app.FocalPointAsync(organisation.Id);
        var url = ReportingData.ReportUrl(cycle.Id, organisation.Id);
        var form = await focal.GetPageAsync(url);
        Assert.Equal(nameof(ReportPublication.FiguresOnly), Checked(form));
        Assert.Equal(["Publish figures and narratives", "Publish figures only", "Keep this report private"],
            form.QuerySelectorAll("#publication label").Select(l => l.TextContent.Trim()));

        // Saved with the draft: the page read again shows it.
        var (_, saved) = await focal.SubmitAndFollowAsync(form, "form#report-form",
            ReportingData.Entry(0, CommitmentStatus.Achieved, "Secret words").With(new() { ["Input.Publication"] = nameof(ReportPublication.Private) }));
        Assert.Contains("Draft saved", Status(saved));
        Assert.Equal(nameof(ReportPublication.Private), Checked(saved));
        var draft = (await app.ReportsAsync(cycle.Id, organisation.Id)).Single();
        Assert.Equal((ProgressReportStatus.Draft, ReportPublication.Private), (draft.Status, draft.Publication));

        // A value that is no choice is refused with a message; the draft keeps its choice.
        var bad = await focal.SubmitAsync(saved, "form#report-form", new Dictionary<string, string> { ["Input.Publication"] = "7" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Choose what may be published of this report.", (await FormClient.ParseAsync(bad)).QuerySelector(".alert-danger")?.TextContent ?? "");
        Assert.Equal(ReportPublication.Private, (await app.ReportsAsync(cycle.Id, organisation.Id)).Single().Publication);

        // Submitted as the form shows it; the hash is the content's alone.
        var (_, done) = await focal.SubmitAndFollowAsync(await focal.GetPageAsync(url), "form#report-form",
            new Dictionary<string, string> { ["Input.Code"] = app.TotpCode(key!) }, submitter: "#submit");
        Assert.Contains("Submitted", Status(done));
        var submitted = (await app.ReportsAsync(cycle.Id, organisation.Id)).Single();
        Assert.Equal((ProgressReportStatus.Submitted, ReportPublication.Private), (submitted.Status, submitted.Publication));
        Assert.Equal(ReportHash.Of(cycle.Id, organisation.Id, 1, submitted.Entries), submitted.ContentHash);
        Assert.Equal("Keep this report private", done.QuerySelector("#submissions .publication")!.TextContent.Trim());
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "progress-report.submitted" && e.SubjectId == submitted.Id.ToString()).Select(e => e.Summary).SingleAsync());
        Assert.EndsWith("; the whole report is kept private", audit);

        // The organisers read it in full, and see the choice.
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var cyclePage = await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}");
        Assert.Equal("Keep this report private", cyclePage.QuerySelector($"#organisation-{organisation.Id} .publication")!.TextContent.Trim());
        var review = await organiser.GetPageAsync($"/Reporting/Manage/Review/{submitted.Id}");
        Assert.Equal("Keep this report private", review.QuerySelector("#publication")!.TextContent.Trim());
        Assert.Contains("Secret words", review.QuerySelector("#entries")!.TextContent);

        // A change starts the next draft with the same choice; choosing again there leaves the submission as it was.
        var (_, next) = await focal.SubmitAndFollowAsync(done, "form#report-form", ReportingData.Entry(0, CommitmentStatus.InProgress, "Secret words"));
        Assert.Contains("Draft saved", Status(next));
        Assert.Equal(nameof(ReportPublication.Private), Checked(next));
        await focal.SubmitAndFollowAsync(next, "form#report-form", new Dictionary<string, string> { ["Input.Publication"] = nameof(ReportPublication.FiguresAndNarratives) });
        var reports = await app.ReportsAsync(cycle.Id, organisation.Id);
        Assert.Equal([(1, ProgressReportStatus.Submitted, ReportPublication.Private), (2, ProgressReportStatus.Draft, ReportPublication.FiguresAndNarratives)],
            reports.Select(r => (r.Number, r.Status, r.Publication)));
    }

    /// <summary>Four governments asked: one publishes figures and narratives, one figures only, one keeps its report
    /// private (with a PDF), one does not report; then the cycle is published. Entry 0 is all-1.</summary>
    private async Task<(Data.Statements.Statement Statement, ReportingCycle Cycle, Organisation Open, Organisation FiguresOnly, Organisation Hidden, Organisation Silent)>
        PublishedAsync()
    {
        var open = await app.OrganisationAsync(Sector.Government);
        var figuresOnly = await app.OrganisationAsync(Sector.Government);
        var hidden = await app.OrganisationAsync(Sector.Government);
        var silent = await app.OrganisationAsync(Sector.Government);
        var statement = await app.PublishedStatementAsync([open, figuresOnly, hidden, silent]);
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddMinutes(30));
        foreach (var (organisation, publication, status, narrative) in new[]
                 {
                     (open, ReportPublication.FiguresAndNarratives, CommitmentStatus.Achieved, "Open words"),
                     (figuresOnly, ReportPublication.FiguresOnly, CommitmentStatus.InProgress, "Words for the secretariat"),
                     (hidden, ReportPublication.Private, CommitmentStatus.NotApplicable, "Secret words of the ministry"),
                 })
        {
            var (_, focal, key) = await app.FocalPointAsync(organisation.Id);
            var page = await focal.GetPageAsync(ReportingData.ReportUrl(cycle.Id, organisation.Id));
            if (organisation == hidden) (_, page) = await focal.AttachAsync(page, "evidence.pdf", ReportingData.Pdf($"Evidence {organisation.Id}"));
            var (_, done) = await focal.SubmitAndFollowAsync(page, "form#report-form", ReportingData.Entry(0, status, narrative)
                .With(new() { ["Input.Publication"] = publication.ToString(), ["Input.Code"] = app.TotpCode(key!) }), submitter: "#submit");
            Assert.Contains("Submitted", Status(done));
        }
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var (_, published) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}"), "form#publish-form");
        Assert.Contains("is published", Status(published));
        return (statement, cycle, open, figuresOnly, hidden, silent);
    }

    [Fact]
    public async Task A_report_kept_private_counts_as_reported_and_is_left_out_of_the_public_figures_charts_pages_and_downloads()
    {
        var (statement, cycle, open, figuresOnly, hidden, silent) = await PublishedAsync();
        var anonymous = app.CreateFormClient();

        // The cycle page: the rate counts it, says so, and the figures leave it out.
        var figures = await anonymous.GetPageAsync($"/Reporting/Progress/{cycle.Id}");
        Assert.Equal("3 of 4 organisations reported.", figures.QuerySelector("#rate")!.TextContent.Trim());
        Assert.Equal("1 report kept private by its members: counted as reported, but its statuses and narrative are not published.",
            figures.QuerySelector("#kept-private")!.TextContent.Trim());
        Assert.Equal([("Governments", "3")], Bars(figures, "rates-chart"));
        Assert.Equal(["Governments", "4", "3"], figures.QuerySelectorAll($"#rate-{Sector.Government} th, #rate-{Sector.Government} td").Select(c => c.TextContent.Trim()));
        Assert.Equal(["0", "1", "1", "0"], figures.QuerySelectorAll($"#commitment-{statement.Id}-all-1 td[data-status]").Select(td => td.TextContent));
        Assert.Equal("1", figures.QuerySelector($"#commitment-{statement.Id}-all-1 td.kept-private")!.TextContent);
        // Its other commitments were frozen as not started: not counted either (the two others' are).
        Assert.Equal(["2", "0", "0", "0"], figures.QuerySelectorAll($"#commitment-{statement.Id}-government-1 td[data-status]").Select(td => td.TextContent));
        Assert.NotNull(figures.QuerySelector($"#members a[href='/Reporting/Member/{hidden.Id}']"));

        // The commitment page: reported, counted apart, no status, no narrative.
        var commitment = await anonymous.GetPageAsync($"/Reporting/Commitment/{cycle.Id}/{statement.Id}/all-1");
        Assert.Equal("3 of 4 organisations asked to report on this commitment reported.", commitment.QuerySelector("#reported")!.TextContent.Trim());
        Assert.NotNull(commitment.QuerySelector("#kept-private"));
        var table = commitment.QuerySelectorAll("#statuses tr[data-status]").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent)).ToArray();
        Assert.Equal([("Not started", "0"), ("In progress", "1"), ("Achieved", "1"), ("Not applicable", "0")], table);
        Assert.Equal(table, Bars(commitment, "status-chart"));
        Assert.Equal("How many of the 2 organisations that published their figures on All members 1 give each status.", commitment.QuerySelector("#status-chart-desc")!.TextContent);
        Assert.NotNull(commitment.QuerySelector($"#narrative-{open.Id}"));
        Assert.Null(commitment.QuerySelector($"#narrative-{figuresOnly.Id}"));
        Assert.Null(commitment.QuerySelector($"#narrative-{hidden.Id}"));
        Assert.Contains("1 organisation reported without publishing its narrative", commitment.QuerySelector("#private")!.TextContent);

        // The member's page: reported, and nothing more (not even the hash, from which statuses alone could be guessed).
        var hash = (await app.ReportsAsync(cycle.Id, hidden.Id)).Single().ContentHash!;
        var member = await anonymous.GetPageAsync($"/Reporting/Member/{hidden.Id}");
        Assert.NotNull(member.QuerySelector($"#cycle-{cycle.Id} .reported-private"));
        Assert.Null(member.QuerySelector($"#cycle-{cycle.Id} .not-reported"));
        Assert.Empty(member.QuerySelectorAll($"#cycle-{cycle.Id} table, #cycle-{cycle.Id} .attachments"));
        Assert.DoesNotContain(hash, member.Body!.TextContent);
        Assert.Equal("In progress", (await anonymous.GetPageAsync($"/Reporting/Member/{figuresOnly.Id}")).QuerySelector($"#status-{cycle.Id}-{statement.Id}-all-1 td")!.TextContent);
        Assert.NotNull((await anonymous.GetPageAsync($"/Reporting/Member/{silent.Id}")).QuerySelector($"#cycle-{cycle.Id} .not-reported"));
        foreach (var page in new[] { figures, commitment, member }) Assert.DoesNotContain("Secret words", page.Body!.TextContent);

        // The downloads: "Reported" counts it, "Kept private" says how many, the statuses leave it out.
        var json = System.Text.Json.JsonSerializer.Deserialize<List<Dictionary<string, string>>>(
            await (await anonymous.GetAsync($"/Reporting/Progress/{cycle.Id}/Json")).Content.ReadAsStringAsync())!;
        var all1 = json.Single(r => r["Anchor"] == "all-1");
        Assert.Equal(("4", "3", "1", "0", "1", "1", "0"), (all1["Asked to report"], all1["Reported"], all1["Kept private"], all1["Not started"], all1["In progress"],
            all1["Achieved"], all1["Not applicable"]));
        foreach (var row in json)
            Assert.Equal(int.Parse(row["Reported"]), int.Parse(row["Kept private"]) + Enum.GetValues<CommitmentStatus>().Sum(s => int.Parse(row[Web.Reporting.ReportingView.Words(s)])));
        var csv = (await (await anonymous.GetAsync($"/Reporting/Progress/{cycle.Id}/Csv")).Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.Contains("Kept private", csv.Split("\r\n")[0]);
        Assert.DoesNotContain("Secret", csv);
        var xlsx = await anonymous.GetAsync($"/Reporting/Progress/{cycle.Id}/Xlsx");
        var sheet = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(json.Select(r => r["Kept private"]), sheet.Select(r => r["Kept private"]?.ToString()));
        Assert.Equal(json.Select(r => r["Not applicable"]), sheet.Select(r => r["Not applicable"]?.ToString()));

        // Its evidence is not public; the organisers get it, and read the report in full.
        var attachment = await app.WithDbAsync(db => db.ReportAttachments.AsNoTracking()
            .Where(a => db.ProgressReports.Any(r => r.Id == a.ReportId && r.CycleId == cycle.Id && r.OrganisationId == hidden.Id)).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Reporting/Attachment/{attachment}")).StatusCode);
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync($"/Reporting/Attachment/{attachment}")).StatusCode);
        var manage = await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}");
        Assert.Equal(["0", "1", "1", "1"], manage.QuerySelectorAll($"#commitment-{statement.Id}-all-1 td[data-status]").Select(td => td.TextContent));
        Assert.Contains("Secret words of the ministry", await (await organiser.GetAsync($"/Reporting/Manage/Cycle/{cycle.Id}/Csv")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_public_pages_obey_the_choice_recorded_at_publication_whatever_changes_in_the_reports_afterwards()
    {
        var (statement, cycle, open, _, hidden, _) = await PublishedAsync();
        var recorded = await app.WithDbAsync(db => db.PublishedReporters.AsNoTracking().Where(r => r.CycleId == cycle.Id)
            .ToDictionaryAsync(r => r.OrganisationId, r => r.Publication));
        Assert.Equal(ReportPublication.Private, recorded[hidden.Id]);
        Assert.Equal(ReportPublication.FiguresAndNarratives, recorded[open.Id]);
        var figures = await app.WithDbAsync(db => db.PublishedCommitments.AsNoTracking()
            .SingleAsync(c => c.CycleId == cycle.Id && c.StatementId == statement.Id && c.Anchor == "all-1"));
        Assert.Equal((1, 2, 3), (figures.Private, figures.Counted, figures.Reported));

        // Rows changed behind the app's back (no page can change a report after the deadline): the snapshot decides.
        await app.WithDbAsync(async db =>
        {
            await db.ProgressReports.Where(r => r.CycleId == cycle.Id && r.OrganisationId == hidden.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Publication, ReportPublication.FiguresAndNarratives));
            await db.ProgressReports.Where(r => r.CycleId == cycle.Id && r.OrganisationId == open.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Publication, ReportPublication.Private));
        });
        var anonymous = app.CreateFormClient();
        var commitment = await anonymous.GetPageAsync($"/Reporting/Commitment/{cycle.Id}/{statement.Id}/all-1?after-change");
        Assert.Null(commitment.QuerySelector($"#narrative-{hidden.Id}"));
        Assert.DoesNotContain("Secret words", commitment.Body!.TextContent);
        Assert.NotNull(commitment.QuerySelector($"#narrative-{open.Id}"));
        var member = await anonymous.GetPageAsync($"/Reporting/Member/{hidden.Id}?after-change");
        Assert.NotNull(member.QuerySelector($"#cycle-{cycle.Id} .reported-private"));
        Assert.DoesNotContain("Secret words", member.Body!.TextContent);
        Assert.NotNull((await anonymous.GetPageAsync($"/Reporting/Member/{open.Id}?after-change")).QuerySelector($"#status-{cycle.Id}-{statement.Id}-all-1"));
        var attachment = await app.WithDbAsync(db => db.ReportAttachments.AsNoTracking()
            .Where(a => db.ProgressReports.Any(r => r.Id == a.ReportId && r.CycleId == cycle.Id && r.OrganisationId == hidden.Id)).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Reporting/Attachment/{attachment}")).StatusCode);
    }
}
