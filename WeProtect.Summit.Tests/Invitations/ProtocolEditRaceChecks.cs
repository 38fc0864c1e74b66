using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Tests.Invitations;

using WeProtect.Summit.Data.Registrations;

/// <summary>The focal point and an organiser save one nominee's protocol row at the same moment, from the same
/// version, on five nominees: on each, one is saved and the other is told someone else changed it, never both written
/// one over the other. Run on SQLite (<see cref="ProtocolEditRaceTests"/>) and PostgreSQL
/// (<see cref="ProtocolEditRaceOnPostgresTests"/>).</summary>
public abstract class ProtocolEditRaceChecks(SummitAppFactory app)
{
    private const int Nominees = 5;

    [Fact]
    public async Task Two_editors_saving_one_protocol_row_at_once_from_one_version_keep_one_of_the_two()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focalUser) = await app.AcceptedInvitationAsync(summit.Id, delegates: Nominees);
        for (var i = 0; i < Nominees; i++)
        {
            var nominated = await app.NominateAsync(invitation, focalUser, $"nominee-{i}-{Guid.NewGuid():N}@example.org", DelegateCategory.Delegate,
                new ProtocolDetails("Adviser", null, ProtocolRank.SeniorOfficial, 10 + i));
            Assert.True(nominated.Succeeded, nominated.Message);
        }
        var ids = await app.WithDbAsync(db => db.Nominations.Where(n => n.InvitationId == invitation.Id).OrderBy(n => n.Id).Select(n => n.Id).ToListAsync());
        using var focal = await app.LogInAsync(focalUser);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var path = $"/Invitations/Delegation/{invitation.Id}";
        var (focalPage, organiserPage) = (await focal.GetPageAsync(path), await organiser.GetPageAsync(path));

        var start = new TaskCompletionSource();
        var posts = ids.SelectMany(id => new[]
        {
            Task.Run(async () =>
            {
                await start.Task;
                return await Answer(await focal.SubmitAsync(focalPage, $"#protocol-form-{id}", new Dictionary<string, string>
                    { ["title"] = "Deputy Minister", ["rank"] = nameof(ProtocolRank.DeputyMinister), ["order"] = "2" }));
            }),
            Task.Run(async () =>
            {
                await start.Task;
                return await Answer(await organiser.SubmitAsync(organiserPage, $"#protocol-form-{id}", new Dictionary<string, string>
                    { ["title"] = "Minister of Justice", ["rank"] = nameof(ProtocolRank.Minister), ["order"] = "1" }));
            }),
        }).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(posts);

        for (var i = 0; i < ids.Count; i++)
        {
            var (byFocal, byOrganiser) = (answers[2 * i], answers[2 * i + 1]);
            var saved = await app.WithDbAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.Id == ids[i]));
            var (winner, loser) = saved.Title == "Minister of Justice" ? (byOrganiser, byFocal) : (byFocal, byOrganiser);
            Assert.Equal(HttpStatusCode.Redirect, winner.Status);
            Assert.Equal(HttpStatusCode.OK, loser.Status);
            Assert.Contains("Someone else changed this nomination meanwhile", loser.Body);
            Assert.Equal(saved.Title == "Minister of Justice" ? (ProtocolRank.Minister, (int?)1) : (ProtocolRank.DeputyMinister, 2), (saved.Rank, saved.ProtocolOrder));
        }
        Assert.Equal(Nominees, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "nomination.protocol-set"
            && ids.Select(id => id.ToString()).Contains(e.SubjectId!))));
    }

    private static async Task<(HttpStatusCode Status, string Body)> Answer(HttpResponseMessage response) =>
        (response.StatusCode, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
}
