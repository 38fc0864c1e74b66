using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Sends one notification by id. Idempotent: a sent message is never sent again, and a message another
/// worker (of this node or another) has claimed is left to it. A failure is recorded on the row with the time of the
/// next attempt (<see cref="Notification.Backoff"/>), which the sweep honours: retries live in the database, not in
/// Hangfire, so that organisers see them (Outbox) and a restart loses none. A mail server that is down or busy is
/// waited for however long; a 5xx refusal of the recipient or the message is final at once.</summary>
public sealed class NotificationJob(SummitDbContext db, NotificationLetters letters, Mailer mailer, TimeProvider clock, ILogger<NotificationJob> logger)
{
    public async Task SendAsync(long notificationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Notifications.Where(n => n.Id == notificationId).Where(Notification.Due(now))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUtc, now).SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);
        if (claimed == 0) return; // sent, failed for good, waiting for its next attempt, or in another worker's hands

        var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == notificationId, ct);
        try
        {
            var letter = await letters.ComposeAsync(notification, ct);
            if (Data.Retention.PersonalDataCatalogue.IsErasedAddress(letter?.ToAddress))
            {
                // Written before the person's data was erased (or about a row erasure left behind): it reaches nobody.
                await db.Notifications.Where(n => n.Id == notificationId)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.LastError, ErasedRecipient).SetProperty(n => n.ClaimedUtc, (DateTime?)null)
                        .SetProperty(n => n.FailedUtc, clock.GetUtcNow().UtcDateTime).SetProperty(n => n.NextAttemptUtc, (DateTime?)null), CancellationToken.None);
                return;
            }
            if (letter is not null) await mailer.SendAsync(letter with { MessageId = MessageIdOf(notification) }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var failedAt = clock.GetUtcNow().UtcDateTime;
            var final = MailRefusal.IsPermanent(ex) || (!MailRefusal.IsMailServer(ex) && notification.Attempts >= Notification.MaxAttempts);
            // No addresses in the log: the kind, the id and the exception's type say enough; the message (which may
            // name the recipient) stays in the row for organisers.
            logger.LogWarning("Notification {NotificationId} ({Kind}) not sent, attempt {Attempt}: {Error}{Final}",
                notification.Id, notification.Kind, notification.Attempts, ex.GetType().Name, final ? ", given up" : "");
            var error = Describe(ex);
            DateTime? failed = final ? failedAt : null;
            DateTime? next = final ? null : failedAt + Notification.Backoff(notification.Attempts);
            await db.Notifications.Where(n => n.Id == notificationId)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.LastError, error).SetProperty(n => n.ClaimedUtc, (DateTime?)null)
                    .SetProperty(n => n.FailedUtc, failed).SetProperty(n => n.NextAttemptUtc, next), CancellationToken.None);
            return;
        }
        await RecordSentAsync(notification);
    }

    /// <summary>The mail has gone: a busy database now must not turn it into a failure whose retry sends it again. The
    /// stamp is tried again (each try already waits out a lock for the command timeout); if it still cannot be written,
    /// the claim is left in place, so the message goes again only after <see cref="Notification.ClaimLease"/>, with the
    /// same Message-ID.</summary>
    private async Task RecordSentAsync(Notification notification)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Notifications.Where(n => n.Id == notification.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.SentUtc, clock.GetUtcNow().UtcDateTime)
                        .SetProperty(n => n.LastError, (string?)null).SetProperty(n => n.NextAttemptUtc, (DateTime?)null), CancellationToken.None);
                return;
            }
            catch (System.Data.Common.DbException ex) when (attempt < StampAttempts)
            {
                logger.LogWarning("Notification {NotificationId} ({Kind}) sent, recording it failed on try {Attempt}: {Error}",
                    notification.Id, notification.Kind, attempt, ex.GetType().Name);
            }
            catch (System.Data.Common.DbException ex)
            {
                logger.LogError("Notification {NotificationId} ({Kind}) sent but not recorded; its claim stands: {Error}",
                    notification.Id, notification.Kind, ex.GetType().Name);
                return;
            }
        }
    }

    private const int StampAttempts = 3;

    public const string ErasedRecipient = "Not sent: the recipient's personal data has been erased.";

    /// <summary>The same at every attempt for one notification, unique across notifications and installations' rows.</summary>
    public static string MessageIdOf(Notification notification) =>
        $"notification-{notification.Id}-{notification.CreatedUtc.Ticks}@weprotect-summit";

    private static string Describe(Exception ex)
    {
        var text = ex switch
        {
            MailKit.Net.Smtp.SmtpCommandException smtp => $"The mail server answered {(int)smtp.StatusCode}: {smtp.Message}",
            System.Net.Sockets.SocketException or IOException => $"The mail server could not be reached: {ex.Message}",
            _ => ex.Message,
        };
        return text.Length > 1000 ? text[..1000] : text;
    }
}
