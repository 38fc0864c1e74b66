using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Invitations;

/// <summary>The automatic reminder before the nomination deadline: nothing before <c>Invitations:ReminderBefore</c>
/// (3 days by default) ahead of registration closing; then each invited organisation that has not nominated anyone is
/// reminded once however many sweeps run, one that nominated is not, and one an organiser reminded within that time is
/// not reminded again. The organiser sees when each was reminded.</summary>
public class InvitationReminderSweepTests(InvitationDeadlineApp app) : IClassFixture<InvitationDeadlineApp>
{
    private async Task SweepAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<InvitationReminderSweep>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_deadline_reminder_is_the_standard_letter_even_after_an_organisers_note()
    {
        var summit = await app.CreateOpenSummitAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.Summits.SingleAsync(s => s.Id == summit.Id)).RegistrationClosesUtc = app.UtcNow.AddDays(10);
            await db.SaveChangesAsync();
        });
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}"), "#mode-form")).StatusCode);
        var email = $"noted-{Guid.NewGuid():N}@example.org";
        await organiser.InviteAsync(summit.Id, (await app.CreateOrganisationAsync()).Id, email);

        // Reminded by hand with a note, long before the deadline: that letter carries it.
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<InvitationDesk>().RemindAsync(summit.Id, Guid.NewGuid(), "Our own words.",
                new Data.Audit.AuditActor(null, "Organiser"))).Succeeded);
        Assert.Contains("Our own words.", (await app.WaitForLettersAsync(email, "Reminder: Invitation", 1)).Single().TextBody);

        // Two days before the deadline the sweep's reminder is the standard one.
        app.Clock.Advance(TimeSpan.FromDays(8));
        await SweepAsync();
        var letters = await app.WaitForLettersAsync(email, "Reminder: Invitation", 2);
        Assert.Single(letters, l => l.TextBody!.Contains("Our own words."));
        Assert.Single(letters, l => !l.TextBody!.Contains("A note from the secretariat"));
    }

    private Task<int> RemindersOfAsync(int invitationId) =>
        app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.InvitationReminder && n.SubjectId == invitationId));

    [Fact]
    public async Task The_sweep_reminds_each_organisation_without_nominees_once_when_the_deadline_is_near()
    {
        using (var scope = app.Services.CreateScope())
            Assert.Equal(TimeSpan.FromDays(3), scope.ServiceProvider.GetRequiredService<InvitationReminderSweep>().ReminderBefore);
        var summit = await app.CreateOpenSummitAsync();
        // Nominations close in ten days (an unanswered invitation lives 30: it is still open then).
        var closes = app.UtcNow.AddDays(10);
        await app.WithDbAsync(async db =>
        {
            (await db.Summits.SingleAsync(s => s.Id == summit.Id)).RegistrationClosesUtc = closes;
            await db.SaveChangesAsync();
        });
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(page, "#mode-form")).StatusCode);
        var silentEmail = $"silent-{Guid.NewGuid():N}@example.org";
        var earlyEmail = $"early-{Guid.NewGuid():N}@example.org";
        await organiser.InviteAsync(summit.Id, (await app.CreateOrganisationAsync()).Id, silentEmail);
        await organiser.InviteAsync(summit.Id, (await app.CreateOrganisationAsync()).Id, earlyEmail);
        var (nominating, focal) = await app.AcceptedInvitationAsync(summit.Id);
        Assert.True((await app.NominateAsync(nominating, focal, $"nominee-{Guid.NewGuid():N}@example.org")).Succeeded);
        var invitations = await app.WithDbAsync(db => db.Invitations.Where(i => i.SummitId == summit.Id).ToDictionaryAsync(i => i.Email, i => i.Id));

        // A week before the deadline: nothing.
        app.Clock.Advance(closes - TimeSpan.FromDays(7) - app.UtcNow);
        await SweepAsync();
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.InvitationReminder && invitations.Values.Contains(n.SubjectId))));

        // Two days before: the organiser reminds by hand first (it reaches both silent ones), then the sweeps run.
        app.Clock.Advance(TimeSpan.FromDays(5));
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<InvitationDesk>().RemindAsync(summit.Id, Guid.NewGuid(), null, new Data.Audit.AuditActor(null, "Organiser"))).Succeeded);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await SweepAsync();
        Assert.Equal(1, await RemindersOfAsync(invitations[silentEmail]));   // reminded by hand within the time: not again
        Assert.Equal(1, await RemindersOfAsync(invitations[earlyEmail]));
        Assert.Equal(0, await RemindersOfAsync(nominating.Id));

        // A new organisation invited now, and never reminded: the sweep reminds it, once however often it runs.
        organiser = await app.LoggedInClientAsync(Roles.Organiser);   // the first log-in's session ended as the clock moved
        var lateEmail = $"late-{Guid.NewGuid():N}@example.org";
        await organiser.InviteAsync(summit.Id, (await app.CreateOrganisationAsync()).Id, lateEmail);
        var late = await app.WithDbAsync(db => db.Invitations.Where(i => i.Email == lateEmail).Select(i => i.Id).SingleAsync());
        await Task.WhenAll(SweepAsync(), SweepAsync());
        await SweepAsync();
        Assert.Equal(1, await RemindersOfAsync(late));
        var letter = (await app.WaitForLettersAsync(lateEmail, "Reminder: Invitation", 1)).Single();
        Assert.Contains("has not yet answered its invitation", letter.TextBody);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "invitation.deadline-reminded" && e.SubjectId == summit.Id.ToString())));
        Assert.Equal(1, await RemindersOfAsync(invitations[silentEmail]));

        // The organiser sees when the late one was reminded.
        var list = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");
        Assert.Contains("(reminded", list.QuerySelector($"tr[data-invitation-id='{late}'] .state")!.TextContent);
        Assert.DoesNotContain("(reminded", list.QuerySelector($"tr[data-invitation-id='{nominating.Id}'] .state")!.TextContent);

        // Past the deadline the sweep leaves the summit alone.
        app.Clock.Advance(TimeSpan.FromDays(3));
        var before = await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.InvitationReminder));
        await SweepAsync();
        Assert.Equal(before, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.InvitationReminder)));
    }
}
