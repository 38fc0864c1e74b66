using Microsoft.AspNetCore.Hosting;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Invitations;

/// <summary>The app with the invitation reminders' own lead time (<c>Invitations:ReminderBefore</c>, 3 days), which
/// <see cref="SummitAppFactory"/> shortens to a second so that its minutely sweep leaves other tests' summits alone.</summary>
public sealed class InvitationDeadlineApp : SummitAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Empty: the code's default, as if the setting were not given.
        builder.UseSetting(InvitationReminderSweep.ReminderBeforeKey, "");
    }
}
