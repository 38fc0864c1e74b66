using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Jobs;

/// <summary>The database, not the queue, says what must be sent: a lost job is found again, and a job run twice
/// sends once.</summary>
public class NotificationJobTests : IClassFixture<SummitAppFactory>
{
    private readonly SummitAppFactory app;

    public NotificationJobTests(SummitAppFactory app) => this.app = app;

    private Task<(long Id, string Email)> UnqueuedNotificationAsync() => UnqueuedNotificationAsync(app);

    /// <summary>A registration's "received" notification that no job was handed (beside the desk's own, which was).</summary>
    internal static async Task<(long Id, string Email)> UnqueuedNotificationAsync(SummitAppFactory app)
    {
        // The app's recurring sweep (each minute on the wall clock) would send a lost notification itself, between the
        // test's steps when a minute turns; these tests hand it to the job, or run the sweep, themselves.
        app.Services.GetRequiredService<Hangfire.IRecurringJobManager>().RemoveIfExists(NotificationSweep.RecurringJobId);
        // The sweep the app enqueues at start may not have run yet on a busy machine: let every job queued so far finish,
        // or it would send the row made below between the test's steps.
        var monitoring = app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        for (var waited = 0; waited < 20_000 && monitoring.EnqueuedCount("default") + monitoring.ProcessingCount() > 0; waited += 50)
            await Task.Delay(50);
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync();
        var registration = await app.RegisterAsync(user, summit.Id, organisation.Id);
        // As if the process died between the commit and the hand-over to the queue.
        var id = await app.WithDbAsync(async db =>
        {
            var notification = new Notification { Kind = NotificationKinds.RegistrationReceived, SubjectId = registration.Id, CreatedUtc = app.UtcNow };
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            return notification.Id;
        });
        return (id, user.Email!);
    }

    private int MailsTo(string email) => app.SentMail().Count(m => m.To.ToString().Contains(email) && (m.Subject ?? "").StartsWith("Registration received"));

    [Fact]
    public async Task The_sweep_sends_a_notification_whose_job_was_lost()
    {
        var (id, email) = await UnqueuedNotificationAsync();
        await app.WaitForMailAsync(m => m.To.ToString().Contains(email)); // the desk's own notification
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<NotificationSweep>().RunAsync(CancellationToken.None);

        for (var waited = 0; waited < 20_000 && MailsTo(email) < 2; waited += 100) await Task.Delay(100);
        Assert.Equal(2, MailsTo(email));
        Assert.NotNull(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.SentUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_job_run_twice_sends_once()
    {
        var (id, email) = await UnqueuedNotificationAsync();
        await app.WaitForMailAsync(m => m.To.ToString().Contains(email));
        var before = MailsTo(email);
        for (var run = 0; run < 2; run++)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<NotificationJob>().SendAsync(id, CancellationToken.None);
        }
        Assert.Equal(before + 1, MailsTo(email));
    }

    [Fact]
    public async Task Workers_running_one_job_at_once_send_it_once()
    {
        var (id, email) = await UnqueuedNotificationAsync();
        await app.WaitForMailAsync(m => m.To.ToString().Contains(email));
        var before = MailsTo(email);

        // Eight workers (each its own scope, connection and transaction) take the same notification at once: the
        // conditional update that claims it lets one through.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<NotificationJob>().SendAsync(id, CancellationToken.None);
        })));

        Assert.Equal(before + 1, MailsTo(email));
        var row = await app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.NotNull(row.SentUtc);
        Assert.Equal(1, row.Attempts);
    }
}
