using Microsoft.AspNetCore.Hosting;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>The app with the reporting reminders' own lead time (<c>Reporting:ReminderBefore</c>, 14 days), which
/// <see cref="SummitAppFactory"/> shortens to a second so that its minutely sweep leaves other tests' cycles alone.</summary>
public sealed class DefaultReminderApp : SummitAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        UseDefaultLeadTime(builder);
    }

    /// <summary>Empty: the code's default, as if the setting were not given.</summary>
    public static void UseDefaultLeadTime(IWebHostBuilder builder) => builder.UseSetting(ReportingSweep.ReminderBeforeKey, "");
}
