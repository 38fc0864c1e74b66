using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Messages;

/// <summary>The reminders an organiser schedules with one button: when each goes (from the summit's dates, in its
/// time zone), to whom, and its wording (placeholders filled in per recipient when it is sent).</summary>
public static class StandardReminders
{
    public const string RegistrationCloses = "registration-closes";
    public const string SummitStarts = "summit-starts";

    /// <summary>The local hour at which "the summit starts tomorrow" goes, the day before.</summary>
    public const int DayBeforeHour = 9;
    public static readonly TimeSpan RegistrationLead = TimeSpan.FromDays(3);

    public sealed record Reminder(string Kind, string Title, RegistrationFilter Filter, string Subject, string Body);

    public static readonly IReadOnlyList<Reminder> All =
    [
        new(RegistrationCloses, "Registration closes in 3 days", new RegistrationFilter { Status = RegistrationStatus.Pending },
            "{SummitName}: registration closes in 3 days",
            "Dear {FullName},\n\nRegistration for {SummitName} ({SummitDates}, {City}) closes in 3 days. Your registration is still "
            + "{Status}: please check that your details and answers are complete at {RegistrationLink}.\n\nWith best wishes,\nThe summit secretariat"),
        new(SummitStarts, "The summit starts tomorrow", new RegistrationFilter { Status = RegistrationStatus.Approved },
            "{SummitName} starts tomorrow",
            "Dear {FullName},\n\n{SummitName} starts tomorrow in {City}. Please bring your badge ({BadgeLink}) and an identity document; "
            + "your breakouts are at {BreakoutsLink}.\n\nWe look forward to welcoming you,\nThe summit secretariat"),
    ];

    public static Reminder? Find(string? kind) => All.FirstOrDefault(r => r.Kind == kind);

    /// <summary>When the reminder goes for this summit, or why it cannot be scheduled.</summary>
    public static (DateTime Utc, DeskText? Error) When(Reminder reminder, Summits.Summit summit) => reminder.Kind switch
    {
        RegistrationCloses => summit.RegistrationClosesUtc is { } closes
            ? (closes - RegistrationLead, null)
            : (default, "Set the registration window first: this reminder goes 3 days before registration closes."),
        _ => Summits.SummitClock.ToUtc(summit.StartDate.AddDays(-1).ToDateTime(new TimeOnly(DayBeforeHour, 0)), summit.Zone),
    };
}
