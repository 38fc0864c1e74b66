using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Invitations;

/// <summary>The invitation (and its reminder) to a focal point and the nomination to a delegate, written from the
/// database as it is when sent: nothing for a revoked invitation, an answered one (reminder), or a link whose key is no
/// longer held. The link's token is derived again from the row's seed (<see cref="InvitationTokens"/>). The address may
/// have no account yet, so the letter speaks the summit's default language.</summary>
public sealed class InvitationLetters(SummitDbContext db, PublicLinks links, InvitationTokens tokens, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> words)
{
    private string Say(string key, params object[] arguments) => words[key, arguments].Value;

    public async Task<Letter?> InvitationAsync(Notification notification, CancellationToken ct)
    {
        var invitation = await db.Invitations.AsNoTracking().Include(i => i.Organisation).FirstOrDefaultAsync(i => i.Id == notification.SubjectId, ct);
        if (invitation is null || invitation.IsRevoked) return null;
        var reminder = notification.Kind == NotificationKinds.InvitationReminder;
        var now = clock.GetUtcNow().UtcDateTime;
        if (invitation.IsExpired(now)) return null;
        // A reminder goes while nobody is nominated: to an unanswered invitation, or to an accepted one without nominees.
        if (reminder && await db.Nominations.AnyAsync(n => n.InvitationId == invitation.Id && n.WithdrawnUtc == null, ct)) return null;
        var nominate = reminder && invitation.IsAccepted;
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == invitation.SummitId, ct);
        var token = tokens.Token(InvitationTokens.InvitationPurpose, invitation.TokenSeed);
        if (summit is null || token is null) return null;
        using var speaking = RecipientLanguage.Speak(null, summit.DefaultLanguage);
        var statement = await StatementLineAsync(invitation.StatementId, ct);
        var organisation = invitation.Organisation.FormalName;
        var quota = await db.DelegationQuotas.AsNoTracking()
            .FirstOrDefaultAsync(q => q.SummitId == summit.Id && q.OrganisationId == invitation.OrganisationId, ct);
        var size = quota is null ? "" : "\n\n" + Say((quota.HeadsOfDelegation == 1, quota.Delegates == 1) switch
        {
            (true, true) => "Your delegation may count {0} head of delegation and {1} delegate.",
            (true, false) => "Your delegation may count {0} head of delegation and {1} delegates.",
            (false, true) => "Your delegation may count {0} heads of delegation and {1} delegate.",
            _ => "Your delegation may count {0} heads of delegation and {1} delegates.",
        }, quota.HeadsOfDelegation, quota.Delegates);
        var culture = CultureInfo.CurrentCulture;
        var body = (nominate ? Say("This is a reminder: {0} has not yet nominated its delegation.", organisation) + "\n\n"
                : reminder ? Say("This is a reminder: {0} has not yet answered its invitation.", organisation) + "\n\n" : "")
            + (reminder ? LetterNote.Paragraphs(words, invitation.ReminderNote) : "")
            + Say("{0} is invited to {1}, {2}, {3}–{4}.", organisation, summit.Name, summit.City, summit.StartDate.Said("d MMMM", culture), summit.EndDate.Said("d MMMM yyyy", culture)) + "\n\n"
            // An accepted invitation is past its accept link: the focal point only has to nominate, by the deadline.
            + (nominate
                ? Say("As your organisation's focal point, open the link below while signed in with this e-mail address and nominate your delegation: the head of delegation and its members, each by e-mail.")
                : Say("As your organisation's focal point, open the link below while signed in with this e-mail address (create an account with it if you have none), accept the invitation, and nominate your delegation: the head of delegation and its members, each by e-mail."))
            + size + statement
            + (nominate
                ? summit.RegistrationClosesUtc is { } closes ? "\n\n" + Say("Nominations close on {0}.", summit.ToLocal(closes).Said("d MMMM yyyy", culture)) : ""
                : "\n\n" + Say("The link is for you alone and works until {0}.", summit.ToLocal(invitation.ExpiresUtc).Said("d MMMM yyyy", culture)));
        return new Letter(invitation.Email, organisation, reminder ? Say("Reminder: Invitation to {0}", summit.Name) : Say("Invitation to {0}", summit.Name), body,
            links.Absolute(nominate ? $"/Invitations/Delegation/{invitation.Id}" : $"/Invitations/Accept/{token}"), Say("Open the invitation"), Sensitive: true, Language: CultureInfo.CurrentUICulture.Name);
    }

    public async Task<Letter?> NominationAsync(Notification notification, CancellationToken ct)
    {
        var nomination = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == notification.SubjectId, ct);
        if (nomination is null || nomination.RegistrationId is not null || nomination.IsWithdrawn) return null;
        var invitation = await db.Invitations.AsNoTracking().Include(i => i.Organisation).FirstOrDefaultAsync(i => i.Id == nomination.InvitationId, ct);
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == nomination.SummitId, ct);
        var token = tokens.Token(InvitationTokens.NominationPurpose, nomination.TokenSeed);
        if (invitation is null || invitation.IsRevoked || summit is null || token is null) return null;
        using var speaking = RecipientLanguage.Speak(null, summit.DefaultLanguage);
        var statement = await StatementLineAsync(invitation.StatementId, ct);
        var body = Say("{0} has nominated you to its delegation to {1} ({2}).", invitation.Organisation.FormalName, summit.Name,
                Say(nomination.Category.DisplayName()).ToLower(CultureInfo.CurrentCulture)) + "\n\n"
            + Say("Open the link below while signed in with this e-mail address (create an account with it if you have none) and complete your registration. The secretariat then vets it and tells you its decision by e-mail.") + statement;
        return new Letter(nomination.Email, nomination.Email, Say("Nominated to the delegation: {0}", summit.Name), body,
            links.Absolute($"/Registration/Register/{summit.Id}?nomination={token}"), Say("Complete your registration"), Sensitive: true, Language: CultureInfo.CurrentUICulture.Name);
    }

    /// <summary>To a nominee whose nomination was withdrawn (by the focal point, or with the revoked invitation): in
    /// their saved language when they registered with it, else the summit's (the address may have no account).</summary>
    public async Task<Letter?> NominationWithdrawnAsync(Notification notification, CancellationToken ct)
    {
        var nomination = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == notification.SubjectId, ct);
        if (nomination is null || !nomination.IsWithdrawn) return null;
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == nomination.SummitId, ct);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == nomination.OrganisationId).Select(o => o.FormalName).FirstOrDefaultAsync(ct);
        if (summit is null || organisation is null) return null;
        var preferred = nomination.RegistrationId is not { } registrationId ? null : await db.Registrations.AsNoTracking()
            .Where(r => r.Id == registrationId).Select(r => r.User.PreferredLanguage).FirstOrDefaultAsync(ct);
        using var speaking = RecipientLanguage.Speak(preferred, summit.DefaultLanguage);
        var body = Say("Your nomination to {0}'s delegation to {1} was withdrawn, and the link you received no longer works.", organisation, summit.Name)
            + (nomination.RegistrationId is null ? "" : " " + Say("The registration you completed with it is cancelled, with any breakout seats it held."))
            + "\n\n" + Say("If you think this is a mistake, please contact your organisation's focal point.");
        return new Letter(nomination.Email, nomination.Email, Say("Nomination withdrawn: {0}", summit.Name), body, links.Absolute($"/Summits/Details/{summit.Id}"),
            Say("The summit"), Sensitive: false, Language: CultureInfo.CurrentUICulture.Name);
    }

    /// <summary>To the focal point of a revoked invitation, in their saved language (or to its address, when nobody had
    /// accepted it, in the summit's).</summary>
    public async Task<Letter?> InvitationRevokedAsync(Notification notification, CancellationToken ct)
    {
        var invitation = await db.Invitations.AsNoTracking().Include(i => i.Organisation).FirstOrDefaultAsync(i => i.Id == notification.SubjectId, ct);
        if (invitation is null || !invitation.IsRevoked) return null;
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == invitation.SummitId, ct);
        if (summit is null) return null;
        var (email, name, preferred) = (invitation.Email, invitation.Organisation.FormalName, (string?)null);
        if (notification.RecipientUserId is { } focalPoint
            && await db.Users.AsNoTracking().Where(u => u.Id == focalPoint).Select(u => new { u.Email, u.FullName, u.PreferredLanguage }).FirstOrDefaultAsync(ct)
                is { Email: { } address } user)
            (email, name, preferred) = (address, user.FullName, user.PreferredLanguage);
        using var speaking = RecipientLanguage.Speak(preferred, summit.DefaultLanguage);
        var body = Say("The organisers of {0} have withdrawn {1}'s invitation: its link no longer works and no one can be nominated under it.",
                summit.Name, invitation.Organisation.FormalName) + "\n\n"
            + Say("Nominees who were not yet approved are told that their nomination is withdrawn; delegates already approved keep their places. Please contact the organisers if you have any question.");
        return new Letter(email, name, Say("Invitation withdrawn: {0}", summit.Name), body, links.Absolute($"/Summits/Details/{summit.Id}"), Say("The summit"),
            Sensitive: false, Language: CultureInfo.CurrentUICulture.Name);
    }

    /// <summary>A paragraph linking the summit's proposed statement: its public text once final, else its consultation.</summary>
    private async Task<string> StatementLineAsync(int? statementId, CancellationToken ct)
    {
        if (statementId is not int id || await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } statement) return "";
        var path = statement.IsFinal ? $"/Statements/{id}/text" : $"/Statements/{id}/consult";
        return "\n\n" + Say("The proposed statement, \"{0}\", is at {1}", statement.Title, links.Absolute(path));
    }
}
