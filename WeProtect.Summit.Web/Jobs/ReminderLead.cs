namespace WeProtect.Summit.Web.Jobs;

/// <summary>How long before a deadline a sweep sends its reminders (<c>Signing:ReminderBefore</c>,
/// <c>Reporting:ReminderBefore</c>, <c>Invitations:ReminderBefore</c>): a positive time span from the settings, else
/// the sweep's default.</summary>
public static class ReminderLead
{
    public static TimeSpan Read(IConfiguration configuration, string key, TimeSpan fallback) =>
        configuration.GetValue<TimeSpan?>(key) is { } lead && lead > TimeSpan.Zero ? lead : fallback;
}
