namespace WeProtect.Summit.Data.Notifications;

public static class NotificationKinds
{
    public const string RegistrationReceived = "registration.received";
    public const string RegistrationDecision = "registration.decision";
    public const string RegistrationPromoted = "registration.promoted";
    /// <summary>The secretariat corrected the delegate's name, position or needs (subject: the registration).</summary>
    public const string RegistrationCorrected = "registration.corrected";
    public const string BookingConfirmed = "booking.confirmed";
    public const string BookingWaitlisted = "booking.waitlisted";
    public const string BookingPromoted = "booking.promoted";
    /// <summary>A seat became free, but the first in line holds an overlapping seat: they keep their place, are told.</summary>
    public const string BookingPassedOver = "booking.passed-over";
    /// <summary>An organiser's message to delegates (subject: the recipient row, DelegateMessageRecipient).</summary>
    public const string DelegateMessage = "message.delegate";
    /// <summary>A delegate cancelled their own seat or place on a waiting list: the confirmation.</summary>
    public const string BookingCancelled = "booking.cancelled";
    /// <summary>The breakout of a booking moved to another time or room.</summary>
    public const string BreakoutMoved = "breakout.moved";
    /// <summary>Organisers cancelled the breakout of a booking (subject: the booking, ended with it).</summary>
    public const string BreakoutCancelled = "breakout.cancelled";
    /// <summary>Statements opened for signature, to a signatory (subject: the signing authority).</summary>
    public const string SigningInvitation = "signing.invitation";
    /// <summary>An organiser granted a signing authority: to the new signatory, which statements they may sign (subject:
    /// the signing authority). The statements opening later are announced by <see cref="SigningInvitation"/>.</summary>
    public const string SigningGranted = "signing.granted";
    /// <summary>An organiser revoked a signing authority: to the former signatory, for which organisation and why
    /// (subject: the signing authority).</summary>
    public const string SigningRevoked = "signing.revoked";
    /// <summary>A statement went under consultation: to each approved delegate of its summit, once per statement
    /// (subject: the statement; recipient: the delegate).</summary>
    public const string ConsultationOpened = "consultation.opened";
    /// <summary>The signing window closes soon and the organisation has not signed (subject: the signing authority).</summary>
    public const string SigningReminder = "signing.reminder";
    /// <summary>An organiser accepted or rejected an amendment; the subject is the amendment.</summary>
    public const string AmendmentDecided = "amendment.decided";
    /// <summary>An endorsement was signed or withdrawn: a receipt to each signatory of the organisation (subject: the
    /// endorsement), so that a signature nobody in the organisation expected does not go unnoticed.</summary>
    public const string EndorsementSigned = "endorsement.signed";
    public const string EndorsementWithdrawn = "endorsement.withdrawn";
    /// <summary>An organisation has not submitted its progress report (subject: the <c>ReportReminder</c>; one per focal point).</summary>
    public const string ReportingReminder = "reporting.reminder";
    /// <summary>A reporting cycle is open to a focal point's organisation (subject: the <c>ReportInvitation</c>, one per cycle and focal point).</summary>
    public const string ReportingInvitation = "reporting.invitation";
    /// <summary>The secretariat asked a clarification on a submitted report (subject: the <c>ProgressReport</c>; one per focal point).</summary>
    public const string ReportingClarification = "reporting.clarification";
    /// <summary>An organisation's invitation to a summit, to its focal point's address (subject: the invitation).</summary>
    public const string InvitationSent = "invitation.sent";
    /// <summary>The invitation is still unanswered (subject: the invitation); one per reminder round.</summary>
    public const string InvitationReminder = "invitation.reminder";
    /// <summary>A focal point nominated someone to the delegation (subject: the nomination).</summary>
    public const string NominationSent = "nomination.sent";
    /// <summary>A visa letter was issued, or refused by an organiser (subject: the letter; one per recipient: the
    /// delegate, and the focal point who asked for it).</summary>
    public const string VisaLetterIssued = "visa-letter.issued";
    public const string VisaLetterRefused = "visa-letter.refused";
    /// <summary>An issued visa letter no longer holds: the travel document changed (subject: the
    /// <c>VisaLetterWithdrawal</c>; one per recipient, as above).</summary>
    public const string VisaLetterWithdrawn = "visa-letter.withdrawn";
    /// <summary>The focal point withdrew a nomination, or the organisers revoked its invitation (subject: the nomination).</summary>
    public const string NominationWithdrawn = "nomination.withdrawn";
    /// <summary>The organisers revoked an invitation: to its focal point, or to its address when nobody had accepted
    /// it (subject: the invitation; recipient: the focal point when there was one).</summary>
    public const string InvitationRevoked = "invitation.revoked";

