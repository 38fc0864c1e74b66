using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Jobs;

/// <summary>A mail that has gone stays gone even when the database cannot at once record it (<see cref="StampFailureApp"/>):
/// it is never taken for a failure to be retried, which would send it twice.</summary>
public class NotificationStampFailureTests(StampFailureApp app) : IClassFixture<StampFailureApp>
{
    private int MailsTo(string email) => app.SentMail().Count(m => m.To.ToString().Contains(email) && (m.Subject ?? "").StartsWith("Registration received"));

    private async Task SendAsync(long id)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<NotificationJob>().SendAsync(id, CancellationToken.None);
    }

    private async Task SweepAndSettleAsync()
    {
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<NotificationSweep>().RunAsync(CancellationToken.None);
        await Task.Delay(1500); // time for any job the sweep handed over to send
    }

    /// <summary>Waits until the desk's own notification of the same registration is stamped as sent, not only its mail
    /// written: the refusal is armed for any stamp, and one taken by that job would leave it claimed and send it again
    /// after the lease.</summary>
    private async Task DeskOwnRecordedAsync(long id)
    {
        var row = await RowAsync(id);
        for (var waited = 0; waited < 20_000; waited += 50)
        {
            if (!await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Id != id && n.Kind == row.Kind && n.SubjectId == row.SubjectId && n.SentUtc == null)))
                return;
            await Task.Delay(50);
        }
        Assert.Fail("The desk's own notification was not recorded as sent within 20 s");
    }

    private Task<Notification> RowAsync(long id) => app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id));

    [Fact]
    public async Task A_sent_mail_whose_stamp_fails_once_is_recorded_as_sent_and_never_sent_again()
    {
        var (id, email) = await NotificationJobTests.UnqueuedNotificationAsync(app);
        await app.WaitForMailAsync(m => m.To.ToString().Contains(email));
        await DeskOwnRecordedAsync(id);
        var before = MailsTo(email);

        app.Refusal.Arm(1);
        await SendAsync(id);

        Assert.Equal(0, app.Refusal.Remaining);
        Assert.Equal(before + 1, MailsTo(email));
        var row = await RowAsync(id);
        Assert.NotNull(row.SentUtc);
        Assert.Null(row.LastError);
        Assert.Null(row.NextAttemptUtc);

        app.Clock.Advance(TimeSpan.FromHours(2));
        await SendAsync(id);
        await SweepAndSettleAsync();
        Assert.Equal(before + 1, MailsTo(email));
    }

    [Fact]
    public async Task A_sent_mail_that_cannot_be_recorded_keeps_its_claim_and_goes_again_only_after_the_lease_with_the_same_message_id()
    {
        var (id, email) = await NotificationJobTests.UnqueuedNotificationAsync(app);
        await app.WaitForMailAsync(m => m.To.ToString().Contains(email));
        await DeskOwnRecordedAsync(id);
        var before = MailsTo(email);

        app.Refusal.Arm(100);
        await SendAsync(id);
        app.Refusal.Arm(0);

        Assert.Equal(before + 1, MailsTo(email));
        var row = await RowAsync(id);
        Assert.Null(row.SentUtc);
        Assert.NotNull(row.ClaimedUtc);
        Assert.Null(row.LastError); // not a failure: nothing for the outbox to retry
        Assert.Null(row.NextAttemptUtc);
        Assert.Contains(app.Log.Lines, line => line.Contains($"Notification {id} (") && line.Contains("sent but not recorded"));

        // Within the lease: a rerun and the sweep leave it alone.
        app.Clock.Advance(Notification.ClaimLease - TimeSpan.FromSeconds(30));
        await SendAsync(id);
        await SweepAndSettleAsync();
        Assert.Equal(before + 1, MailsTo(email));

        // After it (the worker may have died before the mail left): once more, as the same message.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(id);
        Assert.Equal(before + 2, MailsTo(email));
        var messageId = NotificationJob.MessageIdOf(await RowAsync(id));
        Assert.Equal(2, app.SentMail().Count(m => m.MessageId == messageId));
        Assert.NotNull((await RowAsync(id)).SentUtc);
    }
}
