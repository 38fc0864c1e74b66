using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Data.Accreditations;

/// <summary>Who is told of a visa letter's decision or withdrawal: its delegate, and the focal point when the focal point
/// asked for it. One notification each per event, written in the event's transaction (so one e-mail per decision).</summary>
public static class VisaLetterNotices
{
    public static void Tell(Notifier notifier, string kind, int subjectId, VisaLetter letter, string delegateUserId)
    {
        notifier.Add(kind, subjectId, delegateUserId);
        if (letter.RequestedByUserId is { Length: > 0 } requester && requester != delegateUserId) notifier.Add(kind, subjectId, requester);
    }
}
