using System.Globalization;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Tests.Signing;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>An organisation that leaves the Alliance mid-cycle (its endorsement of the standing statement ends with its
/// membership): a report it submitted before leaving stays in the cycle (organisers' page, published figures, public
/// page); one that had not submitted drops out. Having left, it drafts and submits nothing more in the cycle: its
/// report page says so, and a form left open from before is refused.</summary>
public class LeavingMidCycleTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static readonly AuditActor Organiser = new(null, "Test organiser");

    [Fact]
    public async Task A_report_submitted_before_leaving_stays_in_the_cycle_and_its_figures_and_an_unsubmitted_one_drops_out()
    {
        var (standing, final) = await app.StandingStatementAsync();
        var reporter = await app.OrganisationAsync(Sector.Government);
        var silent = await app.OrganisationAsync(Sector.Government);
        var stays = await app.OrganisationAsync(Sector.Government);
        using (var scope = app.Services.CreateScope())
        {
            var membership = scope.ServiceProvider.GetRequiredService<MembershipDesk>();
            foreach (var o in new[] { reporter, silent, stays })
                Assert.True((await membership.JoinAsync(o.Id, new DateOnly(2019, 12, 11), Organiser)).Succeeded);
        }
        foreach (var o in new[] { reporter, silent, stays }) await app.EndorseAsync(standing, final, o);
        var cycle = await app.CycleAsync(standing.SummitId, [standing.Id], app.UtcNow.AddMinutes(30));

        var focal = await app.CreateUserAsync(fullName: "Focal Point");
        await app.EnableTwoFactorAsync(focal);
        using (var scope = app.Services.CreateScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<ReportingDesk>();
            Assert.True((await desk.GrantFocalPointAsync(focal.Id, reporter.Id, Organiser)).Succeeded);
            var actor = new AuditActor(focal.Id, "Focal point");
            var saved = await desk.SaveAsync(cycle.Id, reporter.Id, null,
                [new ReportingDesk.EntryInput(standing.Id, "all-1", CommitmentStatus.Achieved, "Done", null)], ReportPublication.FiguresOnly, focal.Id, actor);
            Assert.True(saved.Succeeded, saved.Message);
            var submitted = await desk.SubmitAsync(cycle.Id, reporter.Id, saved.Value!.Version, focal.Id, actor, _ => Task.FromResult<DeskText?>(null));
            Assert.True(submitted.Succeeded, submitted.Message);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using (var scope = app.Services.CreateScope())
        {
            var membership = scope.ServiceProvider.GetRequiredService<MembershipDesk>();
            var yesterday = DateOnly.FromDateTime(app.UtcNow).AddDays(-1);
            foreach (var o in new[] { reporter, silent })
            {
                var left = await membership.LeaveAsync(o.Id, yesterday, "Letter of withdrawal", Organiser);
                Assert.True(left.Succeeded, left.Message);
            }
        }
        Assert.All((await app.EndorsementsAsync(standing.Id)).Where(e => e.OrganisationId != stays.Id), e => Assert.False(e.IsLive));

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}");
        Assert.NotNull(page.QuerySelector($"#organisation-{reporter.Id}"));
        Assert.Contains("Submitted", page.QuerySelector($"#organisation-{reporter.Id} .report-state")!.TextContent);
        Assert.Null(page.QuerySelector($"#organisation-{silent.Id}"));
        Assert.NotNull(page.QuerySelector($"#organisation-{stays.Id}"));
        Assert.Equal("1 of 2 organisations has submitted.", page.QuerySelector("#rate")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector($"#commitment-{standing.Id}-all-1 td[data-status={CommitmentStatus.Achieved}]")!.TextContent);

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ReportingDesk>().PublishAsync(cycle.Id, Organiser)).Succeeded);
        var published = await app.WithDbAsync(db => db.PublishedReporters.AsNoTracking().Where(r => r.CycleId == cycle.Id).Select(r => r.OrganisationId).ToListAsync());
        Assert.Equal(new[] { reporter.Id, stays.Id }.Order(), published.Order());
        var figures = await app.WithDbAsync(db => db.PublishedCommitments.AsNoTracking().SingleAsync(c => c.CycleId == cycle.Id && c.Anchor == "all-1"));
        Assert.Equal(2, figures.MustReport);
        Assert.Equal(1, figures.Counts[CommitmentStatus.Achieved]);

        var visitor = await app.CreateFormClient().GetPageAsync($"/Reporting/Progress/{cycle.Id}");
        Assert.Equal("1 of 2 organisations reported.", visitor.QuerySelector("#rate")!.TextContent.Trim());
        Assert.Contains(visitor.QuerySelectorAll("#members a"), a => a.TextContent == reporter.FormalName);
        Assert.DoesNotContain(visitor.QuerySelectorAll("#members a"), a => a.TextContent == silent.FormalName);
    }

    [Fact]
    public async Task After_leaving_the_Alliance_its_submitted_report_stays_but_no_new_report_can_be_drafted_or_submitted()
    {
        var (standing, final) = await app.StandingStatementAsync();
        var leaver = await app.OrganisationAsync(Sector.Government);
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<MembershipDesk>().JoinAsync(leaver.Id, new DateOnly(2019, 12, 11), Organiser)).Succeeded);
        await app.EndorseAsync(standing, final, leaver);
        var cycle = await app.CycleAsync(standing.SummitId, [standing.Id]);
        var summit = await app.WithDbAsync(db => db.Summits.AsNoTracking().FirstAsync(s => s.Id == standing.SummitId));
        var (focalUser, focal, key) = await app.FocalPointAsync(leaver.Id);
        var url = ReportingData.ReportUrl(cycle.Id, leaver.Id);

        var page = await focal.GetPageAsync(url);
        var (_, done) = await focal.SubmitAndFollowAsync(page, "form#report-form", ReportingData.Entry(0, CommitmentStatus.Achieved, "Law passed")
            .With(new() { ["Input.Code"] = app.TotpCode(key!) }), submitter: "#submit");
        Assert.Contains("Submitted", done.QuerySelector("#status")?.TextContent ?? "");
        var submittedOn = DateOnly.FromDateTime(summit.ToLocal(app.UtcNow));
        // The form stays open in a tab: "a change you save now starts submission 2".
        var openTab = await focal.GetPageAsync(url);
        Assert.NotNull(openTab.QuerySelector("form#report-form"));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var leftOn = DateOnly.FromDateTime(app.UtcNow).AddDays(-1);
        using (var scope = app.Services.CreateScope())
        {
            var left = await scope.ServiceProvider.GetRequiredService<MembershipDesk>().LeaveAsync(leaver.Id, leftOn, "Letter of withdrawal", Organiser);
            Assert.True(left.Succeeded, left.Message);
        }

        var english = CultureInfo.GetCultureInfo("en");
        var expected = $"Your organisation left the Alliance on {leftOn.ToString("d MMMM yyyy", english)}; its report submitted on " +
            $"{submittedOn.ToString("d MMMM yyyy", english)} stays in the record. No new report can be drafted or submitted for it in this cycle.";
        var after = await focal.GetPageAsync(url);
        Assert.Equal(expected, after.QuerySelector("#closed")?.TextContent.Trim());
        Assert.Null(after.QuerySelector("form#report-form"));
        Assert.Null(after.QuerySelector("form#attach-form"));
        Assert.NotNull(after.QuerySelector("#submitted"));
        Assert.Single(after.QuerySelectorAll("#submissions tbody tr"));

        // The tab opened before: saving and submitting are both refused with the same words, and nothing new is written.
        var saved = await FormClient.ParseAsync(await focal.SubmitAsync(openTab, "form#report-form", ReportingData.Entry(0, CommitmentStatus.InProgress, "Changed")));
        Assert.Contains(expected, saved.Body!.TextContent);
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var submitted = await FormClient.ParseAsync(await focal.SubmitAsync(openTab, "form#report-form",
            ReportingData.Entry(0, CommitmentStatus.InProgress, "Changed").With(new() { ["Input.Code"] = app.TotpCode(key!) }), submitter: "#submit"));
        Assert.Contains(expected, submitted.Body!.TextContent);
        var report = Assert.Single(await app.ReportsAsync(cycle.Id, leaver.Id));
        Assert.Equal(ProgressReportStatus.Submitted, report.Status);
        Assert.Equal("Law passed", report.Entries.Single(e => e.Anchor == "all-1").Narrative);

        // The desk says the same to any caller; the organisers' page keeps the report in the cycle.
        using (var scope = app.Services.CreateScope())
        {
            var refused = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().SaveAsync(cycle.Id, leaver.Id, null,
                [new ReportingDesk.EntryInput(standing.Id, "all-1", CommitmentStatus.InProgress, null, null)], null, focalUser.Id, new AuditActor(focalUser.Id, "Focal point"));
            Assert.False(refused.Succeeded);
            Assert.Equal(expected, refused.Message);
        }
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var progress = await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}");
        Assert.Contains("Submitted", progress.QuerySelector($"#organisation-{leaver.Id} .report-state")!.TextContent);
    }
}
