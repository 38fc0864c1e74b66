using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Signing;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>Which organisations report on which commitments: endorsers (live endorsements only) in each item's audience.</summary>
public class TrackedCommitmentsTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Each_endorser_reports_on_the_commitments_and_items_addressed_to_its_sector_and_a_withdrawn_endorsement_does_not_count()
    {
        var government = await app.OrganisationAsync(Sector.Government);
        var civilSociety = await app.OrganisationAsync(Sector.CivilSociety);
        var withdrawn = await app.OrganisationAsync(Sector.Government);
        var bystander = await app.OrganisationAsync(Sector.Government);
        var (statement, final) = await app.OpenStatementAsync();
        await app.EndorseAsync(statement, final, government);
        await app.EndorseAsync(statement, final, civilSociety);
        var gone = await app.EndorseAsync(statement, final, withdrawn);
        using (var scope = app.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<EndorsementDesk>()
                .WithdrawAsync(statement.Id, withdrawn.Id, "Signed in error", gone.SignerUserId, new AuditActor(gone.SignerUserId, "A Signatory"),
                    _ => Task.FromResult<DeskText?>(null));
            Assert.True(result.Succeeded, result.Message);
        }
        await app.WithDbAsync(async db =>
        {
            var s = await db.Statements.FirstAsync(x => x.Id == statement.Id);
            Assert.Null(s.CloseSigning(app.UtcNow));
            Assert.Null(s.MoveTo(StatementStatus.Published));
            await db.SaveChangesAsync();
        });
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id]);

        var scopeOfCycle = await app.WithDbAsync(db => TrackedCommitments.OfCycleAsync(db, cycle.Id));

        Assert.NotNull(scopeOfCycle);
        Assert.Equal(ReportingData.GovernmentAnchors, scopeOfCycle.Commitments.Select(c => c.Anchor));
        Assert.Equal([government.Id, civilSociety.Id], scopeOfCycle.Reporters.Select(r => r.OrganisationId).Order());
        Assert.Equal(ReportingData.GovernmentAnchors, scopeOfCycle.Of(government.Id)!.Commitments.Select(c => c.Anchor));
        Assert.Equal(ReportingData.AllAnchors, scopeOfCycle.Of(civilSociety.Id)!.Commitments.Select(c => c.Anchor));
        Assert.Null(scopeOfCycle.Of(withdrawn.Id));
        Assert.Null(scopeOfCycle.Of(bystander.Id));
    }

    [Fact]
    public void Commitments_and_their_lettered_items_are_tracked_with_their_section_audience()
    {
        var document = StatementParser.Parse(SigningData.TextForAll).Document!;
        var tracked = TrackedCommitments.Of(7, document);
        Assert.Equal(ReportingData.GovernmentAnchors, tracked.Select(c => c.Anchor));
        Assert.Equal(["7/all-1", "7/all-1.a", "7/government-1", "7/government-1.a"], tracked.Select(c => c.Key));
        Assert.Equal("Listen to children.", tracked[1].Text);
        Assert.Equal(ReportingData.AllAnchors, tracked.For(Sector.PrivateSector).Select(c => c.Anchor));
        Assert.Equal(ReportingData.GovernmentAnchors, tracked.For(Sector.Government).Select(c => c.Anchor));
    }
}
