using System.Globalization;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Tests.Signing;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>An organisation that withdraws its endorsement of one of a cycle's statements while it still endorses another:
/// the report it submitted before counts for both in the figures (it was made while it endorsed both), but what it reports
/// on from then is the statement it still endorses: its report form, its next draft (not copied from the last
/// submission's answers on the other) and its next submission, after which the withdrawn statement's figures no longer
/// count it.</summary>
public class WithdrawingFromOneStatementTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task After_withdrawing_from_one_statement_the_next_report_covers_only_the_statement_still_endorsed()
    {
        var organisation = await app.OrganisationAsync(Sector.Government);
        var (standing, final) = await app.StandingStatementAsync();
        var endorsement = await app.EndorseAsync(standing, final, organisation);
        var published = await app.PublishedStatementAsync([organisation]);
        var cycle = await app.CycleAsync(published.SummitId, [standing.Id, published.Id]);
        var (focal, client, _) = await app.FocalPointAsync(organisation.Id);
        var actor = new AuditActor(focal.Id, "Focal point");
        using (var scope = app.Services.CreateScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<ReportingDesk>();
            var saved = await desk.SaveAsync(cycle.Id, organisation.Id, null,
            [
                new ReportingDesk.EntryInput(standing.Id, "all-1", CommitmentStatus.Achieved, "Done", null),
                new ReportingDesk.EntryInput(published.Id, "all-1", CommitmentStatus.InProgress, "Under way", null),
            ], ReportPublication.FiguresOnly, focal.Id, actor);
            Assert.True(saved.Succeeded, saved.Message);
            var submitted = await desk.SubmitAsync(cycle.Id, organisation.Id, saved.Value!.Version, focal.Id, actor, _ => Task.FromResult<DeskText?>(null));
            Assert.True(submitted.Succeeded, submitted.Message);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using (var scope = app.Services.CreateScope())
        {
            var withdrawn = await scope.ServiceProvider.GetRequiredService<EndorsementDesk>().WithdrawAsync(standing.Id, organisation.Id,
                "Our ministry no longer holds this portfolio", endorsement.SignerUserId, new AuditActor(endorsement.SignerUserId, "A Signatory"),
                _ => Task.FromResult<DeskText?>(null));
            Assert.True(withdrawn.Succeeded, withdrawn.Message);
        }

        // The submitted report still counts for the statement it no longer endorses; from now on it reports on the other.
        var reporter = (await app.WithDbAsync(db => TrackedCommitments.OfCycleAsync(db, cycle.Id)))!.Of(organisation.Id)!;
        Assert.False(reporter.ByItsRecordOnly);
        Assert.NotEmpty(reporter.Commitments);
        Assert.All(reporter.Commitments, c => Assert.Equal(published.Id, c.StatementId));
        Assert.Contains(reporter.Recorded, c => c.StatementId == standing.Id);
        var before = await app.WithDbAsync(db => CycleProgress.LoadAsync(db, cycle.Id));
        var standingFirst = before!.Commitments.Single(c => c.Tracked.StatementId == standing.Id && c.Tracked.Anchor == "all-1");
        Assert.Equal(1, standingFirst.MustReport);
        Assert.Equal(1, standingFirst.Counts[CommitmentStatus.Achieved]);

        var page = await client.GetPageAsync($"/Reporting/Report/{cycle.Id}/{organisation.Id}");
        var statementsInForm = page.QuerySelectorAll("input[name$='.StatementId']").Select(i => i.GetAttribute("value")).Distinct().ToList();
        Assert.Equal([published.Id.ToString(CultureInfo.InvariantCulture)], statementsInForm);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using (var scope = app.Services.CreateScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<ReportingDesk>();
            var refused = await desk.SaveAsync(cycle.Id, organisation.Id, null,
                [new ReportingDesk.EntryInput(standing.Id, "all-1", CommitmentStatus.Achieved, "Still done", null)], null, focal.Id, actor);
            Assert.Equal(DeskRefusal.Invalid, refused.Refusal);
            Assert.Contains("is not a commitment your organisation reports on", refused.Message);
            var saved = await desk.SaveAsync(cycle.Id, organisation.Id, null,
                [new ReportingDesk.EntryInput(published.Id, "all-1", CommitmentStatus.Achieved, "Done now", null)], null, focal.Id, actor);
            Assert.True(saved.Succeeded, saved.Message);
            // The draft starts from the last submission's answers, but not those on the withdrawn statement.
            Assert.DoesNotContain(saved.Value!.Entries, e => e.StatementId == standing.Id);
            var submitted = await desk.SubmitAsync(cycle.Id, organisation.Id, saved.Value.Version, focal.Id, actor, _ => Task.FromResult<DeskText?>(null));
            Assert.True(submitted.Succeeded, submitted.Message);
        }

        var second = (await app.ReportsAsync(cycle.Id, organisation.Id)).Single(r => r.Status == ProgressReportStatus.Submitted);
        Assert.Equal(2, second.Number);
        Assert.NotEmpty(second.Entries);
        Assert.All(second.Entries, e => Assert.Equal(published.Id, e.StatementId));
        Assert.Equal(ReportHash.Of(cycle.Id, organisation.Id, second.Number, second.Entries, second.Attachments), second.ContentHash);
        var after = await app.WithDbAsync(db => CycleProgress.LoadAsync(db, cycle.Id));
        Assert.DoesNotContain(after!.Organisations.Single(o => o.Reporter.OrganisationId == organisation.Id).Reporter.Recorded, c => c.StatementId == standing.Id);
        var standingAfter = after.Commitments.Single(c => c.Tracked.StatementId == standing.Id && c.Tracked.Anchor == "all-1");
        Assert.Equal(0, standingAfter.MustReport);
        Assert.Equal(0, standingAfter.Counts[CommitmentStatus.Achieved]);
        Assert.Equal(1, after.Commitments.Single(c => c.Tracked.StatementId == published.Id && c.Tracked.Anchor == "all-1").Counts[CommitmentStatus.Achieved]);
    }
}
