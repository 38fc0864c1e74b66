using System.Globalization;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Tests.Invitations;

using WeProtect.Summit.Data.Registrations;

/// <summary>Quota edits at the same moment: organisers saving one quota from the same page change it once (the others
/// are told someone else changed it), and a quota lowered while the focal point nominates never ends below what is
/// nominated. SQLite serialises writers; the PostgreSQL twin runs them really at once.</summary>
public class QuotaEditRaceTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<DeskResult> ChangeAsync(DelegationQuota quota, int heads, int delegates)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DelegationDesk>()
            .ChangeQuotaAsync(quota.SummitId, quota.Id, heads, delegates, quota.Version, new AuditActor(null, "Organiser"));
    }

    private Task<DelegationQuota> QuotaAsync(int summitId, int organisationId) =>
        app.WithDbAsync(db => db.DelegationQuotas.AsNoTracking().SingleAsync(q => q.SummitId == summitId && q.OrganisationId == organisationId));

    [Fact]
    public async Task Eight_organisers_saving_one_quota_from_the_same_version_change_it_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, _) = await app.AcceptedInvitationAsync(summit.Id, heads: 1, delegates: 2);
        var quota = await QuotaAsync(summit.Id, invitation.OrganisationId);
        var start = new TaskCompletionSource();
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () => { await start.Task; return await ChangeAsync(quota, 1, 10 + i); })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(attempts);

        var winner = Assert.Single(answers, a => a.Succeeded);
        Assert.All(answers.Where(a => !a.Succeeded), a => Assert.Equal(DeskAnswer.Conflict, a.Answer));
        var after = await QuotaAsync(summit.Id, invitation.OrganisationId);
        Assert.Contains($"{after.Delegates} delegates", winner.Message);
        Assert.NotEqual(quota.Version, after.Version);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "quota.changed" && e.SubjectId == quota.Id.ToString(CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task A_quota_lowered_while_nominations_arrive_never_ends_below_what_is_nominated()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id, heads: 0, delegates: 6);
        var quota = await QuotaAsync(summit.Id, invitation.OrganisationId);
        var start = new TaskCompletionSource();
        var nominations = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await app.NominateAsync(invitation, focal, $"lowered-{i}-{Guid.NewGuid():N}@example.org");
        })).ToList();
        var lowering = Task.Run(async () => { await start.Task; return await ChangeAsync(quota, 0, 3); });
        start.SetResult();
        var nominated = await Task.WhenAll(nominations);
        var lowered = await lowering;

        var after = await QuotaAsync(summit.Id, invitation.OrganisationId);
        var rows = await app.WithDbAsync(db => db.Nominations.CountAsync(n => n.InvitationId == invitation.Id && n.WithdrawnUtc == null));
        Assert.Equal(rows, after.NominatedDelegates);
        Assert.Equal(nominated.Count(n => n.Succeeded), rows);
        Assert.True(after.NominatedDelegates <= after.Delegates, $"{after.NominatedDelegates} nominated for {after.Delegates} places");
        if (lowered.Succeeded) Assert.Equal(3, after.Delegates);
        else
        {
            Assert.Equal(6, after.Delegates);
            Assert.Contains("already nominated: the quota cannot be lowered to 3", lowered.Message);
        }
    }
}
