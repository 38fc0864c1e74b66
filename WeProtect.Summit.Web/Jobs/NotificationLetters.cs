using Microsoft.EntityFrameworkCore;
using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Web.Infrastructure;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Writes the message for a notification from the database as it is now (so a message sent late
/// still tells the truth), or null when there is nothing left to say.</summary>
public sealed class NotificationLetters(SummitDbContext db, PublicLinks links)
{
    public async Task<Letter?> ComposeAsync(Notification notification, CancellationToken ct) => notification.Kind switch
    {
        NotificationKinds.RegistrationReceived or NotificationKinds.RegistrationDecision or NotificationKinds.RegistrationPromoted
            => await RegistrationLetterAsync(notification, ct),
        _ => throw new InvalidOperationException($"No letter for notifications of kind {notification.Kind}"),
    };

    private async Task<Letter?> RegistrationLetterAsync(Notification notification, CancellationToken ct)
    {
        var r = await db.Registrations.AsNoTracking().Include(x => x.Summit).Include(x => x.User)
            .FirstOrDefaultAsync(x => x.Id == notification.SubjectId, ct);
        if (r?.User.Email is null) return null;
        var summit = r.Summit.Name;
        var link = links.Absolute($"/Registration/Details/{r.Id}");
        var (subject, body) = (notification.Kind, r.Status) switch
        {
            (NotificationKinds.RegistrationReceived, _) => ($"Registration received: {summit}",
                $"Dear {r.FullName},\n\nThe secretariat has received your registration for {summit}. Every registration is vetted; " +
                "you will hear the decision by e-mail. You can change your answers until then."),
            (NotificationKinds.RegistrationPromoted, RegistrationStatus.Approved) => ($"A place is yours: {summit}",
                $"Dear {r.FullName},\n\nA place has become free and your registration for {summit} is now approved. " +
                "Your badge is on your registration page."),
            (_, RegistrationStatus.Approved) => ($"Registration approved: {summit}",
                $"Dear {r.FullName},\n\nYour registration for {summit} is approved. Your badge is on your registration page."),
            (_, RegistrationStatus.Waitlisted) => ($"On the waiting list: {summit}",
                $"Dear {r.FullName},\n\nYour registration for {summit} is on the waiting list. If a place becomes free, " +
                "it goes to the longest-waiting delegate and you will be told by e-mail."),
            (_, RegistrationStatus.Rejected) => ($"Registration not accepted: {summit}",
                $"Dear {r.FullName},\n\nThe secretariat could not accept your registration for {summit}.\n\nReason: {r.DecisionReason}"),
            // The decision was overtaken (e.g. cancelled since): nothing true is left to say.
            _ => (null, null),
        };
        return subject is null ? null : new Letter(r.User.Email, r.FullName, subject, body!, link, "Your registration");
    }
}
