using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>The figures written at publication (<see cref="PublishedFigures"/>): equal to the live count of
/// <see cref="CycleProgress"/> and to a count made here, cycle by cycle, a superseded submission counted once (its
/// successor); written once; and what the public pages show afterwards, whatever changes in the live data.</summary>
public class PublishedFiguresTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static readonly AuditActor Organiser = new(null, "Test organiser");

    /// <summary>Saves the answers (a new draft, or the next submission's) and submits them, through the desk.</summary>
    private async Task<ProgressReport> SubmitAsync(ReportingCycle cycle, Organisation organisation, string userId, int statementId, bool consent,
        params (string Anchor, CommitmentStatus Status)[] answers) =>
        await SubmitAsync(cycle, organisation, userId, statementId, consent ? ReportPublication.FiguresAndNarratives : ReportPublication.FiguresOnly, answers);

    private async Task<ProgressReport> SubmitAsync(ReportingCycle cycle, Organisation organisation, string userId, int statementId, ReportPublication publication,
        params (string Anchor, CommitmentStatus Status)[] answers)
    {
        using var scope = app.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<ReportingDesk>();
        var actor = new AuditActor(userId, "Focal point");
        var saved = await desk.SaveAsync(cycle.Id, organisation.Id, null,
            answers.Select(a => new ReportingDesk.EntryInput(statementId, a.Anchor, a.Status, $"On {a.Anchor}", null)).ToList(), publication, userId, actor);
        Assert.True(saved.Succeeded, saved.Message);
        var submitted = await desk.SubmitAsync(cycle.Id, organisation.Id, saved.Value!.Version, userId, actor, _ => Task.FromResult<DeskText?>(null));
        Assert.True(submitted.Succeeded, submitted.Message);
        return submitted.Value!;
    }

    private async Task<string> FocalPointAsync(Organisation organisation)
    {
        var user = await app.CreateUserAsync(fullName: "Focal Point");
        await app.EnableTwoFactorAsync(user);
        using var scope = app.Services.CreateScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<ReportingDesk>().GrantFocalPointAsync(user.Id, organisation.Id, Organiser)).Succeeded);
        return user.Id;
    }

    private async Task<Data.Desks.DeskResult> PublishAsync(ReportingCycle cycle)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReportingDesk>().PublishAsync(cycle.Id, Organiser);
    }

    private static string[] Figures(IEnumerable<(string Anchor, int MustReport, IReadOnlyDictionary<CommitmentStatus, int> Counts)> rows) =>
        rows.Select(r => $"{r.Anchor}: {r.MustReport} asked, " + string.Join(" ", Enum.GetValues<CommitmentStatus>().Select(s => $"{s}={r.Counts[s]}"))).ToArray();

    [Fact]
    public async Task Figures_written_at_publication_equal_the_live_count_and_a_count_made_here_in_each_cycle()
    {
        var ministry = await app.OrganisationAsync(Sector.Government);
        var agency = await app.OrganisationAsync(Sector.Government);
        var charity = await app.OrganisationAsync(Sector.CivilSociety);
        var silent = await app.OrganisationAsync(Sector.Government);
        var statement = await app.PublishedStatementAsync([ministry, agency, charity, silent]);
        var first = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddMinutes(30));
        var second = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddMinutes(30));
        var focal = new Dictionary<int, string>();
        foreach (var o in new[] { ministry, agency, charity }) focal[o.Id] = await FocalPointAsync(o);

        // Cycle one: the ministry submits twice (the second supersedes the first); the agency and the charity once.
        await SubmitAsync(first, ministry, focal[ministry.Id], statement.Id, consent: true, ("all-1", CommitmentStatus.Achieved), ("government-1", CommitmentStatus.Achieved));
        var superseding = await SubmitAsync(first, ministry, focal[ministry.Id], statement.Id, consent: true, ("all-1", CommitmentStatus.InProgress));
        await SubmitAsync(first, agency, focal[agency.Id], statement.Id, consent: false, ("all-1", CommitmentStatus.Achieved), ("government-1.a", CommitmentStatus.NotApplicable));
        await SubmitAsync(first, charity, focal[charity.Id], statement.Id, consent: true, ("all-1", CommitmentStatus.NotApplicable));
        // Cycle two: only the ministry.
        await SubmitAsync(second, ministry, focal[ministry.Id], statement.Id, consent: true, ("all-1", CommitmentStatus.Achieved));

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var live = new Dictionary<int, CycleProgress>();
        foreach (var cycle in new[] { first, second })
        {
            live[cycle.Id] = (await app.WithDbAsync(db => CycleProgress.LoadAsync(db, cycle.Id)))!;
            Assert.True((await PublishAsync(cycle)).Succeeded);
        }

        // Counted here: four asked on all-1 and all-1.a (every sector), three governments on government-1 and -1.a.
        var expected = new Dictionary<int, string[]>
        {
            [first.Id] =
            [
                "all-1: 4 asked, NotStarted=0 InProgress=1 Achieved=1 NotApplicable=1",
                "all-1.a: 4 asked, NotStarted=3 InProgress=0 Achieved=0 NotApplicable=0",
                // The ministry's first submission said Achieved; its second (a copy, all-1 changed) still does: counted once.
                "government-1: 3 asked, NotStarted=1 InProgress=0 Achieved=1 NotApplicable=0",
                "government-1.a: 3 asked, NotStarted=1 InProgress=0 Achieved=0 NotApplicable=1",
            ],
            [second.Id] =
            [
                "all-1: 4 asked, NotStarted=0 InProgress=0 Achieved=1 NotApplicable=0",
                "all-1.a: 4 asked, NotStarted=1 InProgress=0 Achieved=0 NotApplicable=0",
                "government-1: 3 asked, NotStarted=1 InProgress=0 Achieved=0 NotApplicable=0",
                "government-1.a: 3 asked, NotStarted=1 InProgress=0 Achieved=0 NotApplicable=0",
            ],
        };
        foreach (var cycle in new[] { first, second })
        {
            var written = await app.WithDbAsync(db => db.PublishedCommitments.AsNoTracking().Where(c => c.CycleId == cycle.Id).OrderBy(c => c.Position).ToListAsync());
            Assert.Equal(expected[cycle.Id], Figures(live[cycle.Id].Commitments.Select(c => (c.Tracked.Anchor, c.MustReport, c.Counts))));
            Assert.Equal(expected[cycle.Id], Figures(written.Select(c => (c.Anchor, c.MustReport, c.Counts))));
            Assert.Equal(live[cycle.Id].Commitments.Select(c => c.Tracked.Text), written.Select(c => c.Text));

            var reporters = await app.WithDbAsync(db => db.PublishedReporters.AsNoTracking().Where(r => r.CycleId == cycle.Id).ToListAsync());
            Assert.Equal(live[cycle.Id].Organisations.Select(o => (o.Reporter.OrganisationId, o.Reporter.Sector, o.Current?.Id, o.Reporter.Commitments.Count)).OrderBy(x => x.OrganisationId),
                reporters.Select(r => (r.OrganisationId, r.Sector, r.ReportId, r.Positions.Count)).OrderBy(x => x.OrganisationId));
        }
        Assert.Equal(superseding.Id, await app.WithDbAsync(db => db.PublishedReporters.Where(r => r.CycleId == first.Id && r.OrganisationId == ministry.Id).Select(r => r.ReportId).SingleAsync()));

        // The public pages show them: the cycle page, its downloads, a commitment, a member across both cycles.
        var anonymous = app.CreateFormClient();
        var page = await anonymous.GetPageAsync($"/Reporting/Progress/{first.Id}");
        Assert.Equal(["0", "1", "1", "1"], page.QuerySelectorAll($"#commitment-{statement.Id}-all-1 td[data-status]").Select(td => td.TextContent));
        Assert.Equal("3 of 4 organisations reported.", page.QuerySelector("#rate")!.TextContent.Trim());
        Assert.Equal(["Governments", "3", "2"], page.QuerySelectorAll($"#rate-{Sector.Government} th, #rate-{Sector.Government} td").Select(c => c.TextContent.Trim()));
        var commitment = await anonymous.GetPageAsync($"/Reporting/Commitment/{first.Id}/{statement.Id}/all-1");
        Assert.Equal("3 of 4 organisations asked to report on this commitment reported.", commitment.QuerySelector("#reported")!.TextContent.Trim());
        Assert.NotNull(commitment.QuerySelector($"#narrative-{ministry.Id}"));
        Assert.NotNull(commitment.QuerySelector($"#narrative-{charity.Id}"));
        Assert.Null(commitment.QuerySelector($"#narrative-{agency.Id}"));
        Assert.Contains("1 organisation reported without publishing its narrative", commitment.QuerySelector("#private")!.TextContent);
        var member = await anonymous.GetPageAsync($"/Reporting/Member/{ministry.Id}");
        Assert.Equal("In progress", member.QuerySelector($"#status-{first.Id}-{statement.Id}-all-1 td")!.TextContent);
        Assert.Equal("Achieved", member.QuerySelector($"#status-{first.Id}-{statement.Id}-government-1 td")!.TextContent);
        Assert.Equal("Achieved", member.QuerySelector($"#status-{second.Id}-{statement.Id}-all-1 td")!.TextContent);
        Assert.Equal(4, member.QuerySelectorAll($"#cycle-{first.Id} tbody tr").Length);
        var hash = await app.WithDbAsync(db => db.ProgressReports.Where(r => r.Id == superseding.Id).Select(r => r.ContentHash).SingleAsync());
        Assert.Contains(hash!, member.QuerySelector($"#cycle-{first.Id} .reported")!.TextContent);
        var charityPage = await anonymous.GetPageAsync($"/Reporting/Member/{charity.Id}");
        Assert.Equal(2, charityPage.QuerySelectorAll($"#cycle-{first.Id} tbody tr").Length);
        Assert.NotNull(charityPage.QuerySelector($"#cycle-{second.Id} .not-reported"));
    }

    [Fact]
    public async Task A_cycle_is_published_once_and_its_public_figures_stay_as_published_when_an_endorsement_is_withdrawn_later()
    {
        var ministry = await app.OrganisationAsync(Sector.Government);
        var leaving = await app.OrganisationAsync(Sector.Government);
        var statement = await app.PublishedStatementAsync([ministry, leaving]);
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddMinutes(30));
        await SubmitAsync(cycle, leaving, await FocalPointAsync(leaving), statement.Id, consent: true, ("all-1", CommitmentStatus.Achieved));
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.True((await PublishAsync(cycle)).Succeeded);
        var again = await PublishAsync(cycle);
        Assert.False(again.Succeeded);
        Assert.Contains("already published", again.Message);
        Assert.Equal(4, await app.WithDbAsync(db => db.PublishedCommitments.CountAsync(c => c.CycleId == cycle.Id)));
        Assert.Equal(2, await app.WithDbAsync(db => db.PublishedReporters.CountAsync(c => c.CycleId == cycle.Id)));

        await app.WithDbAsync(async db =>
        {
            var endorsement = await db.Endorsements.SingleAsync(e => e.StatementId == statement.Id && e.OrganisationId == leaving.Id);
            Assert.Null(endorsement.Withdraw("Left the Alliance", (await db.Users.FirstAsync()).Id, app.UtcNow));
            await db.SaveChangesAsync();
        });
        // Live, the organisation still counts with the report it submitted while it endorsed (see LeavingMidCycleTests);
        // the published figures are those the organisers published.
        var live = (await app.WithDbAsync(db => CycleProgress.LoadAsync(db, cycle.Id)))!;
        Assert.Contains(live.Organisations, o => o.Reporter.OrganisationId == leaving.Id && o.Current is not null);
        var page = await app.CreateFormClient().GetPageAsync($"/Reporting/Progress/{cycle.Id}?after-withdrawal");
        Assert.Equal("1 of 2 organisations reported.", page.QuerySelector("#rate")!.TextContent.Trim());
        Assert.Equal(["0", "0", "1", "0"], page.QuerySelectorAll($"#commitment-{statement.Id}-all-1 td[data-status]").Select(td => td.TextContent));
        var member = await app.CreateFormClient().GetPageAsync($"/Reporting/Member/{leaving.Id}");
        Assert.Equal("Achieved", member.QuerySelector($"#status-{cycle.Id}-{statement.Id}-all-1 td")!.TextContent);
    }
}
