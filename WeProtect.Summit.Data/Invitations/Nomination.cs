using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Invitations;

/// <summary>A member of an invited organisation's delegation, nominated by its focal point by e-mail. The nominee
/// opens their link (bound to that address, like the invitation) and completes their own registration, which lands
/// in the vetting queue tied to the organisation, with the protocol details set here. One per address per summit.</summary>
public class Nomination
{
    /// <summary>The least time between two e-mails of one nomination, so that "send again" cannot flood a mailbox.</summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(15);

    public const string WithdrawnMessage = "This nomination was withdrawn by your organisation's focal point.";

    private Nomination() { }

    public Nomination(Invitation invitation, string email, DelegateCategory category, ProtocolDetails protocol, string byUserId, DateTime nowUtc)
    {
        InvitationId = invitation.Id;
        SummitId = invitation.SummitId;
        OrganisationId = invitation.OrganisationId;
        Email = email.Trim();
        NormalisedEmail = EmailAddresses.Normalise(email);
        Category = category;
        NominatedByUserId = byUserId;
        CreatedUtc = nowUtc;
        LastSentUtc = nowUtc;
        SetProtocol(protocol);
    }

    public int Id { get; private set; }
    public int InvitationId { get; private set; }
    public int SummitId { get; private set; }
    public int OrganisationId { get; private set; }
    public string Email { get; private set; } = "";
    public string NormalisedEmail { get; private set; } = "";
    /// <summary>Head of delegation or delegate: the places of the delegation's quota.</summary>
    public DelegateCategory Category { get; private set; }
    public string? Title { get; private set; }
    public string? Honorific { get; private set; }
    public ProtocolRank Rank { get; private set; }
    public int? ProtocolOrder { get; private set; }
    public string TokenSeed { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public string NominatedByUserId { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    /// <summary>The registration the nominee completed; null until then.</summary>
    public int? RegistrationId { get; private set; }
    /// <summary>When the nomination e-mail last went (or was queued): the first time, or the latest "send again".</summary>
    public DateTime LastSentUtc { get; private set; }
    /// <summary>When the focal point (or the revocation of the invitation) withdrew it; its place went back to the quota.
    /// The row stays, so that the audit trail's events still name it; the address may be nominated again.</summary>
    public DateTime? WithdrawnUtc { get; private set; }
    /// <summary>Changes whenever the protocol details do: an edit carries the version it was opened at, so that the focal
    /// point and an organiser never silently overwrite each other.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsWithdrawn => WithdrawnUtc is not null;

    /// <summary>When the nomination e-mail may be sent again.</summary>
    public DateTime ResendableFromUtc => LastSentUtc + ResendInterval;

    public ProtocolDetails Protocol => new(Title, Honorific, Rank, ProtocolOrder);

    public static bool IsNominable(DelegateCategory category) => category is DelegateCategory.HeadOfDelegation or DelegateCategory.Delegate;

    public void SetProtocol(ProtocolDetails protocol)
    {
        (Title, Honorific, Rank, ProtocolOrder) = (protocol.Title, protocol.Honorific, protocol.Rank, protocol.Order);
        Version = Guid.NewGuid();
    }

    public void UseToken(string seed, string hash) => (TokenSeed, TokenHash) = (seed, hash);

    public void Completed(int registrationId) => RegistrationId = registrationId;

    /// <summary>Why the nomination e-mail cannot be sent again now; null when it can.</summary>
    public DeskText? WhyNotResendable(DateTime nowUtc)
    {
        if (IsWithdrawn) return "This nomination was withdrawn.";
        if (RegistrationId is not null) return "This nominee has already completed their registration: there is nothing to send again.";
        if (nowUtc >= ResendableFromUtc) return null;
        var minutes = Math.Max(1, (int)Math.Ceiling((ResendableFromUtc - nowUtc).TotalMinutes));
        // Returned one by one: a conditional of interpolated strings would be a string, formatted before translation.
        if (minutes == 1) return $"The nomination e-mail went less than {(int)ResendInterval.TotalMinutes} minutes ago. You can send it again in a minute.";
        return $"The nomination e-mail went less than {(int)ResendInterval.TotalMinutes} minutes ago. You can send it again in {minutes} minutes.";
    }

    /// <summary>Why the secretariat cannot move this nomination to another address; null when it can (not withdrawn,
    /// not yet taken up: a registration's address is its account's).</summary>
    public DeskText? WhyNotReaddressable()
    {
        if (IsWithdrawn) return "This nomination was withdrawn.";
        if (RegistrationId is not null) return "This nominee has already completed their registration: change the address of their account on their record.";
        return null;
    }

    /// <summary>Why the user signed in with <paramref name="userEmail"/> cannot use this nomination; null when they can.</summary>
    public DeskText? WhyNotFor(string? userEmail)
    {
        if (userEmail is not null && EmailAddresses.Normalise(userEmail) == NormalisedEmail) return null;
        return $"This nomination was sent to {EmailAddresses.Mask(Email)}. Sign in with that address to complete your registration.";
    }
}
