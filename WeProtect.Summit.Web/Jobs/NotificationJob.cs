using Hangfire;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Sends one notification by id. Idempotent: a sent message is never sent again, and a message another
/// worker has just claimed is left to it. A failure is recorded on the row and retried with back-off by Hangfire;
/// after <see cref="Notification.MaxAttempts"/> the row is marked failed for organisers to see.</summary>
public sealed class NotificationJob(SummitDbContext db, NotificationLetters letters, Mailer mailer, TimeProvider clock, ILogger<NotificationJob> logger)
{
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    [AutomaticRetry(Attempts = Notification.MaxAttempts - 1, DelaysInSeconds = [10, 60, 300, 900])]
    public async Task SendAsync(long notificationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var staleClaim = now - ClaimLease;
        var claimed = await db.Notifications
            .Where(n => n.Id == notificationId && n.SentUtc == null && n.FailedUtc == null && (n.ClaimedUtc == null || n.ClaimedUtc < staleClaim))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUtc, now).SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);
        if (claimed == 0) return; // sent, failed for good, or in another worker's hands

        var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == notificationId, ct);
        try
        {
            var letter = await letters.ComposeAsync(notification, ct);
            if (letter is not null) await mailer.SendAsync(letter, ct);
            await db.Notifications.Where(n => n.Id == notificationId)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.SentUtc, clock.GetUtcNow().UtcDateTime).SetProperty(n => n.LastError, (string?)null), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Notification {NotificationId} ({Kind}) failed, attempt {Attempt}", notification.Id, notification.Kind, notification.Attempts);
            var failed = notification.Attempts >= Notification.MaxAttempts ? clock.GetUtcNow().UtcDateTime : (DateTime?)null;
            var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            await db.Notifications.Where(n => n.Id == notificationId)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.LastError, error).SetProperty(n => n.ClaimedUtc, (DateTime?)null)
                    .SetProperty(n => n.FailedUtc, failed), CancellationToken.None);
            if (failed is null) throw; // Hangfire retries later
        }
    }
}
