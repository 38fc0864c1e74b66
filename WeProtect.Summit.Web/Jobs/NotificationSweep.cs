using Hangfire;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Enqueues every notification the database says is unsent: at start-up (the in-memory queue of the
/// embedded default forgets jobs on restart) and every minute.</summary>
public sealed class NotificationSweep(SummitDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string RecurringJobId = "notification-sweep";

    public async Task RunAsync(CancellationToken ct)
    {
        var staleClaim = clock.GetUtcNow().UtcDateTime - NotificationJob.ClaimLease;
        var ids = await db.Notifications
            .Where(n => n.SentUtc == null && n.FailedUtc == null && (n.ClaimedUtc == null || n.ClaimedUtc < staleClaim))
            .OrderBy(n => n.Id).Select(n => n.Id).Take(1000).ToListAsync(ct);
        foreach (var id in ids) jobs.Enqueue<NotificationJob>(job => job.SendAsync(id, CancellationToken.None));
    }
}
