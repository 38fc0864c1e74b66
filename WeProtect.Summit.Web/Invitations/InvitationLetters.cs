using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Invitations;

/// <summary>The invitation (and its reminder) to a focal point and the nomination to a delegate, written from the
/// database as it is when sent: nothing for a revoked invitation, an answered one (reminder), or a link whose key is no
/// longer held. The link's token is derived again from the row's seed (<see cref="InvitationTokens"/>).</summary>
public sealed class InvitationLetters(SummitDbContext db, PublicLinks links, InvitationTokens tokens, TimeProvider clock)
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public async Task<Letter?> InvitationAsync(Notification notification, CancellationToken ct)
    {
        var invitation = await db.Invitations.AsNoTracking().Include(i => i.Organisation).FirstOrDefaultAsync(i => i.Id == notification.SubjectId, ct);
        if (invitation is null || invitation.IsRevoked) return null;
        var reminder = notification.Kind == NotificationKinds.InvitationReminder;
        var now = clock.GetUtcNow().UtcDateTime;
        if (reminder && !invitation.AwaitsAnswer(now)) return null;
        if (invitation.IsExpired(now)) return null;
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == invitation.SummitId, ct);
        var token = tokens.Token(InvitationTokens.InvitationPurpose, invitation.TokenSeed);
        if (summit is null || token is null) return null;
        var statement = await StatementLineAsync(invitation.StatementId, ct);
        var organisation = invitation.Organisation.FormalName;
        var quota = await db.DelegationQuotas.AsNoTracking()
            .FirstOrDefaultAsync(q => q.SummitId == summit.Id && q.OrganisationId == invitation.OrganisationId, ct);
        var size = quota is null ? "" : $"\n\nYour delegation may count {Data.Registrations.DelegationDesk.Describe(quota)}.";
        var body = (reminder ? $"This is a reminder: {organisation} has not yet answered its invitation.\n\n" : "")
            + $"{organisation} is invited to {summit.Name}, {summit.City}, {summit.StartDate.ToString("d MMMM", En)}–{summit.EndDate.ToString("d MMMM yyyy", En)}.\n\n"
            + "As your organisation's focal point, open the link below while signed in with this e-mail address (create an account with it if you "
            + "have none), accept the invitation, and nominate your delegation: the head of delegation and its members, each by e-mail."
            + size + statement
            + $"\n\nThe link is for you alone and works until {invitation.ExpiresUtc.ToString("d MMMM yyyy", En)}.";
        return new Letter(invitation.Email, organisation, (reminder ? "Reminder: " : "") + $"Invitation to {summit.Name}", body,
            links.Absolute($"/Invitations/Accept/{token}"), "Open the invitation", Sensitive: true);
    }

    public async Task<Letter?> NominationAsync(Notification notification, CancellationToken ct)
    {
        var nomination = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == notification.SubjectId, ct);
        if (nomination is null || nomination.RegistrationId is not null) return null;
        var invitation = await db.Invitations.AsNoTracking().Include(i => i.Organisation).FirstOrDefaultAsync(i => i.Id == nomination.InvitationId, ct);
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == nomination.SummitId, ct);
        var token = tokens.Token(InvitationTokens.NominationPurpose, nomination.TokenSeed);
        if (invitation is null || invitation.IsRevoked || summit is null || token is null) return null;
        var statement = await StatementLineAsync(invitation.StatementId, ct);
        var body = $"{invitation.Organisation.FormalName} has nominated you to its delegation to {summit.Name} "
            + $"({nomination.Category.DisplayName().ToLowerInvariant()}).\n\n"
            + "Open the link below while signed in with this e-mail address (create an account with it if you have none) and complete "
            + "your registration. The secretariat then vets it and tells you its decision by e-mail." + statement;
        return new Letter(nomination.Email, nomination.Email, $"Nominated to the delegation: {summit.Name}", body,
            links.Absolute($"/Registration/Register/{summit.Id}?nomination={token}"), "Complete your registration", Sensitive: true);
    }

    /// <summary>A paragraph linking the summit's proposed statement: its public text once final, else its consultation.</summary>
    private async Task<string> StatementLineAsync(int? statementId, CancellationToken ct)
    {
        if (statementId is not int id || await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } statement) return "";
        var path = statement.IsFinal ? $"/Statements/{id}/text" : $"/Statements/{id}/consult";
        return $"\n\nThe proposed statement, \"{statement.Title}\", is at {links.Absolute(path)}";
    }
}
