using WeProtect.Summit.Data;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Registration;

/// <summary>The app whose process "dies" while it sends a message to delegates: of the message's notifications handed
/// over after the commit, the first <see cref="SentBeforeCrash"/> are sent at once, the next is claimed by a worker that
/// dies before stamping it, and the rest are never handed over (the queue went with the process). Other notifications
/// go to Hangfire as usual. Nothing in the app is changed: what remains is for its sweep to find.</summary>
public sealed class MessageCrashApp : SummitAppFactory
{
    public const int SentBeforeCrash = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<INotificationQueue>(provider =>
            new CrashingQueue(provider, new HangfireNotificationQueue(provider.GetRequiredService<HandOver>()))));
    }

    private sealed class CrashingQueue(IServiceProvider services, INotificationQueue inner) : INotificationQueue
    {
        private int handedOver;

        public void Enqueue(long notificationId)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
            var kind = db.Notifications.Where(n => n.Id == notificationId).Select(n => n.Kind).Single();
            if (kind != NotificationKinds.DelegateMessage)
            {
                inner.Enqueue(notificationId);
                return;
            }
            var turn = Interlocked.Increment(ref handedOver);
            if (turn <= SentBeforeCrash)
            {
                scope.ServiceProvider.GetRequiredService<NotificationJob>().SendAsync(notificationId, CancellationToken.None).GetAwaiter().GetResult();
            }
            else if (turn == SentBeforeCrash + 1)
            {
                // The job's own claim (as NotificationJob makes it), then the process stops before the mail goes out.
                var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                db.Notifications.Where(n => n.Id == notificationId).Where(Notification.Due(now))
                    .ExecuteUpdate(s => s.SetProperty(n => n.ClaimedUtc, now).SetProperty(n => n.Attempts, n => n.Attempts + 1));
            }
        }
    }
}
