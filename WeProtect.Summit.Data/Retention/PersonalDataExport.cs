using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Data.Retention;

/// <summary>Everything held about one person, for them to download (JSON): their account, registrations, bookings,
/// endorsements, needs, answers, travel, accreditation (their document number in full: it is theirs), messages addressed to them, the app's
/// e-mails to them (which and when), consultation comments and amendments, invitations and nominations sent
/// to their address, and their erasure requests. Only rows tied to their id or their address: nobody else's.</summary>
public sealed class PersonalDataExport(SummitDbContext db, TimeProvider clock, Accreditations.DocumentNumberProtector documentNumbers)
{
    public async Task<object?> ForUserAsync(string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        var email = EmailAddresses.Normalise(user.Email ?? "");
        var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(ct);
        var organisation = user.OrganisationId is { } orgId
            ? await db.Organisations.Where(o => o.Id == orgId).Select(o => o.FormalName).FirstOrDefaultAsync(ct) : null;
        var registrations = await db.Registrations.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, Summit = r.Summit.Name, r.SummitId, r.Status, r.FullName, r.Position,
                Organisation = r.Organisation != null ? r.Organisation.FormalName : r.ProposedOrganisationName,
                r.Category, r.Title, r.Honorific, r.Rank, r.IsMinister, r.ProtocolOrder, r.AccessNeeds, r.ConsentToPublicList,
                r.DecisionReason, r.CreatedUtc, r.DecidedUtc, r.CancelledUtc, r.CheckedInUtc,
            }).ToListAsync(ct);
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.Registration.UserId == userId).OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.RegistrationId, Breakout = b.Breakout.Title, b.Breakout.StartUtc, b.Status, b.RequestedUtc, b.ConfirmedUtc, b.CancelledUtc })
            .ToListAsync(ct);
        // Signed by them; not those an organiser recorded from a past summit's printed list (the audit trail says who did).
        var endorsements = await db.Endorsements.AsNoTracking().Where(e => e.SignerUserId == userId && e.RecordedFrom == null).OrderBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.StatementId, Organisation = e.Organisation.FormalName, e.PrintedName, e.PrintedPosition, e.SignedUtc,
                e.Declaration, e.WithdrawnUtc, e.WithdrawalReason,
            }).ToListAsync(ct);
        // Each message as they received it: the version in the language they read, when the organisers wrote one.
        var received = await db.DelegateMessageRecipients.AsNoTracking().Where(m => m.Registration.UserId == userId).OrderBy(m => m.Id)
            .Select(m => new { m.MessageId, m.CreatedUtc, m.Registration.User.PreferredLanguage, m.Registration.Summit.DefaultLanguage }).ToListAsync(ct);
        var messageIds = received.Select(m => m.MessageId).Distinct().ToList();
        var written = await db.DelegateMessages.AsNoTracking().Include(m => m.Versions).Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var messages = received.Select(m =>
        {
            var message = written[m.MessageId];
            var (_, subject, body) = message.TextFor(Languages.InterfaceLanguages.ReaderLanguage(m.PreferredLanguage, m.DefaultLanguage));
            return new { m.MessageId, message.SummitId, Subject = subject, Body = body, m.CreatedUtc };
        }).ToList();
        // The e-mails the app wrote to them on its own (confirmations, decisions, reminders): which, when made and when
        // sent; their text is written at sending from the data above and is not kept.
        // The same rule an erasure uses to find them (by subject: their registrations, bookings, invitations…).
        var notifications = await ErasureScope.OfPerson(db, userId, user.Email, clock.GetUtcNow().UtcDateTime).Notifications.AsNoTracking().OrderBy(n => n.Id)
            .Select(n => new { n.Kind, n.CreatedUtc, n.SentUtc }).ToListAsync(ct);
        var comments = await db.StatementComments.AsNoTracking().Where(c => c.AuthorUserId == userId).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.StatementId, c.Anchor, c.Text, c.AuthorName, c.OrganisationName, c.CreatedUtc }).ToListAsync(ct);
        var amendments = await db.Amendments.AsNoTracking().Where(a => a.ProposerUserId == userId).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.StatementId, a.Anchor, a.ProposedWording, a.Explanation, a.ProposerName, a.Status, a.CreatedUtc })
            .ToListAsync(ct);
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.NormalisedEmail == email || i.FocalPointUserId == userId)
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.SummitId, Organisation = i.Organisation.FormalName, i.Email, i.SentUtc, i.AcceptedUtc, i.RevokedUtc })
            .ToListAsync(ct);
        var nominations = await db.Nominations.AsNoTracking().Where(n => n.NormalisedEmail == email).OrderBy(n => n.Id)
            .Select(n => new { n.Id, n.SummitId, n.Email, n.Category, n.Title, n.Honorific, n.Rank, n.CreatedUtc, n.RegistrationId })
            .ToListAsync(ct);
        var registrationIds = registrations.Select(r => r.Id).ToList();
        var needs = await db.RegistrationNeeds.AsNoTracking().Where(n => registrationIds.Contains(n.RegistrationId))
            .OrderBy(n => n.Id).Select(n => new { n.RegistrationId, n.Need }).ToListAsync(ct);
        var answers = await db.RegistrationAnswers.AsNoTracking().Where(a => registrationIds.Contains(a.RegistrationId))
            .OrderBy(a => a.Id).Select(a => new { a.RegistrationId, Question = a.Question.Label, a.Value, a.UpdatedUtc }).ToListAsync(ct);
        var travel = await db.TravelDetails.AsNoTracking().Where(t => registrationIds.Contains(t.RegistrationId)).OrderBy(t => t.Id)
            .Select(t => new { t.RegistrationId, t.ArrivalUtc, t.ArrivalFlight, t.DepartureUtc, t.DepartureFlight, t.Hotel })
            .ToListAsync(ct);
        var accreditations = (await db.Accreditations.AsNoTracking().Where(a => registrationIds.Contains(a.RegistrationId)).OrderBy(a => a.Id)
            .ToListAsync(ct)).Select(a => new
            {
                a.RegistrationId, a.NationalityCode, a.DocumentExpiry, a.Photo, a.PhotoUpdatedUtc,
                DocumentNumber = a.ProtectedDocumentNumber is null ? null : documentNumbers.Unprotect(a.ProtectedDocumentNumber),
            }).ToList();
        var visaLetters = await db.VisaLetters.AsNoTracking().Where(v => registrationIds.Contains(v.RegistrationId)).OrderBy(v => v.Id)
            .Select(v => new { v.Id, v.RegistrationId, v.Status, v.RequestedUtc, v.DecidedUtc, v.RefusalReason, v.IssuedUtc, v.Sha256 })
            .ToListAsync(ct);
        var requests = await db.ErasureRequests.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.RequestedUtc, r.CarriedOutUtc }).ToListAsync(ct);
        return new
        {
            ExportedUtc = clock.GetUtcNow().UtcDateTime,
            Account = new
            {
                user.Id, user.FullName, user.Email, user.EmailConfirmed, user.Position, Organisation = organisation, user.PhoneNumber,
                user.TwoFactorEnabled, user.CreatedUtc, Roles = roles, Language = user.PreferredLanguage,
            },
            Registrations = registrations, Needs = needs, Answers = answers, Travel = travel, Accreditations = accreditations,
            VisaLetters = visaLetters, Bookings = bookings, Endorsements = endorsements, MessagesToYou = messages, EmailsToYou = notifications,
            ConsultationComments = comments, ProposedAmendments = amendments, InvitationsToYourAddress = invitations,
            NominationsToYourAddress = nominations, ErasureRequests = requests,
        };
    }
}
