using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Invitations;

/// <summary>A member of an invited organisation's delegation, nominated by its focal point by e-mail. The nominee
/// opens their link (bound to that address, like the invitation) and completes their own registration, which lands
/// in the vetting queue tied to the organisation, with the protocol details set here. One per address per summit.</summary>
public class Nomination
{
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

    public ProtocolDetails Protocol => new(Title, Honorific, Rank, ProtocolOrder);

    public static bool IsNominable(DelegateCategory category) => category is DelegateCategory.HeadOfDelegation or DelegateCategory.Delegate;

    public void SetProtocol(ProtocolDetails protocol) =>
        (Title, Honorific, Rank, ProtocolOrder) = (protocol.Title, protocol.Honorific, protocol.Rank, protocol.Order);

    public void UseToken(string seed, string hash) => (TokenSeed, TokenHash) = (seed, hash);

    public void Completed(int registrationId) => RegistrationId = registrationId;

    /// <summary>Why the user signed in with <paramref name="userEmail"/> cannot use this nomination; null when they can.</summary>
    public string? WhyNotFor(string? userEmail) =>
        userEmail is not null && EmailAddresses.Normalise(userEmail) == NormalisedEmail
            ? null
            : $"This nomination was sent to {EmailAddresses.Mask(Email)}. Sign in with that address to complete your registration.";
}
