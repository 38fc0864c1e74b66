using WeProtect.Summit.Data.Reporting;
using Microsoft.Extensions.Localization;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Reporting;

/// <summary>The letters to focal points, written from the database as it is when sent: the invitation (subject: the
/// <see cref="ReportInvitation"/>; nothing once the deadline has passed or the organisation has submitted), the
/// reminder (subject: the <see cref="ReportReminder"/>; nothing when the organisation has submitted meanwhile) and the
/// secretariat's request for a clarification (subject: the <see cref="ProgressReport"/>). Nothing when the recipient is
/// no longer a focal point of the organisation. Each in the recipient's saved language (else the summit's default).</summary>
public static class ReportingLetters
{
    public static async Task<Letter?> InvitationAsync(SummitDbContext db, PublicLinks links, IStringLocalizer words, DateTime nowUtc,
        Data.Notifications.Notification notification, CancellationToken ct)
    {
        var invitation = await db.ReportInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == notification.SubjectId, ct);
        if (invitation is null) return null;
        var focalPoint = await db.ReportingFocalPoints.AsNoTracking().Unrevoked().FirstOrDefaultAsync(f => f.Id == invitation.FocalPointId, ct);
        var cycle = await db.ReportingCycles.AsNoTracking().Include(c => c.Summit).FirstOrDefaultAsync(c => c.Id == invitation.CycleId, ct);
        if (focalPoint is null || cycle is null || nowUtc >= cycle.DeadlineUtc) return null;
        if (await db.ProgressReports.AnyAsync(r => r.CycleId == cycle.Id && r.OrganisationId == focalPoint.OrganisationId
                && r.Status != ProgressReportStatus.Draft, ct)) return null;
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == focalPoint.OrganisationId, ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == focalPoint.UserId, ct);
        if (organisation is null || user?.Email is null) return null;
        using var speaking = RecipientLanguage.Speak(user.PreferredLanguage, cycle.Summit.DefaultLanguage);
        return new Letter(user.Email, user.FullName, words["Invitation to report on {0}'s commitments: {1}", organisation.FormalName, cycle.Title],
            $"{words["Dear {0},", user.FullName]}\n\n" +
            words["As a reporting focal point for {0}, you are invited to report its progress on the commitments it endorsed, in \"{1}\".",
                organisation.FormalName, cycle.Title] + "\n\n" +
            words["Reports can be drafted from {0}; the deadline for submitting is {1}.", ReportingView.InZone(cycle.Summit, cycle.OpensUtc),
                ReportingView.InZone(cycle.Summit, cycle.DeadlineUtc)] + "\n\n" +
            words["Open the report, give the status of each commitment, and submit it with a fresh code from your authenticator app."],
            links.Absolute($"/Reporting/Report/{cycle.Id}/{organisation.Id}"), words["Open the report"], Language: CultureInfo.CurrentUICulture.Name);
    }

    public static async Task<Letter?> ReminderAsync(SummitDbContext db, PublicLinks links, IStringLocalizer words, Data.Notifications.Notification notification, CancellationToken ct)
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
        using var speaking = RecipientLanguage.Speak(user.PreferredLanguage, cycle.Summit.DefaultLanguage);
        return new Letter(user.Email, user.FullName, words["Reminder: {0}'s progress report for {1}", organisation.FormalName, cycle.Title],
            $"{words["Dear {0},", user.FullName]}\n\n" +
            words["{0} has not yet submitted its progress report for \"{1}\". The deadline is {2}.", organisation.FormalName, cycle.Title,
                ReportingView.InZone(cycle.Summit, cycle.DeadlineUtc)] + "\n\n" +
            LetterNote.Paragraphs(words, reminder.Note) +
            words["Open the report, give the status of each commitment, and submit it with a fresh code from your authenticator app."],
            links.Absolute(path), words["Open the report"], Language: CultureInfo.CurrentUICulture.Name);
    }

    public static async Task<Letter?> ClarificationAsync(SummitDbContext db, PublicLinks links, IStringLocalizer words, Data.Notifications.Notification notification, CancellationToken ct)
    {
        var report = await db.ProgressReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == notification.SubjectId, ct);
        if (report is null || notification.RecipientUserId is not { } recipientId || report.Review != ReportReview.ClarificationAsked) return null;
        if (!await db.ReportingFocalPoints.Unrevoked().AnyAsync(f => f.UserId == recipientId && f.OrganisationId == report.OrganisationId, ct)) return null;
        var cycle = await db.ReportingCycles.AsNoTracking().Include(c => c.Summit).FirstOrDefaultAsync(c => c.Id == report.CycleId, ct);
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == report.OrganisationId, ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == recipientId, ct);
        if (cycle is null || organisation is null || user?.Email is null) return null;
        using var speaking = RecipientLanguage.Speak(user.PreferredLanguage, cycle.Summit.DefaultLanguage);
        return new Letter(user.Email, user.FullName, words["A question on {0}'s progress report for {1}", organisation.FormalName, cycle.Title],
            $"{words["Dear {0},", user.FullName]}\n\n" +
            words["The secretariat has read submission {0} of {1}'s progress report for \"{2}\" and asks:", report.Number, organisation.FormalName, cycle.Title] +
            $"\n\n{report.ReviewNote}\n\n" +
            words["Answer by changing the report and submitting it again: the new submission supersedes this one."],
            links.Absolute($"/Reporting/Report/{cycle.Id}/{organisation.Id}"), words["Open the report"], Language: CultureInfo.CurrentUICulture.Name);
    }
}
