using WeProtect.Summit.Data.Audit;
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

    /// <summary>The nominee completing their registration while the secretariat corrects the nomination's address, or the
    /// focal point withdraws it: one of the two wins, never both (a registration standing on a link sent elsewhere, or on
    /// a withdrawn nomination whose place went back to the quota).</summary>
    [Fact]
    public async Task A_nominee_registering_while_the_nomination_is_readdressed_or_withdrawn_leaves_one_outcome()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id, heads: 0, delegates: 20);
        for (var round = 0; round < 8; round++)
        {
            var email = $"nominee-{round}-{Guid.NewGuid():N}@example.org";
            Assert.True((await app.NominateAsync(invitation, focal, email)).Succeeded);
            var nomination = await app.WithDbAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.NormalisedEmail == Data.Invitations.EmailAddresses.Normalise(email)));
            var nominee = await app.CreateUserAsync(email, "Racing Nominee");
            var withdraw = round % 2 == 1;
            var start = new TaskCompletionSource();
            var registering = Task.Run(async () =>
            {
                await start.Task;
                using var scope = app.Services.CreateScope();
                var registration = new Registration { SummitId = summit.Id, UserId = nominee.Id, FullName = nominee.FullName, Position = "Director", ConsentToPublicList = true };
                registration.CompleteNomination(nomination);
                return await scope.ServiceProvider.GetRequiredService<RegistrationDesk>().RegisterAsync(registration, new AuditActor(nominee.Id, nominee.FullName));
            });
            var organiser = Task.Run(async () =>
            {
                await start.Task;
                using var scope = app.Services.CreateScope();
                return withdraw
                    ? await scope.ServiceProvider.GetRequiredService<Data.Invitations.InvitationDesk>()
                        .WithdrawNominationAsync(nomination.Id, focal.Id, organiser: false, new AuditActor(focal.Id, focal.FullName))
                    : await scope.ServiceProvider.GetRequiredService<DelegateAddressDesk>()
                        .ReaddressNominationAsync(summit.Id, nomination.Id, $"moved-{round}-{Guid.NewGuid():N}@example.org", new AuditActor(null, "Organiser"));
            });
            start.SetResult();
            var (registered, changed) = (await registering, await organiser);

            var row = await app.WithDbAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.Id == nomination.Id));
            var live = await app.WithDbAsync(db => db.Registrations.AsNoTracking()
                .Where(r => r.NominationId == nomination.Id && r.Status != RegistrationStatus.Cancelled).Select(r => r.Id).ToListAsync());
            var said = $"round {round}: registration \"{registered.Message}\", organiser \"{changed.Message}\"";
            if (withdraw)
            {
                // A withdrawal after the registration cancels it (both succeed, in turn); a withdrawal that read the
                // nomination before it was completed is a conflict, not a withdrawal under a standing registration.
                Assert.True(registered.Succeeded || changed.Succeeded, said);
                if (changed.Succeeded) Assert.True(live.Count == 0 && row.WithdrawnUtc is not null, said);
                else Assert.True(live.SequenceEqual([row.RegistrationId!.Value]) && row.WithdrawnUtc is null, said);
            }
            else
            {
                Assert.True(registered.Succeeded ^ changed.Succeeded, said);
                if (registered.Succeeded) Assert.True(live.SequenceEqual([row.RegistrationId!.Value]) && row.TokenHash == nomination.TokenHash, said);
                else Assert.True(live.Count == 0 && row.RegistrationId is null && row.TokenHash != nomination.TokenHash, said);
            }
        }
    }
}
