using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.TestHost;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Tests.Registration;

/// <summary>The app whose letters are written but never sent, as if the mail job had not run yet: a letter waits for as
/// long as a test needs. Nothing is handed to the job queue, and the app runs no job server, so neither the sweep at
/// start-up nor the minutely one sends a letter in the middle of a test (on a busy machine they did).</summary>
public sealed class HeldLettersApp : SummitAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Hold(builder);
    }

    /// <summary>Replaces the queue with one that keeps nothing and takes the job server away (also for
    /// <see cref="HeldLettersOnPostgresApp"/>).</summary>
    internal static void Hold(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<INotificationQueue, Held>();
            // Hangfire registers its server as a hosted service built by a factory: the factory's type names it.
            var server = services.Where(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationFactory?.GetType().GenericTypeArguments.LastOrDefault() == typeof(BackgroundJobServerHostedService)).ToList();
            Assert.Single(server);
            services.Remove(server[0]);
        });

    private sealed class Held : INotificationQueue
    {
        public void Enqueue(long notificationId) { }
    }
}
