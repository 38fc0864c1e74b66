using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Reporting;

/// <summary>The letters to focal points, written from the database as it is when sent: the reminder (subject: the
/// <see cref="ReportReminder"/>; nothing when the organisation has submitted meanwhile) and the secretariat's request
/// for a clarification (subject: the <see cref="ProgressReport"/>). Nothing when the recipient is no longer a focal
/// point of the organisation.</summary>
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

    public static async Task<Letter?> ClarificationAsync(SummitDbContext db, PublicLinks links, Data.Notifications.Notification notification, CancellationToken ct)
    {
        var report = await db.ProgressReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == notification.SubjectId, ct);
        if (report is null || notification.RecipientUserId is not { } recipientId || report.Review != ReportReview.ClarificationAsked) return null;
        if (!await db.ReportingFocalPoints.Unrevoked().AnyAsync(f => f.UserId == recipientId && f.OrganisationId == report.OrganisationId, ct)) return null;
        var cycle = await db.ReportingCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == report.CycleId, ct);
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == report.OrganisationId, ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == recipientId, ct);
        if (cycle is null || organisation is null || user?.Email is null) return null;
        return new Letter(user.Email, user.FullName, $"A question on {organisation.FormalName}'s progress report for {cycle.Title}",
            $"Dear {user.FullName},\n\nThe secretariat has read submission {report.Number} of {organisation.FormalName}'s progress report for " +
            $"\"{cycle.Title}\" and asks:\n\n{report.ReviewNote}\n\n" +
            "Answer by changing the report and submitting it again: the new submission supersedes this one.",
            links.Absolute($"/Reporting/Report/{cycle.Id}/{organisation.Id}"), "Open the report");
    }
}
