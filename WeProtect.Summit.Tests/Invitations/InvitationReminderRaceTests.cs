using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Tests.Invitations;

/// <summary>Reminders to invited organisations at the same moment: the same "Remind" form posted eight times at once
/// (a double click, a reload) reminds once, by the round's unique key; eight deadline sweeps at once (two nodes) remind
/// each organisation once, by the conditional update on the invitation.</summary>
public class InvitationReminderRaceTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private Task<int> RemindersOfAsync(int invitationId) =>
        app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.InvitationReminder && n.SubjectId == invitationId));

    private async Task<(int SummitId, IReadOnlyList<int> Invitations)> SummitWithSilentInvitationsAsync(FormClient organiser, int count)
    {
        var summit = await app.CreateOpenSummitAsync();
        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(page, "#mode-form")).StatusCode);
        for (var i = 0; i < count; i++)
            await organiser.InviteAsync(summit.Id, (await app.CreateOrganisationAsync()).Id, $"race-{i}-{Guid.NewGuid():N}@example.org");
        var ids = await app.WithDbAsync(db => db.Invitations.Where(x => x.SummitId == summit.Id).Select(x => x.Id).ToListAsync());
        return (summit.Id, ids);
    }

    [Fact]
    public async Task The_same_remind_form_posted_eight_times_at_once_reminds_each_organisation_once()
    {
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var (summitId, invitations) = await SummitWithSilentInvitationsAsync(organiser, 3);
        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summitId}");
        var start = new TaskCompletionSource();
        var posts = Enumerable.Range(0, 8).Select(_ => Task.Run(async () => { await start.Task; return await organiser.SubmitAsync(page, "#remind-form"); })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)a.StatusCode}"));
        Assert.Equal(1, await app.WithDbAsync(db => db.InvitationReminderRounds.CountAsync(r => r.SummitId == summitId)));
        foreach (var id in invitations) Assert.Equal(1, await RemindersOfAsync(id));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "invitation.reminded" && e.SubjectType == nameof(InvitationReminderRound)
            && db.InvitationReminderRounds.Any(r => r.SummitId == summitId && e.SubjectId == r.Id.ToString()))));
    }

    [Fact]
    public async Task Eight_deadline_sweeps_at_once_remind_each_organisation_once()
    {
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var (summitId, invitations) = await SummitWithSilentInvitationsAsync(organiser, 3);
        var windowStart = app.UtcNow;
        app.Clock.Advance(TimeSpan.FromMinutes(1));   // the invitations were sent before the window: due
        var start = new TaskCompletionSource();
        var sweeps = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<InvitationDesk>().RemindBeforeDeadlineAsync(summitId, windowStart, new AuditActor(null, "Invitation sweep"));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(sweeps);

        Assert.Equal(3, results.Where(r => r.Succeeded).Sum(r => int.Parse(r.Message.Split(' ')[3], System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var id in invitations) Assert.Equal(1, await RemindersOfAsync(id));
        Assert.All(await app.WithDbAsync(db => db.Invitations.Where(i => i.SummitId == summitId).ToListAsync()), i => Assert.NotNull(i.DeadlineRemindedUtc));
        // Later sweeps find nobody.
        using var later = app.Services.CreateScope();
        Assert.False((await later.ServiceProvider.GetRequiredService<InvitationDesk>().RemindBeforeDeadlineAsync(summitId, windowStart, new AuditActor(null, "Invitation sweep"))).Succeeded);
    }
}
