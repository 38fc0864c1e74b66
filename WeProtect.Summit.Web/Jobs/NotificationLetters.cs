using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Writes the message for a notification from the database as it is now (so a message sent late
/// still tells the truth), or null when there is nothing left to say.</summary>
public sealed class NotificationLetters(SummitDbContext db, PublicLinks links, TimeProvider clock, Invitations.InvitationLetters invitations,
    Accreditation.VisaLetterLetters visaLetters,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> words)
{
    /// <summary>Letters with a translation are written in the recipient's language (<see cref="RecipientLanguage"/>);
    /// the others in English, whatever culture the job thread carries.</summary>
    public async Task<Letter?> ComposeAsync(Notification notification, CancellationToken ct)
    {
        using var english = RecipientLanguage.Speak(Data.Languages.InterfaceLanguages.Default);
        return await ComposeInEnglishByDefaultAsync(notification, ct);
    }

    /// <summary>A text of the letter in the language being spoken (the key is the English text).</summary>
    private string Say(string key, params object[] arguments) => words[key, arguments].Value;

    private async Task<Letter?> ComposeInEnglishByDefaultAsync(Notification notification, CancellationToken ct) => notification.Kind switch
    {
        NotificationKinds.RegistrationReceived or NotificationKinds.RegistrationDecision or NotificationKinds.RegistrationPromoted
            or NotificationKinds.RegistrationCorrected => await RegistrationLetterAsync(notification, ct),
        NotificationKinds.BreakoutMoved => await BreakoutMovedLetterAsync(notification, ct),
        NotificationKinds.BreakoutCancelled => await BreakoutCancelledLetterAsync(notification, ct),
        NotificationKinds.BookingConfirmed or NotificationKinds.BookingWaitlisted or NotificationKinds.BookingPromoted
            or NotificationKinds.BookingCancelled => await BookingLetterAsync(notification, ct),
        NotificationKinds.BookingPassedOver => await PassedOverLetterAsync(notification, ct),
        NotificationKinds.DelegateMessage => await DelegateMessageLetterAsync(notification, ct),
        NotificationKinds.SigningInvitation or NotificationKinds.SigningReminder => await SigningLetterAsync(notification, ct),
        NotificationKinds.SigningGranted => await Signing.SigningGrantLetters.GrantedAsync(db, links, words, clock.GetUtcNow().UtcDateTime, notification, ct),
        NotificationKinds.SigningRevoked => await Signing.SigningGrantLetters.RevokedAsync(db, words, notification, ct),
        NotificationKinds.ConsultationOpened => await Statements.ConsultationLetters.OpenedAsync(db, links, words, notification, ct),
        NotificationKinds.AmendmentDecided => await AmendmentLetterAsync(notification, ct),
        NotificationKinds.EndorsementSigned or NotificationKinds.EndorsementWithdrawn => await EndorsementLetterAsync(notification, ct),
        NotificationKinds.InvitationSent or NotificationKinds.InvitationReminder => await invitations.InvitationAsync(notification, ct),
        NotificationKinds.NominationSent => await invitations.NominationAsync(notification, ct),
        NotificationKinds.VisaLetterIssued or NotificationKinds.VisaLetterRefused or NotificationKinds.VisaLetterWithdrawn
            => await visaLetters.ComposeAsync(notification, ct),
        NotificationKinds.NominationWithdrawn => await invitations.NominationWithdrawnAsync(notification, ct),
        NotificationKinds.InvitationRevoked => await invitations.InvitationRevokedAsync(notification, ct),
        NotificationKinds.ReportingInvitation => await Reporting.ReportingLetters.InvitationAsync(db, links, words, clock.GetUtcNow().UtcDateTime, notification, ct),
        NotificationKinds.ReportingReminder => await Reporting.ReportingLetters.ReminderAsync(db, links, words, notification, ct),
        NotificationKinds.ReportingClarification => await Reporting.ReportingLetters.ClarificationAsync(db, links, words, notification, ct),
        _ => throw new InvalidOperationException($"No letter for notifications of kind {notification.Kind}"),
    };

    /// <summary>To a signatory (the subject is their signing authority): the statements open for signature now that
    /// their organisation may endorse (for a reminder: has not endorsed), each with its closing time in the summit's
    /// zone. Nothing when the authority was revoked or nothing is left to sign.</summary>
    private async Task<Letter?> SigningLetterAsync(Notification notification, CancellationToken ct)
    {
        var authority = await db.SigningAuthorities.AsNoTracking().Include(a => a.Organisation)
            .Live(db.Users).FirstOrDefaultAsync(a => a.Id == notification.SubjectId, ct);
        if (authority is null) return null;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == authority.UserId, ct);
        if (user?.Email is null) return null;
        using var speaking = RecipientLanguage.Speak(user.PreferredLanguage);
        var now = clock.GetUtcNow().UtcDateTime;
        var reminder = notification.Kind == NotificationKinds.SigningReminder;
        var statements = await db.Statements.AsNoTracking().Include(s => s.Summit)
            .Where(s => s.Status == Data.Statements.StatementStatus.OpenForSignature)
            .Where(s => !reminder || !db.Endorsements.Any(e => e.StatementId == s.Id && e.OrganisationId == authority.OrganisationId && e.WithdrawnUtc == null))
            .OrderBy(s => s.SigningClosesUtc).ToListAsync(ct);
        var lines = new List<string>();
        foreach (var s in statements)
        {
            var final = s.FinalVersionId is { } id ? await db.StatementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) : null;
            if (s.RefuseEndorsement(authority.Organisation.Sector, Data.Endorsements.EndorsementDesk.AudiencesOf(final), now) is not null) continue;
            lines.Add("- " + (s.SigningClosesUtc is { } closes
                ? Say("{0} ({1}): signing closes on {2}", s.Title, s.Summit.Name, Signing.SigningView.InZone(s.Summit, closes))
                : Say("{0} ({1}): a standing statement, open for endorsement at any time", s.Title, s.Summit.Name)));
        }
        if (lines.Count == 0) return null;
        var organisation = authority.Organisation.FormalName;
        var (subject, opening) = reminder
            ? (Say("Reminder: signing closes soon for {0}", organisation), Say("{0} has not yet endorsed the following, and its signing window closes soon:", organisation))
            : (Say("Open for signature: statements for {0}", organisation), Say("As a signatory for {0}, you may now endorse the following:", organisation));
        var body = $"{Say("Dear {0},", user.FullName)}\n\n{opening}\n\n{string.Join("\n", lines)}\n\n" +
            Say("To sign, open Statements to sign, read the final text, and confirm it with a fresh code from your authenticator app.");
        return new Letter(user.Email, user.FullName, subject, body, links.Absolute("/Signing"), Say("Statements to sign"), Language: CultureInfo.CurrentUICulture.Name);
    }

    /// <summary>A receipt to one signatory of the organisation: who signed (or withdrew) which text, bound to which
    /// version and hash, when. Nothing when the recipient no longer holds a live authority for the organisation.</summary>
    private async Task<Letter?> EndorsementLetterAsync(Notification notification, CancellationToken ct)
    {
        var endorsement = await db.Endorsements.AsNoTracking().Include(e => e.Organisation)
            .FirstOrDefaultAsync(e => e.Id == notification.SubjectId, ct);
        if (endorsement is null || notification.RecipientUserId is not { } recipientId) return null;
        if (!await db.SigningAuthorities.Unrevoked().AnyAsync(a => a.UserId == recipientId && a.OrganisationId == endorsement.OrganisationId, ct))
            return null;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == recipientId, ct);
        var statement = await db.Statements.AsNoTracking().Include(s => s.Summit).FirstOrDefaultAsync(s => s.Id == endorsement.StatementId, ct);
        var version = await db.StatementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == endorsement.StatementVersionId, ct);
        if (user?.Email is null || statement is null || version is null) return null;
        using var speaking = RecipientLanguage.Speak(user.PreferredLanguage, statement.Summit.DefaultLanguage);
        string When(DateTime utc) => $"{statement.Summit.ToLocal(utc).Said("dddd d MMMM yyyy, HH:mm:ss")} ({statement.Summit.TimeZoneId})";
        var organisation = endorsement.Organisation.FormalName;
        var bound = Say("The signature is bound to version {0} of the text, SHA-256 {1}.", version.Number, endorsement.ContentHash);
        var dear = Say("Dear {0},", user.FullName);
        var signatory = Say("You receive this as a signatory for {0}.", organisation);
        var (subject, body) = notification.Kind == NotificationKinds.EndorsementWithdrawn
            ? (Say("Endorsement withdrawn: {0}", statement.Title),
                $"{dear}\n\n" + Say("The endorsement of \"{0}\" on behalf of {1}, signed by {2} ({3}) on {4}, was withdrawn on {5}.", statement.Title, organisation,
                    endorsement.PrintedName, endorsement.PrintedPosition, When(endorsement.SignedUtc), When(endorsement.WithdrawnUtc ?? endorsement.SignedUtc)) + "\n" +
                $"{Say("Reason given: {0}", Signing.WithdrawalReasons.Said(endorsement.WithdrawalReason, endorsement.LeftAllianceOn, Say))}\n\n{bound}\n\n{signatory}")
            : (Say("Endorsement recorded: {0}", statement.Title),
                $"{dear}\n\n" + Say("{0} ({1}) endorsed \"{2}\" on behalf of {3} on {4}.", endorsement.PrintedName, endorsement.PrintedPosition, statement.Title,
                    organisation, When(endorsement.SignedUtc)) + $"\n\n{bound}\n\n{signatory} " +
                Say("If this endorsement was not made with your organisation's authority, tell the summit secretariat at once: it can be withdrawn while the statement takes endorsements."));
        return new Letter(user.Email, user.FullName, subject, body,
            links.Absolute($"/Signing/Sign/{endorsement.StatementId}/{endorsement.OrganisationId}"), Say("The endorsement"), Language: CultureInfo.CurrentUICulture.Name);
    }

    /// <summary>The breakout of a booking moved: its time (in the summit's zone) and room as they are now.</summary>
    private async Task<Letter?> BreakoutMovedLetterAsync(Notification notification, CancellationToken ct)
    {
        var booking = await BookingAsync(notification.SubjectId, ct);
        // Cancelled since: the move is no longer their business.
        if (booking is null || booking.Status == BookingStatus.Cancelled || booking.Registration.User.Email is null) return null;
        var breakout = booking.Breakout;
        using var speaking = RecipientLanguage.Speak(booking.Registration.User.PreferredLanguage, breakout.Summit.DefaultLanguage);
        var standing = booking.Status == BookingStatus.Confirmed ? Say("Your seat is kept.") : Say("Your place on the waiting list is kept.");
        // The organisers confirmed a move onto another of this delegate's seats (BreakoutDesk.MoveSplitsSeats).
        var clash = booking.Status != BookingStatus.Confirmed ? null : await db.Bookings.AsNoTracking()
            .Where(b => b.RegistrationId == booking.RegistrationId && b.Status == BookingStatus.Confirmed && b.BreakoutId != breakout.Id)
            .Select(b => b.Breakout).Where(b => b.CancelledUtc == null).Where(Breakout.Overlapping(breakout.StartUtc, breakout.EndUtc))
            .Select(b => b.Title).FirstOrDefaultAsync(ct);
        var body = $"{Say("Dear {0},", booking.Registration.FullName)}\n\n" +
            Say("The breakout \"{0}\" at {1} has moved. It now takes place on {2}, in {3}.", breakout.Title, breakout.Summit.Name, When(breakout), breakout.Room.Name) +
            $"\n\n{standing} " + (clash is null ? "" : Say("At that time you also have a seat at \"{0}\": please give up one of the two seats.", clash) + " ") +
            Say("If you can no longer attend, please cancel your booking so that someone waiting can have the seat.");
        return new Letter(booking.Registration.User.Email, booking.Registration.FullName, Say("Breakout moved: {0}", breakout.Title), body,
            links.Absolute($"/Breakouts/Session/{breakout.Id}"), Say("The session"), Language: CultureInfo.CurrentUICulture.Name);
    }

    /// <summary>The breakout of a booking was cancelled by the organisers: the booking ended with it.</summary>
    private async Task<Letter?> BreakoutCancelledLetterAsync(Notification notification, CancellationToken ct)
    {
        var booking = await BookingAsync(notification.SubjectId, ct);
        if (booking?.Registration.User.Email is null || !booking.Breakout.IsCancelled) return null;
        var breakout = booking.Breakout;
        using var speaking = RecipientLanguage.Speak(booking.Registration.User.PreferredLanguage, breakout.Summit.DefaultLanguage);
        var cancelled = booking.ConfirmedUtc is not null
            ? "The breakout \"{0}\" at {1}, planned for {2} in {3}, has been cancelled by the organisers, and your seat with it."
            : "The breakout \"{0}\" at {1}, planned for {2} in {3}, has been cancelled by the organisers, and your place on the waiting list with it.";
        var body = $"{Say("Dear {0},", booking.Registration.FullName)}\n\n" + Say(cancelled, breakout.Title, breakout.Summit.Name, When(breakout), breakout.Room.Name) +
            " " + Say("If you added it to your calendar, your calendar app will mark it cancelled.") + "\n\n" + Say("Other sessions may still have seats: see the agenda.");
        return new Letter(booking.Registration.User.Email, booking.Registration.FullName, Say("Breakout cancelled: {0}", breakout.Title), body,
            links.Absolute($"/Breakouts/Agenda/{breakout.SummitId}"), Say("The agenda"), Language: CultureInfo.CurrentUICulture.Name);
    }

    private Task<Booking?> BookingAsync(int bookingId, CancellationToken ct) => db.Bookings.AsNoTracking()
        .Include(b => b.Breakout).ThenInclude(b => b.Summit)
        .Include(b => b.Breakout).ThenInclude(b => b.Room)
        .Include(b => b.Registration).ThenInclude(r => r.User)
        .FirstOrDefaultAsync(b => b.Id == bookingId, ct);

    /// <summary>"Monday 8 June 2026, 14:00–15:00 (Europe/London)": the summit's own clock, in the letter's language.</summary>
    private static string When(Breakout breakout)
    {
        var summit = breakout.Summit;
        var (start, end) = (summit.ToLocal(breakout.StartUtc), summit.ToLocal(breakout.EndUtc));
        return $"{start.Said("dddd d MMMM yyyy, HH:mm")}–{end.ToString(end.Date == start.Date ? "HH:mm" : "d MMMM HH:mm", CultureInfo.CurrentCulture)} ({summit.TimeZoneId})";
    }

    private async Task<Letter?> RegistrationLetterAsync(Notification notification, CancellationToken ct)
    {
        var r = await db.Registrations.AsNoTracking().Include(x => x.Summit).Include(x => x.User)
            .FirstOrDefaultAsync(x => x.Id == notification.SubjectId, ct);
        if (r?.User.Email is null) return null;
        using var speaking = RecipientLanguage.Speak(r.User.PreferredLanguage, r.Summit.DefaultLanguage);
        var summit = r.Summit.Name;
        var link = links.Absolute($"/Registration/Details/{r.Id}");
        var dear = Say("Dear {0},", r.FullName);
        var (subject, body) = (notification.Kind, r.Status) switch
        {
            (NotificationKinds.RegistrationReceived, _) => (Say("Registration received: {0}", summit),
                Say("The secretariat has received your registration for {0}. Every registration is vetted; you will hear the decision by e-mail. You can change your answers until then.", summit)),
            // Name and position only: needs are health data, kept off e-mail (they are on the registration page).
            (NotificationKinds.RegistrationCorrected, not RegistrationStatus.Cancelled) => (Say("Your registration was corrected: {0}", summit),
                Say("The secretariat has corrected your registration for {0}. Your name and position now read:", summit) + $"\n\n{r.FullName}\n{r.Position}\n\n"
                + Say("Any needs you told us about are on your registration page. If something is still wrong, write to the secretariat.")),
            (NotificationKinds.RegistrationPromoted, RegistrationStatus.Approved) => (Say("A place is yours: {0}", summit),
                Say("A place has become free and your registration for {0} is now approved. Your badge is on your registration page.", summit)),
            (_, RegistrationStatus.Approved) => (Say("Registration approved: {0}", summit),
                Say("Your registration for {0} is approved. Your badge is on your registration page.", summit)),
            (_, RegistrationStatus.Waitlisted) => (Say("On the waiting list: {0}", summit),
                Say("Your registration for {0} is on the waiting list. If a place becomes free, it goes to the longest-waiting delegate and you will be told by e-mail.", summit)),
            (_, RegistrationStatus.Rejected) => (Say("Registration not accepted: {0}", summit),
                Say("The secretariat could not accept your registration for {0}.", summit) + "\n\n" + Say("Reason: {0}", r.DecisionReason ?? "")),
            // The decision was overtaken (e.g. cancelled since): nothing true is left to say.
            _ => ((string?)null, (string?)null),
        };
        return subject is null ? null : new Letter(r.User.Email, r.FullName, subject, $"{dear}\n\n{body}", link, Say("Your registration"),
            Language: CultureInfo.CurrentUICulture.Name);
    }

    private async Task<Letter?> BookingLetterAsync(Notification notification, CancellationToken ct)
    {
        var b = await BookingAsync(notification.SubjectId, ct);
        if (b?.Registration.User.Email is null) return null;
        using var speaking = RecipientLanguage.Speak(b.Registration.User.PreferredLanguage, b.Breakout.Summit.DefaultLanguage);
        var breakout = b.Breakout;
        var details = $"{breakout.Title}\n{breakout.Summit.Name}\n{When(breakout)}\n{Say("Room: {0}", breakout.Room.Name)}";
        var name = b.Registration.FullName;
        var (subject, opening, closing) = (notification.Kind, b.Status) switch
        {
            (NotificationKinds.BookingConfirmed, BookingStatus.Confirmed) => (Say("Seat confirmed: {0}", breakout.Title),
                Say("Your seat at this breakout is confirmed."),
                Say("If you cannot come, please cancel it on My breakouts so that it goes to someone on the waiting list.")),
            (NotificationKinds.BookingWaitlisted, BookingStatus.Waitlisted) => (Say("On the waiting list: {0}", breakout.Title),
                Say("This breakout is full: you are on its waiting list."),
                Say("If a seat becomes free it goes to the first in line, and you will be told by e-mail. Your place in line is on My breakouts.")),
            (NotificationKinds.BookingPromoted, BookingStatus.Confirmed) => (Say("A seat is yours: {0}", breakout.Title),
                Say("A seat has become free and is now yours: your booking is confirmed."),
                Say("If you cannot come, please cancel it on My breakouts so that it goes to the next in line.")),
            (NotificationKinds.BookingCancelled, BookingStatus.Cancelled) => (Say("Booking cancelled: {0}", breakout.Title),
                Say("As you asked, your booking for this breakout is cancelled."),
                Say("If that was a mistake, book again on the session's page while seats are left.")),
            // Overtaken (cancelled, or promoted before a late "waitlisted" letter; booked again after a cancellation):
            // nothing true is left to say.
            _ => ((string?)null, (string?)null, (string?)null),
        };
        return subject is null ? null : new Letter(b.Registration.User.Email, name, subject,
            $"{Say("Dear {0},", name)}\n\n{opening}\n\n{details}\n\n{closing}", links.Absolute("/Breakouts/Bookings"), Say("My breakouts"),
            Language: CultureInfo.CurrentUICulture.Name);
    }

    /// <summary>An organiser's message, its placeholders filled in for this delegate as they are now. The organisers'
    /// words are theirs: the version in the language the delegate reads when the organisers wrote one, else the message
    /// as written, in its language (an older message without one: the summit's); a standard reminder's words are ours,
    /// so each delegate reads it in their own language.</summary>
    private async Task<Letter?> DelegateMessageLetterAsync(Notification notification, CancellationToken ct)
    {
        var recipient = await db.DelegateMessageRecipients.AsNoTracking().Include(x => x.Message).ThenInclude(m => m.Versions)
            .Include(x => x.Registration).ThenInclude(r => r.User)
            .Include(x => x.Registration).ThenInclude(r => r.Organisation)
            .Include(x => x.Registration).ThenInclude(r => r.Summit)
            .FirstOrDefaultAsync(x => x.Id == notification.SubjectId, ct);
        if (recipient?.Registration.User.Email is not { } email) return null;
        var r = recipient.Registration;
        var message = recipient.Message;
        var reminder = Data.Messages.StandardReminders.Find(message.Reminder);
        var written = message.TextFor(Data.Languages.InterfaceLanguages.ReaderLanguage(r.User.PreferredLanguage, r.Summit.DefaultLanguage));
        using var speaking = reminder is null
            ? RecipientLanguage.Speak(written.Language, r.Summit.DefaultLanguage)
            : RecipientLanguage.Speak(r.User.PreferredLanguage, r.Summit.DefaultLanguage);
        var language = CultureInfo.CurrentUICulture.Name;
        var values = Data.Messages.MessageTemplate.ValuesFor(r, r.Summit, links.Absolute, language, word => words[word].Value);
        // A reminder's wording is looked up whole: its placeholders are not format items.
        var (subject, body) = reminder is null ? (written.Subject, written.Body) : (words[reminder.Subject].Value, words[reminder.Body].Value);
        return new Letter(email, r.FullName, Data.Messages.MessageTemplate.Render(subject, values), Data.Messages.MessageTemplate.Render(body, values),
            links.Absolute($"/Registration/Details/{r.Id}"), Say("Your registration"), Language: language);
    }

    /// <summary>A seat became free while the delegate, first in line, held an overlapping seat: it went to the next in
    /// line and they keep their place. Nothing when they are no longer waiting or no longer hold the other seat.</summary>
    private async Task<Letter?> PassedOverLetterAsync(Notification notification, CancellationToken ct)
    {
        var b = await BookingAsync(notification.SubjectId, ct);
        if (b?.Registration.User.Email is null || b.Status != BookingStatus.Waitlisted) return null;
        var breakout = b.Breakout;
        var other = await db.Bookings.AsNoTracking()
            .Where(x => x.RegistrationId == b.RegistrationId && x.Status == BookingStatus.Confirmed && x.BreakoutId != breakout.Id)
            .Select(x => x.Breakout).Where(Breakout.Overlapping(breakout.StartUtc, breakout.EndUtc))
            .Select(x => x.Title).FirstOrDefaultAsync(ct);
        if (other is null) return null;
        using var speaking = RecipientLanguage.Speak(b.Registration.User.PreferredLanguage, breakout.Summit.DefaultLanguage);
        var name = b.Registration.FullName;
        return new Letter(b.Registration.User.Email, name, Say("A seat was free: {0}", breakout.Title),
            $"{Say("Dear {0},", name)}\n\n" +
            Say("A seat became free at \"{0}\", where you are on the waiting list, but you hold a seat at \"{1}\" at the same time, so the seat went to the next person in line.", breakout.Title, other) +
            $"\n\n{breakout.Title}\n{breakout.Summit.Name}\n{When(breakout)}\n\n" +
            Say("You keep your place on the waiting list. If you would rather attend \"{0}\", cancel your seat at \"{1}\" on My breakouts: the next free seat is then yours.", breakout.Title, other),
            links.Absolute("/Breakouts/Bookings"), Say("My breakouts"), Language: CultureInfo.CurrentUICulture.Name);
    }

    /// <summary>The decision on an amendment, told to its proposer: the new version, or the organiser's reason.</summary>
    private async Task<Letter?> AmendmentLetterAsync(Notification notification, CancellationToken ct)
    {
        var a = await db.Amendments.AsNoTracking().Include(x => x.ResultingVersion).FirstOrDefaultAsync(x => x.Id == notification.SubjectId, ct);
        if (a is null || a.Status == Data.Statements.AmendmentStatus.Pending) return null;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == a.ProposerUserId, ct);
        var title = await db.Statements.AsNoTracking().Where(s => s.Id == a.StatementId).Select(s => s.Title).FirstOrDefaultAsync(ct);
        if (user?.Email is null || title is null) return null;
        using var speaking = RecipientLanguage.Speak(user.PreferredLanguage);
        var dear = Say("Dear {0},", a.ProposerName);
        var (subject, body) = a.Status == Data.Statements.AmendmentStatus.Accepted
            ? (Say("Amendment #{0} accepted: {1}", a.Id, title),
                $"{dear}\n\n" + Say("Your amendment #{0} to {1} of \"{2}\" was accepted. Version {3} of the text holds your wording:", a.Id, a.Anchor, title,
                    a.ResultingVersion?.Number.ToString(CultureInfo.CurrentCulture) ?? "") + $"\n\n{a.ProposedWording}")
            : (Say("Amendment #{0} not accepted: {1}", a.Id, title),
                $"{dear}\n\n" + Say("Your amendment #{0} to {1} of \"{2}\" was not accepted.", a.Id, a.Anchor, title) + "\n\n" + Say("Reason: {0}", a.RejectionReason ?? ""));
        // The link opens the text the decision is about: the version holding the wording, or the one it was proposed on
        // (the consultation page otherwise shows the latest, where a later change may have moved that part).
        var version = a.ResultingVersion?.Number
            ?? await db.StatementVersions.AsNoTracking().Where(v => v.Id == a.StatementVersionId).Select(v => (int?)v.Number).FirstOrDefaultAsync(ct);
        return new Letter(user.Email, a.ProposerName, subject, body,
            links.Absolute($"/Statements/{a.StatementId}/consult?version={version}&anchor={Uri.EscapeDataString(a.Anchor)}"),
            Say("The consultation"), Language: CultureInfo.CurrentUICulture.Name);
    }
}
