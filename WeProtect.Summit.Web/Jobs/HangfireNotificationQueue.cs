using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>The hand-over from the domain (after commit) to Hangfire.</summary>
public sealed class HangfireNotificationQueue(HandOver handOver) : INotificationQueue
{
    public void Enqueue(long notificationId) =>
        handOver.Enqueue<NotificationJob>(job => job.SendAsync(notificationId, CancellationToken.None), "Notification", notificationId);
}
