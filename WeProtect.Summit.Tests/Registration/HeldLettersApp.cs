using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Tests.Registration;

/// <summary>The app whose letters are written but not handed to the job queue, as if the mail job had not run yet: a
/// letter waits for as long as a test needs (the minutely sweep would send it; tests take less).</summary>
public sealed class HeldLettersApp : SummitAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Hold(builder);
    }

    /// <summary>Replaces the queue with one that keeps nothing (also for <see cref="HeldLettersOnPostgresApp"/>).</summary>
    internal static void Hold(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<INotificationQueue, Held>());

    private sealed class Held : INotificationQueue
    {
        public void Enqueue(long notificationId) { }
    }
}
