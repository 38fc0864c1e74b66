using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>Two (or four) organisers pressing "Publish revision 2" at once make one revision 2: the desk lets one in
/// and tells the others someone else was first, and the unique index (statement, revision) holds without the desk.</summary>
public class RevisionRaceTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Organisers_pressing_at_once_publish_one_revision_2()
    {
        var closed = await app.ClosedStatementAsync(lateEndorsements: true);
        await app.PublishedAsync(closed.StatementId);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        // A late endorsement, written as the signing desk writes it (the signing pages are tested in RevisionTests).
        await app.WithDbAsync(async db =>
        {
            var organisation = new Organisation { FormalName = $"Late State {Guid.NewGuid():N}"[..20], SortName = "Late State", Sector = Sector.Government, CountryCode = "NO" };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            var final = await db.Statements.Where(s => s.Id == closed.StatementId).Select(s => s.FinalVersionId!.Value).SingleAsync();
            var signer = await db.Endorsements.Where(e => e.StatementId == closed.StatementId).Select(e => e.SignerUserId).FirstAsync();
            db.Endorsements.Add(new Endorsement
            {
                StatementId = closed.StatementId, OrganisationId = organisation.Id, StatementVersionId = final, ContentHash = closed.ContentHash,
                SignerUserId = signer, PrintedName = "Late Minister", PrintedPosition = "Minister", SignedUtc = app.UtcNow,
            });
            await db.SaveChangesAsync();
        });

        var organisers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => app.CreateUserAsync(fullName: $"Organiser {i}", roles: Roles.Organiser)));
        var results = await Task.WhenAll(organisers.Select(async organiser =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<CommuniqueDesk>()
                .PublishRevisionAsync(closed.StatementId, new Data.Audit.AuditActor(organiser.Id, organiser.FullName));
        }));
        Assert.Single(results, r => r.Succeeded);
        // The others: someone else was first (or, when the job was quick, revision 2 is out and nothing is new since).
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.True(r.Message == CommuniqueDesk.RevisionAlreadyQueued(2).ToString()
            || r.Message.Contains("since revision 2 was published", StringComparison.Ordinal), r.Message));
        Assert.Equal(2, await app.WithDbAsync(db => db.Communiques.CountAsync(c => c.StatementId == closed.StatementId)));
        var second = await app.WaitForCommuniqueAsync(closed.StatementId, c => c.Status == CommuniqueStatus.Published, revision: 2);
        Assert.Equal(closed.Organisations.Count + 1, second.SignatoryCount);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "communique.revision-queued" && e.SubjectId == second.Id.ToString())));

        // Nothing new since revision 2: no revision 3.
        using (var scope = app.Services.CreateScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<CommuniqueDesk>().PublishRevisionAsync(closed.StatementId, Data.Audit.AuditActor.System);
            Assert.Contains("since revision 2 was published", again.Message);
        }

        // The index itself, without the desk.
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.Communiques.Add(new Communique { StatementId = closed.StatementId, Revision = 2, QueuedUtc = app.UtcNow });
            await db.SaveChangesAsync();
        }));
    }
}
