namespace WeProtect.Summit.Data.Notifications;

/// <summary>Every letter about one delegate's registration, whatever its subject: the registration's own (received,
/// decision, place from the waiting list), its bookings', the organisers' messages to it, its visa letters' (to the
/// delegate and to the focal point who asked) and the nomination it came from. The organisers' record of what was
/// written to whom.</summary>
public static class LettersAbout
{
    private static readonly string[] RegistrationKinds = [.. NotificationKinds.AboutRegistration];
    private static readonly string[] BookingKinds = [.. NotificationKinds.AboutBooking];
    private static readonly string[] VisaLetterKinds = [.. NotificationKinds.AboutVisaLetter];

    public static IQueryable<Notification> Registration(SummitDbContext db, int registrationId)
    {
        var bookings = db.Bookings.Where(b => b.RegistrationId == registrationId).Select(b => b.Id);
        var messages = db.DelegateMessageRecipients.Where(m => m.RegistrationId == registrationId).Select(m => m.Id);
        var visaLetters = db.VisaLetters.Where(v => v.RegistrationId == registrationId).Select(v => v.Id);
        var withdrawals = db.VisaLetterWithdrawals.Where(w => visaLetters.Contains(w.VisaLetterId)).Select(w => w.Id);
        var nomination = db.Registrations.Where(r => r.Id == registrationId && r.NominationId != null).Select(r => r.NominationId!.Value);
        return db.Notifications.Where(n =>
            (RegistrationKinds.Contains(n.Kind) && n.SubjectId == registrationId)
            || (BookingKinds.Contains(n.Kind) && bookings.Contains(n.SubjectId))
            || (n.Kind == NotificationKinds.DelegateMessage && messages.Contains(n.SubjectId))
            || (VisaLetterKinds.Contains(n.Kind) && visaLetters.Contains(n.SubjectId))
            || (n.Kind == NotificationKinds.VisaLetterWithdrawn && withdrawals.Contains(n.SubjectId))
            || ((n.Kind == NotificationKinds.NominationSent || n.Kind == NotificationKinds.NominationWithdrawn) && nomination.Contains(n.SubjectId)));
    }
}
