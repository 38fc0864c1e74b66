using System.Globalization;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>How long before a deadline a sweep sends its reminders (<c>Signing:ReminderBefore</c>,
/// <c>Reporting:ReminderBefore</c>, <c>Invitations:ReminderBefore</c>): a positive time span from the settings, else
/// the sweep's default.</summary>
public static class ReminderLead
{
    /// <summary>Every sweep's setting, checked at start-up.</summary>
    public static readonly string[] Keys = [SigningSweep.ReminderBeforeKey, ReportingSweep.ReminderBeforeKey, InvitationReminderSweep.ReminderBeforeKey];

    public static TimeSpan Read(IConfiguration configuration, string key, TimeSpan fallback) =>
        configuration.GetValue<TimeSpan?>(key) is { } lead && lead > TimeSpan.Zero ? lead : fallback;

    /// <summary>Null when every lead is unset (the default) or a positive time span; else the message to print. Read at
    /// each run, a value that is not a time span failed every run of its sweep, and no reminder went out.</summary>
    public static string? Refusal(IConfiguration configuration)
    {
        var wrong = Keys.Select(key => (Key: key, Value: configuration[key]))
            .Where(s => !string.IsNullOrWhiteSpace(s.Value)
                && !(TimeSpan.TryParse(s.Value, CultureInfo.InvariantCulture, out var lead) && lead > TimeSpan.Zero))
            .Select(s => $"  - {s.Key} is '{s.Value}': give a positive time span, e.g. 2.00:00:00 for two days or 06:00:00 for six hours.")
            .ToList();
        return wrong.Count == 0 ? null
            : "WeProtect Summit will not start with these reminder settings:" + Environment.NewLine + string.Join(Environment.NewLine, wrong);
    }
}
