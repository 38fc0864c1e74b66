using WeProtect.Summit.Data.Accreditations;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Accreditation;

/// <summary>The e-mails about a visa letter, in the recipient's language: issued or refused (subject: the letter), or
/// withdrawn (subject: the withdrawal), to the delegate or to the focal point who asked on their behalf. Written from the
/// database as it is when sent: a decision overtaken since (a refused letter asked for again) says nothing. Never the
/// passport number, never the letter itself: the delegate downloads it signed in.</summary>
public sealed class VisaLetterLetters(SummitDbContext db, PublicLinks links,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> words)
{
    private string Say(string key, params object[] arguments) => words[key, arguments].Value;

    public async Task<Letter?> ComposeAsync(Notification notification, CancellationToken ct)
    {
        var withdrawn = notification.Kind == NotificationKinds.VisaLetterWithdrawn;
        var letterId = withdrawn
            ? await db.VisaLetterWithdrawals.AsNoTracking().Where(w => w.Id == notification.SubjectId).Select(w => (int?)w.VisaLetterId).FirstOrDefaultAsync(ct)
            : notification.SubjectId;
        var letter = letterId is null ? null : await db.VisaLetters.AsNoTracking().FirstOrDefaultAsync(v => v.Id == letterId, ct);
        if (letter is null) return null;
        var expected = notification.Kind switch
        {
            NotificationKinds.VisaLetterIssued => VisaLetterStatus.Issued,
            NotificationKinds.VisaLetterRefused => VisaLetterStatus.Refused,
            _ => (VisaLetterStatus?)null,
        };
        if (expected is not null && letter.Status != expected) return null; // overtaken: the page tells the truth
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Summit).FirstOrDefaultAsync(r => r.Id == letter.RegistrationId, ct);
        var recipient = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == notification.RecipientUserId, ct);
        if (registration is null || recipient?.Email is null) return null;
        var forDelegate = recipient.Id == registration.UserId;
        using var speaking = RecipientLanguage.Speak(recipient.PreferredLanguage, registration.Summit.DefaultLanguage);
        var summit = registration.Summit.Name;
        var member = registration.FullName;
        var (subject, body) = (notification.Kind, forDelegate) switch
        {
            (NotificationKinds.VisaLetterIssued, true) => (Say("Letter of invitation issued: {0}", summit),
                Say("Your letter of invitation for a visa to attend {0} is issued and signed. Download it from your accreditation page.", summit)),
            (NotificationKinds.VisaLetterIssued, false) => (Say("Letter of invitation issued: {0}", summit),
                Say("The letter of invitation you asked for on behalf of {0} for {1} is issued and signed. They can download it from their accreditation page.", member, summit)),
            (NotificationKinds.VisaLetterRefused, true) => (Say("Letter of invitation refused: {0}", summit),
                Say("The secretariat refused your request for a letter of invitation to attend {0}.", summit) + "\n\n" + Say("Reason: {0}", letter.RefusalReason ?? "")),
            (NotificationKinds.VisaLetterRefused, false) => (Say("Letter of invitation refused: {0}", summit),
                Say("The secretariat refused the request for a letter of invitation you made on behalf of {0} for {1}.", member, summit) + "\n\n" + Say("Reason: {0}", letter.RefusalReason ?? "")),
            (_, true) => (Say("Letter of invitation withdrawn: {0}", summit),
                Say("Your letter of invitation for {0} is withdrawn, because your travel document changed after it was issued. Ask for a new one on your accreditation page.", summit)),
            _ => (Say("Letter of invitation withdrawn: {0}", summit),
                Say("The letter of invitation for {0} for {1} is withdrawn, because their travel document changed after it was issued. A new one can be asked for.", member, summit)),
        };
        var (link, label) = forDelegate
            ? (links.Absolute($"/Registration/Accreditation/{registration.Id}"), Say("Your accreditation"))
            : (await DelegationLinkAsync(registration.Id, ct), Say("Your delegation"));
        return new Letter(recipient.Email, recipient.FullName, subject, $"{Say("Dear {0},", recipient.FullName)}\n\n{body}", link, link is null ? null : label,
            Language: CultureInfo.CurrentUICulture.Name);
    }

    private async Task<string?> DelegationLinkAsync(int registrationId, CancellationToken ct)
    {
        var invitationId = await db.Nominations.AsNoTracking().Where(n => n.RegistrationId == registrationId).Select(n => (int?)n.InvitationId).FirstOrDefaultAsync(ct);
        return invitationId is null ? null : links.Absolute($"/Invitations/Delegation/{invitationId}");
    }
}
