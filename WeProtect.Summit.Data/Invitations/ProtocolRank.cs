namespace WeProtect.Summit.Data.Invitations;

/// <summary>A delegate's rank for protocol (seating, speaking order, greeting at arrival), set by the focal point or
/// the organisers, never by the delegate.</summary>
public enum ProtocolRank
{
    None,
    HeadOfState,
    HeadOfGovernment,
    Minister,
    DeputyMinister,
    Ambassador,
    SeniorOfficial,
    Official,
}
