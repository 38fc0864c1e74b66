using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Tests.Invitations;

using WeProtect.Summit.Data.Registrations;

/// <summary>Focal points nominating at the same moment (two tabs, two colleagues sharing the account): the quota's
/// last place goes to one nomination, taken by a conditional update; the others are refused.</summary>
public class NominationRaceTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Eight_nominations_at_once_for_two_places_nominate_two()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id, heads: 0, delegates: 2);
        var start = new TaskCompletionSource();
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await app.NominateAsync(invitation, focal, $"racer-{i}-{Guid.NewGuid():N}@example.org");
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(attempts);

        Assert.Equal(2, answers.Count(a => a.Succeeded));
        Assert.All(answers.Where(a => !a.Succeeded), a => Assert.True(a.Refusal == DeskRefusal.QuotaFull || a.Answer == DeskAnswer.Conflict, a.Message));
        Assert.Equal(2, await app.WithDbAsync(db => db.Nominations.CountAsync(n => n.InvitationId == invitation.Id)));
        Assert.Equal(2, await app.WithDbAsync(db => db.DelegationQuotas.Where(q => q.SummitId == summit.Id && q.OrganisationId == invitation.OrganisationId)
            .Select(q => q.NominatedDelegates).SingleAsync()));
        // The same address twice at once: one nomination.
        var (second, focal2) = await app.AcceptedInvitationAsync(summit.Id);
        var email = $"twice-{Guid.NewGuid():N}@example.org";
        var gate = new TaskCompletionSource();
        var twice = Enumerable.Range(0, 4).Select(_ => Task.Run(async () => { await gate.Task; return await app.NominateAsync(second, focal2, email); })).ToList();
        gate.SetResult();
        Assert.Single(await Task.WhenAll(twice), a => a.Succeeded);
    }
}
