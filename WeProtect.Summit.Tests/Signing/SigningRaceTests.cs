using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Endorsements;
using Xunit.Abstractions;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>"At most one live endorsement per organisation per statement" under load: the filtered unique index
/// decides, and every loser gets a clear answer, never a 500. An app of its own, run alone.</summary>
[Collection(LoadCollection.Name)]
public class SigningRaceTests(SummitAppFactory app, ITestOutputHelper output) : IClassFixture<SummitAppFactory>
{
    private const int Requests = 50;

    [Fact]
    public async Task Fifty_parallel_signing_posts_from_two_signatories_of_one_organisation_make_exactly_one_endorsement()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, _) = await app.OpenStatementAsync();
        var signatories = new[] { await app.SignatoryAsync(organisation.Id, "Racer One"), await app.SignatoryAsync(organisation.Id, "Racer Two") };
        var url = SigningData.SignUrl(statement.Id, organisation.Id);
        // Each request with its own loaded form (antiforgery token included) and a valid code: the previous, current
        // or next step of its signatory's app, in turn. A code is good once per signatory, so most requests of one
        // signatory lose on the code, atomically, and the winners of the codes race on the index.
        var ready = new List<(SignedInSignatory Signatory, AngleSharp.Html.Dom.IHtmlDocument Page, int Step)>();
        for (var i = 0; i < Requests; i++)
        {
            var signatory = signatories[i % 2];
            ready.Add((signatory, await signatory.Client.GetPageAsync(url), i / 2 % 3 - 1));
        }
        var responses = await Task.WhenAll(ready.Select(r => Task.Run(() =>
            r.Signatory.Client.SignAsync(r.Page, app.TotpCode(r.Signatory.Key, TimeSpan.FromSeconds(30 * r.Step)), name: r.Signatory.User.FullName))));

        var signed = 0;
        var messages = new List<string>();
        foreach (var response in responses)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 800)]}");
            if (response.StatusCode == HttpStatusCode.Redirect) { signed++; continue; }
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"Unexpected {(int)response.StatusCode}");
            var message = (await FormClient.ParseAsync(response, body)).Errors();
            Assert.True(message.Contains("has already endorsed this statement (signed by Racer") || message.Contains("already used")
                || message.Contains("no longer current"), $"Unclear answer: {message}");
            messages.Add(message);
        }
        output.WriteLine(string.Join("\n", messages.GroupBy(m => m[..Math.Min(60, m.Length)]).Select(g => $"{g.Count()} × {g.Key}")));
        Assert.Equal(1, signed);
        Assert.Contains(messages, m => m.Contains("has already endorsed"));
        var live = await app.WithDbAsync(db => db.Endorsements.AsNoTracking().Where(e => e.StatementId == statement.Id && e.WithdrawnUtc == null).ToListAsync());
        var endorsement = Assert.Single(live);
        Assert.Contains(endorsement.SignerUserId, signatories.Select(s => s.User.Id));
        Assert.Equal(1, await app.WithDbAsync(db => db.Endorsements.CountAsync(e => e.StatementId == statement.Id)));
        Assert.Single(await app.AuditActionsAsync("Endorsement", endorsement.Id));
        Assert.Null((await app.WithDbAsync(db => new AuditTrail(db, TimeProvider.System).VerifyAsync())).BrokenAtSequence);
    }

    [Fact]
    public async Task When_fifty_signatures_all_pass_every_check_at_once_the_unique_index_lets_one_in()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, final) = await app.OpenStatementAsync();
        var signatories = new[] { await app.SignatoryAsync(organisation.Id, "Index One"), await app.SignatoryAsync(organisation.Id, "Index Two") };
        // Every request waits at the step-up until all have passed the earlier checks (the plain read included), so
        // all fifty reach the insert: only the index can refuse them.
        var arrived = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<DeskText?> Gate(CancellationToken ct)
        {
            if (Interlocked.Increment(ref arrived) == Requests) all.SetResult();
            await all.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
            return null;
        }
        var results = await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => Task.Run(async () =>
        {
            var signatory = signatories[i % 2];
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<EndorsementDesk>().SignAsync(
                new EndorsementDesk.Signature(statement.Id, organisation.Id, final.ContentHash, signatory.User.FullName, "Minister"),
                signatory.User.Id, new AuditActor(signatory.User.Id, signatory.User.FullName), Gate);
        })));
        Assert.Equal(Requests, arrived);
        Assert.Single(results, r => r.Succeeded);
        var losers = results.Where(r => !r.Succeeded).ToList();
        Assert.Equal(Requests - 1, losers.Count);
        Assert.All(losers, r => Assert.Equal(DeskRefusal.AlreadyEndorsed, r.Refusal));
        Assert.All(losers, r => Assert.Contains("has already endorsed this statement (signed by Index", r.Message));
        // When, on the summit's clock, as the signatory reads every other time.
        var winner = results.Single(r => r.Succeeded).Value!;
        var zone = await app.WithDbAsync(db => db.Statements.Where(s => s.Id == statement.Id).Select(s => s.Summit).SingleAsync());
        Assert.All(losers, r => Assert.Contains($"on {zone.ToLocal(winner.SignedUtc):d MMMM yyyy, HH:mm} ({zone.TimeZoneId}))", r.Message));
        Assert.Equal(1, await app.WithDbAsync(db => db.Endorsements.CountAsync(e => e.StatementId == statement.Id)));
    }

    [Fact]
    public async Task A_signature_whose_statement_closes_after_its_checks_is_refused_and_nothing_is_signed()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, final) = await app.OpenStatementAsync();
        var signatory = await app.SignatoryAsync(organisation.Id, "Late Signer");
        // The organiser's close commits while the signature is between its checks and its insert.
        async Task<DeskText?> CloseMeanwhile(CancellationToken ct)
        {
            using var other = app.Services.CreateScope();
            var closed = await other.ServiceProvider.GetRequiredService<EndorsementDesk>()
                .CloseAsync(statement.Id, new AuditActor(null, "Organiser"), "closed early by an organiser", ct);
            Assert.True(closed.Succeeded, closed.Message);
            return null;
        }
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<EndorsementDesk>().SignAsync(
            new EndorsementDesk.Signature(statement.Id, organisation.Id, final.ContentHash, signatory.User.FullName, "Minister"),
            signatory.User.Id, new AuditActor(signatory.User.Id, signatory.User.FullName), CloseMeanwhile);

        Assert.Equal(DeskRefusal.NotAllowed, result.Refusal);
        Assert.Contains("closed a moment ago", result.Message);
        Assert.Equal(0, await app.WithDbAsync(db => db.Endorsements.CountAsync(e => e.StatementId == statement.Id)));
    }

    [Fact]
    public async Task Ten_withdrawals_at_once_withdraw_the_endorsement_once()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, final) = await app.OpenStatementAsync();
        var signatories = new[] { await app.SignatoryAsync(organisation.Id, "Withdraw One"), await app.SignatoryAsync(organisation.Id, "Withdraw Two") };
        int endorsementId;
        using (var scope = app.Services.CreateScope())
        {
            var signed = await scope.ServiceProvider.GetRequiredService<EndorsementDesk>().SignAsync(
                new EndorsementDesk.Signature(statement.Id, organisation.Id, final.ContentHash, "Withdraw One", "Minister"),
                signatories[0].User.Id, new AuditActor(signatories[0].User.Id, "Withdraw One"), _ => Task.FromResult<DeskText?>(null));
            Assert.True(signed.Succeeded, signed.Message);
            endorsementId = signed.Value!.Id;
        }
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            var signatory = signatories[i % 2];
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<EndorsementDesk>().WithdrawAsync(statement.Id, organisation.Id, $"Reason {i}",
                signatory.User.Id, new AuditActor(signatory.User.Id, signatory.User.FullName), _ => Task.FromResult<DeskText?>(null));
        })));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.NotEqual(DeskAnswer.Done, r.Answer));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "endorsement.withdrawn" && a.SubjectId == endorsementId.ToString())));
    }

    [Fact]
    public async Task Ten_revocations_at_once_revoke_the_grant_once_and_tell_the_signatory_once()
    {
        var organisation = await app.OrganisationAsync();
        var signatory = await app.SignatoryAsync(organisation.Id, "Revoked Once");
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<EndorsementDesk>()
                .RevokeAsync(signatory.AuthorityId, $"Reason {i}", new AuditActor(null, $"Organiser {i}"));
        })));

        var revoked = Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("This signing authority was already revoked.", r.Message));
        var authority = await app.WithDbAsync(db => db.SigningAuthorities.AsNoTracking().SingleAsync(a => a.Id == signatory.AuthorityId));
        Assert.Equal(revoked.Value!.RevocationReason, authority.RevocationReason);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == Data.Notifications.NotificationKinds.SigningRevoked
            && n.SubjectId == signatory.AuthorityId)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "signing-authority.revoked" && a.SubjectId == signatory.AuthorityId.ToString())));
    }
}
