using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Reporting;

/// <summary>The reminder to a focal point (the subject is the <see cref="ReportReminder"/>), written from the database
/// as it is when sent: nothing when the organisation has submitted meanwhile or the recipient is no longer its
/// focal point.</summary>
public static class ReportingLetters
{
    public static async Task<Letter?> ReminderAsync(SummitDbContext db, PublicLinks links, Data.Notifications.Notification notification, CancellationToken ct)
    {
        var reminder = await db.ReportReminders.AsNoTracking().FirstOrDefaultAsync(r => r.Id == notification.SubjectId, ct);
        if (reminder is null || notification.RecipientUserId is not { } recipientId) return null;
        if (!await db.ReportingFocalPoints.Unrevoked().AnyAsync(f => f.UserId == recipientId && f.OrganisationId == reminder.OrganisationId, ct)) return null;
        if (await db.ProgressReports.AnyAsync(r => r.CycleId == reminder.CycleId && r.OrganisationId == reminder.OrganisationId
                && r.Status != ProgressReportStatus.Draft, ct)) return null;
        var cycle = await db.ReportingCycles.AsNoTracking().Include(c => c.Summit).FirstOrDefaultAsync(c => c.Id == reminder.CycleId, ct);
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == reminder.OrganisationId, ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == recipientId, ct);
        if (cycle is null || organisation is null || user?.Email is null) return null;
        var path = $"/Reporting/Report/{cycle.Id}/{organisation.Id}";
        return new Letter(user.Email, user.FullName, $"Reminder: {organisation.FormalName}'s progress report for {cycle.Title}",
            $"Dear {user.FullName},\n\n{organisation.FormalName} has not yet submitted its progress report for \"{cycle.Title}\". " +
            $"The deadline is {ReportingView.InZone(cycle.Summit, cycle.DeadlineUtc)}.\n\n" +
            "Open the report, give the status of each commitment, and submit it with a fresh code from your authenticator app.",
            links.Absolute(path), "Open the report");
    }
}
