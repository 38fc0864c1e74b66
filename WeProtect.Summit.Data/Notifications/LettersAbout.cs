namespace WeProtect.Summit.Data.Notifications;

/// <summary>Every letter written to one delegate about one summit, whatever its subject: the registration's own
/// (received, decision, place from the waiting list, corrections), its bookings', the organisers' messages to it, its
/// visa letters' (to the delegate and to the focal point who asked) and the nomination it came from; and the letters
/// to the delegate's account about that summit's business: consultation notices of its statements, amendment
/// decisions on what they proposed, endorsement receipts, invitations of the summit of which they are the focal point,
/// and reporting invitations, reminders and clarifications of its cycles addressed to them; and the letters of their
/// signing authorities (granted, revoked, invitations and reminders to sign), which belong to no one summit. A letter of a
/// kind that goes to several people counts only when it went to this delegate. The organisers' record of what was
/// written to whom.</summary>
public static class LettersAbout
{
    private static readonly string[] RegistrationKinds = [.. NotificationKinds.AboutRegistration];
    private static readonly string[] BookingKinds = [.. NotificationKinds.AboutBooking];
    private static readonly string[] VisaLetterKinds = [.. NotificationKinds.AboutVisaLetter];
    private static readonly string[] SigningAuthorityKinds = [.. NotificationKinds.AboutSigningAuthority];
    private static readonly string[] EndorsementKinds = [.. NotificationKinds.AboutEndorsement];
    private static readonly string[] InvitationKinds = [.. NotificationKinds.AboutInvitation];

    public static IQueryable<Notification> Registration(SummitDbContext db, int registrationId)
    {
        var bookings = db.Bookings.Where(b => b.RegistrationId == registrationId).Select(b => b.Id);
        var messages = db.DelegateMessageRecipients.Where(m => m.RegistrationId == registrationId).Select(m => m.Id);
        var visaLetters = db.VisaLetters.Where(v => v.RegistrationId == registrationId).Select(v => v.Id);
        var withdrawals = db.VisaLetterWithdrawals.Where(w => visaLetters.Contains(w.VisaLetterId)).Select(w => w.Id);
        var nomination = db.Registrations.Where(r => r.Id == registrationId && r.NominationId != null).Select(r => r.NominationId!.Value);
        // The delegate's account, and the summit's business addressed to it.
        var registration = db.Registrations.Where(r => r.Id == registrationId);
        var user = registration.Select(r => r.UserId);
        var summit = registration.Select(r => r.SummitId);
        var statements = db.Statements.Where(s => summit.Contains(s.SummitId)).Select(s => s.Id);
        var amendments = db.Amendments.Where(a => statements.Contains(a.StatementId) && user.Contains(a.ProposerUserId)).Select(a => a.Id);
        var endorsements = db.Endorsements.Where(e => statements.Contains(e.StatementId)).Select(e => e.Id);
        var invitations = db.Invitations.Where(i => summit.Contains(i.SummitId) && user.Contains(i.FocalPointUserId)).Select(i => i.Id);
        var cycles = db.ReportingCycles.Where(c => summit.Contains(c.SummitId)).Select(c => c.Id);
        var reportInvitations = db.ReportInvitations.Where(i => cycles.Contains(i.CycleId)
            && db.ReportingFocalPoints.Any(f => f.Id == i.FocalPointId && user.Contains(f.UserId))).Select(i => i.Id);
        var reportReminders = db.ReportReminders.Where(r => cycles.Contains(r.CycleId)).Select(r => r.Id);
        var reports = db.ProgressReports.Where(r => cycles.Contains(r.CycleId)).Select(r => r.Id);
        var authorities = db.SigningAuthorities.Where(a => user.Contains(a.UserId)).Select(a => a.Id);
        return db.Notifications.Where(n =>
            (RegistrationKinds.Contains(n.Kind) && n.SubjectId == registrationId)
            || (BookingKinds.Contains(n.Kind) && bookings.Contains(n.SubjectId))
            || (n.Kind == NotificationKinds.DelegateMessage && messages.Contains(n.SubjectId))
            || (VisaLetterKinds.Contains(n.Kind) && visaLetters.Contains(n.SubjectId))
            || (n.Kind == NotificationKinds.VisaLetterWithdrawn && withdrawals.Contains(n.SubjectId))
            || ((n.Kind == NotificationKinds.NominationSent || n.Kind == NotificationKinds.NominationWithdrawn) && nomination.Contains(n.SubjectId))
            || (n.Kind == NotificationKinds.ConsultationOpened && statements.Contains(n.SubjectId) && user.Contains(n.RecipientUserId))
            || (n.Kind == NotificationKinds.AmendmentDecided && amendments.Contains(n.SubjectId))
            || (EndorsementKinds.Contains(n.Kind) && endorsements.Contains(n.SubjectId) && user.Contains(n.RecipientUserId))
            || (InvitationKinds.Contains(n.Kind) && invitations.Contains(n.SubjectId))
            || (n.Kind == NotificationKinds.ReportingInvitation && reportInvitations.Contains(n.SubjectId))
            || (n.Kind == NotificationKinds.ReportingReminder && reportReminders.Contains(n.SubjectId) && user.Contains(n.RecipientUserId))
            || (n.Kind == NotificationKinds.ReportingClarification && reports.Contains(n.SubjectId) && user.Contains(n.RecipientUserId))
            || (SigningAuthorityKinds.Contains(n.Kind) && authorities.Contains(n.SubjectId)));
    }
}
