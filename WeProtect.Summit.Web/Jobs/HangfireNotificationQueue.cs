using Hangfire;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>The hand-over from the domain (after commit) to Hangfire.</summary>
public sealed class HangfireNotificationQueue(IBackgroundJobClient jobs) : INotificationQueue
{
    public void Enqueue(long notificationId) =>
        jobs.Enqueue<NotificationJob>(job => job.SendAsync(notificationId, CancellationToken.None));
}
