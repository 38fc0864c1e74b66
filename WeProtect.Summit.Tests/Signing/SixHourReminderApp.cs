using Microsoft.AspNetCore.Hosting;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>The app with signing reminders six hours before a window closes (<c>Signing:ReminderBefore</c>). Its own
/// setting, not a second host beside the default one: the default host's minutely sweep would remind at 48 hours.</summary>
public sealed class SixHourReminderApp : SummitAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Signing:ReminderBefore", "06:00:00");
    }
}
