using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Statements;

/// <summary>The letter to an approved delegate when a statement of their summit goes under consultation (subject: the
/// statement; recipient: the delegate), written as things are when it is sent: nothing once the consultation is over
/// or the delegate is no longer approved. With the closing date when one is set, in the summit's zone; in the
/// delegate's saved language (else the summit's).</summary>
public static class ConsultationLetters
{
    public static async Task<Letter?> OpenedAsync(SummitDbContext db, PublicLinks links, IStringLocalizer words,
        Data.Notifications.Notification notification, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Summit).FirstOrDefaultAsync(s => s.Id == notification.SubjectId, ct);
        if (statement is null || statement.Status != StatementStatus.Consultation || notification.RecipientUserId is not { } recipientId) return null;
        if (!await db.Registrations.AnyAsync(r => r.SummitId == statement.SummitId && r.UserId == recipientId && r.Status == RegistrationStatus.Approved, ct))
            return null;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == recipientId, ct);
        if (user?.Email is null) return null;
        using var speaking = RecipientLanguage.Speak(user.PreferredLanguage, statement.Summit.DefaultLanguage);
        var until = statement.ConsultationClosesUtc is { } closes
            ? words["Comments and amendments are taken until {0}.", Signing.SigningView.InZone(statement.Summit, closes)].Value
            : words["Comments and amendments are taken until the organisers finalise the text."].Value;
        var body = $"{words["Dear {0},", user.FullName]}\n\n" +
            words["The draft \"{0}\" of {1} is open for consultation. As an approved delegate, you may read it, comment on any part of it and propose new wording.",
                statement.Title, statement.Summit.Name] + $"\n\n{until}";
        return new Letter(user.Email, user.FullName, words["Open for consultation: {0}", statement.Title], body,
            links.Absolute($"/Statements/{statement.Id}/consult"), words["The consultation"], Language: CultureInfo.CurrentUICulture.Name);
    }
}
