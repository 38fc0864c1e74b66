using Microsoft.AspNetCore.Hosting;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary><see cref="DefaultReminderApp"/>'s lead time, with the mail going through a real SMTP server (<see cref="SmtpAppFactory"/>).</summary>
public sealed class DefaultReminderSmtpApp : SmtpAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        DefaultReminderApp.UseDefaultLeadTime(builder);
    }
}
