using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Tests.Registration;

/// <summary>Two organisers bulk-approving overlapping selections at the same moment: the summit's capacity and the
/// delegation quotas hold, and the counters match the rows. Twinned on PostgreSQL, where the two really run at once.</summary>
public class BulkDecisionRaceTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private const int Capacity = 12;
    private const int QuotaDelegates = 3;

    [Fact]
    public async Task Two_organisers_bulk_approving_overlapping_selections_at_once_never_exceed_capacity_or_quotas()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: Capacity);
        var quoted = await app.CreateOrganisationAsync();
        var open = await app.CreateOrganisationAsync();
        await app.WithDbAsync(async db =>
        {
            db.DelegationQuotas.Add(new DelegationQuota { SummitId = summit.Id, OrganisationId = quoted.Id, HeadsOfDelegation = 1, Delegates = QuotaDelegates });
            await db.SaveChangesAsync();
        });
        var users = new List<SummitUser>();
        foreach (var batch in Enumerable.Range(0, 30).Chunk(10))
            users.AddRange(await Task.WhenAll(batch.Select(i => app.CreateUserAsync(fullName: $"Bulk Racer {i:00}"))));
        var registrations = new List<Data.Registrations.Registration>();
        for (var i = 0; i < users.Count; i++)
            registrations.Add(await app.RegisterAsync(users[i], summit.Id, i % 2 == 0 ? quoted.Id : open.Id));

        // Overlapping selections (ten rows in common), in opposite orders, decided at the same moment.
        var first = registrations.Take(20).Select(r => (r.Id, (Guid?)null)).ToList();
        var second = registrations.Skip(10).Reverse().Select(r => (r.Id, (Guid?)null)).ToList();
        using var start = new SemaphoreSlim(0, 2);
        async Task<int> DecideAsync(List<(int, Guid?)> items, string who)
        {
            using var scope = app.Services.CreateScope();
            var desk = scope.ServiceProvider.GetRequiredService<RegistrationDesk>();
            await start.WaitAsync();
            var result = await desk.DecideManyAsync(summit.Id, items, RegistrationStatus.Approved, null, new AuditActor(null, who));
            Assert.True(result.Succeeded, result.Message);
            return result.Value!.Count(r => r.Result.Succeeded);
        }
        var racing = new[] { Task.Run(() => DecideAsync(first, "Organiser one")), Task.Run(() => DecideAsync(second, "Organiser two")) };
        start.Release(2);
        var approvedByEach = await Task.WhenAll(racing);

        var (approved, approvedQuoted, counter, quotaCounter) = await app.WithDbAsync(async db => (
            await db.Registrations.CountAsync(r => r.SummitId == summit.Id && r.Status == RegistrationStatus.Approved),
            await db.Registrations.CountAsync(r => r.SummitId == summit.Id && r.Status == RegistrationStatus.Approved && r.OrganisationId == quoted.Id),
            await db.Summits.Where(s => s.Id == summit.Id).Select(s => s.ApprovedCount).SingleAsync(),
            await db.DelegationQuotas.Where(q => q.SummitId == summit.Id && q.OrganisationId == quoted.Id).Select(q => q.ApprovedDelegates).SingleAsync()));
        Assert.Equal(Capacity, approved); // 30 asked, 12 places: the summit is full, not over-full
        Assert.Equal(approved, counter);
        Assert.Equal(QuotaDelegates, approvedQuoted);
        Assert.Equal(approvedQuoted, quotaCounter);
        Assert.Equal(approved, approvedByEach.Sum()); // nobody was approved twice
        Assert.Equal(approved, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "registration.approved"
            && registrations.Select(r => r.Id.ToString()).Contains(e.SubjectId))));
    }
}
