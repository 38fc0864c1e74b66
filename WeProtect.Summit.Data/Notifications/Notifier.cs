using Microsoft.EntityFrameworkCore.Storage;

namespace WeProtect.Summit.Data.Notifications;

/// <summary>Writes notifications into the current transaction and hands them to the queue only once it has
/// committed, so that no job ever looks for a message that was rolled back.</summary>
public sealed class Notifier(SummitDbContext db, INotificationQueue queue, TimeProvider clock)
{
    private readonly List<Notification> written = [];

    public Notification Add(string kind, int subjectId, string? recipientUserId = null)
    {
        var notification = new Notification
        {
            Kind = kind, SubjectId = subjectId, RecipientUserId = recipientUserId, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Notifications.Add(notification);
        written.Add(notification);
        return notification;
    }

    /// <summary>Saves what is pending, commits, then enqueues what was written.</summary>
    public async Task CommitAsync(IDbContextTransaction transaction, CancellationToken ct = default)
    {
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var notification in written) queue.Enqueue(notification.Id);
        written.Clear();
    }
}
