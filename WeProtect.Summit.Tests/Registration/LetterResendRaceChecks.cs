using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Tests.Registration;

/// <summary>A letter sent again by several organisers (or one double click) at the same moment waits as one copy: the
/// database's unique filtered index decides, not the check before it. Once that copy has gone, it can be sent again.
/// Run on SQLite (<see cref="LetterResendRaceTests"/>) and PostgreSQL (<see cref="LetterResendRaceOnPostgresTests"/>).</summary>
public abstract class LetterResendRaceChecks(SummitAppFactory app)
{
    [Fact]
    public async Task Eight_requests_to_send_a_letter_again_at_once_leave_one_copy_waiting()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (_, registration) = await app.ApprovedDelegateAsync(summit.Id, "Amina Twice");
        // The decision letter went (the held queue never sends it: say it did).
        var letterId = await app.WithDbAsync(db => db.Notifications
            .Where(n => n.Kind == NotificationKinds.RegistrationDecision && n.SubjectId == registration.Id).Select(n => n.Id).SingleAsync());
        await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == letterId).ExecuteUpdateAsync(u => u.SetProperty(n => n.SentUtc, app.UtcNow)));

        var start = new TaskCompletionSource();
        var requests = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<LetterDesk>().ResendAsync(summit.Id, registration.Id, letterId, new AuditActor(null, "Organiser"));
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => Assert.True(a.Succeeded, a.Message.ToString()));
        var copies = await app.WithDbAsync(db => db.Notifications.Where(n => n.ResendOf == letterId).ToListAsync());
        var copy = Assert.Single(copies);
        Assert.Equal((NotificationKinds.RegistrationDecision, registration.Id), (copy.Kind, copy.SubjectId));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "letter.resent" && e.SubjectId == registration.Id.ToString())));

        // Once the copy has gone, the letter can be sent again.
        await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == copy.Id).ExecuteUpdateAsync(u => u.SetProperty(n => n.SentUtc, app.UtcNow)));
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<LetterDesk>().ResendAsync(summit.Id, registration.Id, letterId, new AuditActor(null, "Organiser"))).Succeeded);
        Assert.Equal(2, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.ResendOf == letterId)));
    }
}
