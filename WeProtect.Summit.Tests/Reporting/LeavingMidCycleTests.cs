using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Tests.Signing;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>An organisation that leaves the Alliance mid-cycle (its endorsement of the standing statement ends with its
/// membership): a report it submitted before leaving stays in the cycle (organisers' page, published figures, public
/// page); one that had not submitted drops out.</summary>
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
}