    /// <summary>The kinds whose subject is a registration.</summary>
    public static readonly IReadOnlyList<string> AboutRegistration = [RegistrationReceived, RegistrationDecision, RegistrationPromoted, RegistrationCorrected];

    /// <summary>The kinds whose subject is a booking.</summary>
    public static readonly IReadOnlyList<string> AboutBooking =
    [
        BookingConfirmed, BookingWaitlisted, BookingPromoted, BookingPassedOver, BookingCancelled, BreakoutMoved, BreakoutCancelled,
    ];

    /// <summary>The kinds whose subject is a visa letter.</summary>
    public static readonly IReadOnlyList<string> AboutVisaLetter = [VisaLetterIssued, VisaLetterRefused];

    /// <summary>The kinds whose subject is a signing authority (the signatory is its user).</summary>
    public static readonly IReadOnlyList<string> AboutSigningAuthority = [SigningGranted, SigningRevoked, SigningInvitation, SigningReminder];

    /// <summary>The kinds whose subject is an endorsement (one letter per signatory of the organisation).</summary>
    public static readonly IReadOnlyList<string> AboutEndorsement = [EndorsementSigned, EndorsementWithdrawn];

    /// <summary>The kinds whose subject is an organisation's invitation to a summit.</summary>
    public static readonly IReadOnlyList<string> AboutInvitation = [InvitationSent, InvitationReminder, InvitationRevoked];

    /// <summary>What a letter of each kind is, as the organisers' lists of letters say it (a delegate's record, the
    /// outbox). Every kind has one (<c>VocabularyTests</c>).</summary>
    public static string Label(string kind) => kind switch
    {
        RegistrationReceived => "Registration received",
        RegistrationDecision => "Decision on the registration",
        RegistrationPromoted => "Place from the waiting list",
        RegistrationCorrected => "Details corrected by the secretariat",
        BookingConfirmed => "Seat confirmed",
        BookingWaitlisted => "On a breakout's waiting list",
        BookingPromoted => "Seat from a breakout's waiting list",
        BookingPassedOver => "Seat passed over (overlapping breakout)",
        BookingCancelled => "Seat cancelled by the delegate",
        BreakoutMoved => "Breakout moved",
        BreakoutCancelled => "Breakout cancelled",
        DelegateMessage => "Message from the organisers",
        VisaLetterIssued => "Visa letter issued",
        VisaLetterRefused => "Visa letter refused",
        VisaLetterWithdrawn => "Visa letter withdrawn",
        SigningInvitation => "Invitation to sign",
        SigningReminder => "Reminder to sign",
        SigningGranted => "Signing authority granted",
        SigningRevoked => "Signing authority revoked",
        ConsultationOpened => "Consultation opened",
        AmendmentDecided => "Decision on an amendment",
        EndorsementSigned => "Endorsement receipt",
        EndorsementWithdrawn => "Endorsement withdrawn",
        ReportingInvitation => "Invitation to report",
        ReportingReminder => "Reminder to report",
        ReportingClarification => "Clarification asked on a report",
        InvitationSent => "Invitation to the summit",
        InvitationReminder => "Reminder of the invitation",
        InvitationRevoked => "Invitation revoked",
        NominationSent => "Nomination",
        NominationWithdrawn => "Nomination withdrawn",
        _ => kind,
    };
}
