using Hangfire;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Enqueues every notification the database says is due (<see cref="Notification.Due"/>): at start-up (the
/// in-memory queue of the embedded default forgets jobs on restart) and every minute, which is also how a failed
/// message is retried once its back-off is over.</summary>
public sealed class NotificationSweep(SummitDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string RecurringJobId = "notification-sweep";

    public async Task RunAsync(CancellationToken ct)
    {
        var ids = await db.Notifications.Where(Notification.Due(clock.GetUtcNow().UtcDateTime))
            .OrderBy(n => n.Id).Select(n => n.Id).Take(1000).ToListAsync(ct);
        foreach (var id in ids) jobs.Enqueue<NotificationJob>(job => job.SendAsync(id, CancellationToken.None));
    }
}
