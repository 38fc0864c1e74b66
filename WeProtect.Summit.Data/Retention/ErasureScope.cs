using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Messages;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Retention;

/// <summary>Whose personal data an erasure touches: everyone's in one summit (the retention run), or one person's in
/// every summit (an erasure request). Each query gives the rows of one entity in that scope; the catalogue's items
/// narrow them to those still holding data.</summary>
public sealed class ErasureScope
{
    private ErasureScope(SummitDbContext db, DateTime nowUtc, int? summitId, string? userId, string? normalisedEmail) =>
        (Db, NowUtc, SummitId, UserId, NormalisedEmail) = (db, nowUtc, summitId, userId, normalisedEmail);

    public SummitDbContext Db { get; }
    /// <summary>The time of the run (by the app's clock), for items that stamp a row.</summary>
    public DateTime NowUtc { get; }
    public int? SummitId { get; }
    public string? UserId { get; }
    public string? NormalisedEmail { get; }

    public static ErasureScope OfSummit(SummitDbContext db, int summitId, DateTime nowUtc) => new(db, nowUtc, summitId, null, null);

    /// <summary>One person: their account, their registrations, and invitations or nominations sent to their address.</summary>
    public static ErasureScope OfPerson(SummitDbContext db, string userId, string? email, DateTime nowUtc) =>
        new(db, nowUtc, null, userId, string.IsNullOrEmpty(email) ? null : EmailAddresses.Normalise(email));

    public IQueryable<Registration> Registrations => SummitId is { } s
        ? Db.Registrations.Where(r => r.SummitId == s)
        : Db.Registrations.Where(r => r.UserId == UserId);

    public IQueryable<Nomination> Nominations
    {
        get
        {
            if (SummitId is { } s) return Db.Nominations.Where(n => n.SummitId == s);
            var registrations = Registrations.Select(r => (int?)r.Id);
            var email = NormalisedEmail;
            return Db.Nominations.Where(n => n.NormalisedEmail == email || registrations.Contains(n.RegistrationId));
        }
    }

    public IQueryable<Invitation> Invitations
    {
        get
        {
            if (SummitId is { } s) return Db.Invitations.Where(i => i.SummitId == s);
            var (email, user) = (NormalisedEmail, UserId);
            return Db.Invitations.Where(i => i.NormalisedEmail == email || i.FocalPointUserId == user);
        }
    }

    /// <summary>Organisers' messages: a summit's; none for one person (a message is written to many, and the person's
    /// copy is composed from their registration, which is erased).</summary>
    public IQueryable<DelegateMessage> Messages => SummitId is { } s
        ? Db.DelegateMessages.Where(m => m.SummitId == s)
        : Db.DelegateMessages.Where(m => false);

    /// <summary>The same messages' texts in other languages.</summary>
    public IQueryable<DelegateMessageVersion> MessageVersions => SummitId is { } s
        ? Db.DelegateMessageVersions.Where(v => Db.DelegateMessages.Any(m => m.Id == v.MessageId && m.SummitId == s))
        : Db.DelegateMessageVersions.Where(v => false);

    /// <summary>Badge batches, for who printed them: a summit's; none for one person (the organiser who printed is not
    /// the person erased).</summary>
    public IQueryable<BadgeBatch> BadgeBatches => SummitId is { } s
        ? Db.BadgeBatches.Where(b => b.SummitId == s)
        : Db.BadgeBatches.Where(b => false);

    /// <summary>Reprints, for the reason given (which may say what befell the holder): a summit's, or those of one
    /// person's badges (a reprint is a batch of one badge).</summary>
    public IQueryable<BadgeBatch> Reprints
    {
        get
        {
            if (SummitId is { } s) return Db.BadgeBatches.Where(b => b.SummitId == s && b.Reason != null);
            var registrations = Registrations.Select(r => r.Id);
            return Db.BadgeBatches.Where(b => b.Reason != null && b.Prints.Any() && b.Prints.All(p => registrations.Contains(p.RegistrationId)));
        }
    }

    public IQueryable<StatementComment> Comments
    {
        get
        {
            if (SummitId is { } s)
            {
                var statements = Db.Statements.Where(t => t.SummitId == s).Select(t => t.Id);
                return Db.StatementComments.Where(c => statements.Contains(c.StatementId));
            }
            var user = UserId;
            return Db.StatementComments.Where(c => c.AuthorUserId == user);
        }
    }

    public IQueryable<Amendment> Amendments
    {
        get
        {
            if (SummitId is { } s)
            {
                var statements = Db.Statements.Where(t => t.SummitId == s).Select(t => t.Id);
                return Db.Amendments.Where(a => statements.Contains(a.StatementId));
            }
            var user = UserId;
            return Db.Amendments.Where(a => a.ProposerUserId == user);
        }
    }

    /// <summary>The notifications about the scope's registrations, bookings, messages, invitations and nominations
    /// (a notification names its subject by kind and id), and a summit's consultation notices; for one person, also
    /// every one addressed to them.</summary>
    public IQueryable<Notification> Notifications
    {
        get
        {
            var registrations = Registrations.Select(r => r.Id);
            var bookings = Db.Bookings.Where(b => registrations.Contains(b.RegistrationId)).Select(b => b.Id);
            var recipients = Db.DelegateMessageRecipients.Where(m => registrations.Contains(m.RegistrationId)).Select(m => m.Id);
            var invitations = Invitations.Select(i => i.Id);
            var nominations = Nominations.Select(n => n.Id);
            var user = UserId;
            // A summit's consultation notices, addressed to its delegates (subject: one of its statements).
            var statements = SummitId is { } s ? Db.Statements.Where(st => st.SummitId == s).Select(st => st.Id) : Db.Statements.Where(st => false).Select(st => st.Id);
            return Db.Notifications.Where(n =>
                (RegistrationKinds.Contains(n.Kind) && registrations.Contains(n.SubjectId))
                || (BookingKinds.Contains(n.Kind) && bookings.Contains(n.SubjectId))
                || (n.Kind == NotificationKinds.DelegateMessage && recipients.Contains(n.SubjectId))
                || (InvitationKinds.Contains(n.Kind) && invitations.Contains(n.SubjectId))
                || (n.Kind == NotificationKinds.NominationSent && nominations.Contains(n.SubjectId))
                || (n.Kind == NotificationKinds.ConsultationOpened && statements.Contains(n.SubjectId))
                || (user != null && n.RecipientUserId == user));
        }
    }

    public IQueryable<SummitUser> Account => Db.Users.Where(u => UserId != null && u.Id == UserId);

    // Arrays, as EF Core translates Contains on them.
    private static readonly string[] RegistrationKinds = [.. NotificationKinds.AboutRegistration];

    private static readonly string[] BookingKinds = [.. NotificationKinds.AboutBooking];

    private static readonly string[] InvitationKinds = [NotificationKinds.InvitationSent, NotificationKinds.InvitationReminder];
}
