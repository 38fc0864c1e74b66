using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Invitations;

/// <summary>An organisation invited to a summit through its focal point's address. The link carries a secret token
/// (only its hash is stored, see <see cref="InvitationTokens"/>), is bound to that address, expires and can be
/// revoked. Whoever accepts it signed in with that address becomes the organisation's focal point for the summit and
/// nominates its delegation. One invitation per organisation per summit (a unique index): inviting again re-sends it.</summary>
public class Invitation
{
    /// <summary>How long a link works at least; see <see cref="ExpiryFor"/>.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>A link works for <see cref="Lifetime"/> from when it is sent, and in any case until nominations close
    /// (the summit's registration closing): a focal point reminded before the deadline can still use the link.</summary>
    public static DateTime ExpiryFor(DateTime sentUtc, DateTime? nominationsCloseUtc) =>
        nominationsCloseUtc is { } closes && closes > sentUtc + Lifetime ? closes : sentUtc + Lifetime;

    /// <summary>The links of the summit that still work but stop before <paramref name="nominationsCloseUtc"/>: when
    /// the organisers move the closing later, these work until then too, as <see cref="ExpiryFor"/> would have set them.
    /// An expired link stays expired (its focal point asks for a fresh one); an accepted or revoked one has no expiry to move.</summary>
    public static System.Linq.Expressions.Expression<Func<Invitation, bool>> StoppingBefore(int summitId, DateTime nominationsCloseUtc, DateTime nowUtc) =>
        i => i.SummitId == summitId && i.RevokedUtc == null && i.AcceptedUtc == null && i.ExpiresUtc > nowUtc && i.ExpiresUtc < nominationsCloseUtc;

    private Invitation() { }

    public Invitation(int summitId, int organisationId, string email, int? statementId, string createdByUserId, DateTime nowUtc,
        DateTime? nominationsCloseUtc)
    {
        SummitId = summitId;
        OrganisationId = organisationId;
        CreatedByUserId = createdByUserId;
        CreatedUtc = nowUtc;
        Readdress(email, statementId, nowUtc, nominationsCloseUtc);
    }

    public int Id { get; private set; }
    public int SummitId { get; private set; }
    public int OrganisationId { get; private set; }
    public Organisation Organisation { get; private set; } = null!;
    /// <summary>The focal point's address, as the organisers typed it.</summary>
    public string Email { get; private set; } = "";
    public string NormalisedEmail { get; private set; } = "";
    /// <summary>The summit's proposed statement the letter links to (its consultation or public text), if any.</summary>
    public int? StatementId { get; private set; }
    /// <summary>Key id and nonce from which the token is derived again for letters; not a secret on its own.</summary>
    public string TokenSeed { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public DateTime SentUtc { get; private set; }
    public DateTime ExpiresUtc { get; private set; }
    public DateTime? RevokedUtc { get; private set; }
    public DateTime? AcceptedUtc { get; private set; }
    /// <summary>The user who accepted: the organisation's focal point for this summit.</summary>
    public string? FocalPointUserId { get; private set; }
    public DateTime? LastRemindedUtc { get; private set; }
    /// <summary>The organisers' note (<see cref="Notifications.OrganiserNote"/>) added to their last reminder (null: the standard letter only). The automatic
    /// reminder before the deadline clears it: that letter is the standard one.</summary>
    public string? ReminderNote { get; private set; }
    /// <summary>When the automatic reminder before the nomination deadline was queued: set once, by a conditional
    /// update (<see cref="InvitationDesk.RemindBeforeDeadlineAsync"/>), so that two sweeps or two nodes remind once.</summary>
    public DateTime? DeadlineRemindedUtc { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsAccepted => AcceptedUtc is not null;
    public bool IsRevoked => RevokedUtc is not null;
    public bool IsExpired(DateTime nowUtc) => !IsAccepted && nowUtc >= ExpiresUtc;

    /// <summary>"Revoked", "Accepted", "Expired" or "Invited".</summary>
    public string State(DateTime nowUtc) => IsRevoked ? "Revoked" : IsAccepted ? "Accepted" : IsExpired(nowUtc) ? "Expired" : "Invited";

    /// <summary>Waiting for its focal point: neither accepted, revoked nor expired (who a reminder goes to).</summary>
    public bool AwaitsAnswer(DateTime nowUtc) => !IsRevoked && !IsAccepted && !IsExpired(nowUtc);

    /// <summary>A new address and link (the old link stops working), a new expiry; an accepted invitation keeps its focal point.</summary>
    public DeskText? Readdress(string email, int? statementId, DateTime nowUtc, DateTime? nominationsCloseUtc)
    {
        if (EmailAddresses.Problem(email) is { } bad) return bad;
        if (IsAccepted && EmailAddresses.Normalise(email) != NormalisedEmail)
            return "This invitation was accepted: its focal point stays. Revoke it before inviting another address.";
        Email = email.Trim();
        NormalisedEmail = EmailAddresses.Normalise(email);
        StatementId = statementId;
        SentUtc = nowUtc;
        ExpiresUtc = ExpiryFor(nowUtc, nominationsCloseUtc);
        RevokedUtc = null;
        Version = Guid.NewGuid();
        return null;
    }

    public void UseToken(string seed, string hash) => (TokenSeed, TokenHash) = (seed, hash);

    /// <summary>Why the link cannot be used now; null when it can.</summary>
    public DeskText? WhyClosed(DateTime nowUtc)
    {
        // Returned one by one, not as a conditional, which would format the date in English.
        if (IsRevoked) return "This invitation was withdrawn by the organisers.";
        if (IsExpired(nowUtc)) return $"This invitation expired on {ExpiresUtc:d MMMM yyyy}. A fresh link can be sent to the address it was sent to.";
        return null;
    }

    /// <summary>The user signed in with <paramref name="userEmail"/> accepts; refused when the link is closed, or the
    /// address is not the one it was sent to (told masked, so the right person recognises it).</summary>
    public DeskText? Accept(string userId, string? userEmail, DateTime nowUtc)
    {
        if (WhyClosed(nowUtc) is { } closed) return closed;
        if (userEmail is null || EmailAddresses.Normalise(userEmail) != NormalisedEmail)
            return $"This invitation was sent to {EmailAddresses.Mask(Email)}. Sign in with that address to accept it.";
        if (IsAccepted && FocalPointUserId == userId) return null;
        if (IsAccepted) return "This invitation was already accepted.";
        AcceptedUtc = nowUtc;
        FocalPointUserId = userId;
        Version = Guid.NewGuid();
        return null;
    }

    public DeskText? Revoke(DateTime nowUtc)
    {
        if (IsRevoked) return "This invitation is already revoked.";
        RevokedUtc = nowUtc;
        FocalPointUserId = null;
        AcceptedUtc = null;
        Version = Guid.NewGuid();
        return null;
    }

    /// <summary>Reminded by an organiser now, with <paramref name="note"/> (already checked by the desk) in the letter.</summary>
    public void Reminded(DateTime nowUtc, string? note) => (LastRemindedUtc, ReminderNote) = (nowUtc, note);

    /// <summary>Whether <paramref name="userId"/> is this organisation's focal point for the summit now.</summary>
    public bool IsFocalPoint(string? userId) => userId is not null && !IsRevoked && IsAccepted && FocalPointUserId == userId;
}
