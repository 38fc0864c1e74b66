using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Data.Registrations;

/// <summary>What decides where a delegate stands in their delegation's protocol order: the place they came in (head of
/// delegation or not), the rank, and the order the focal point or the organisers gave. Lists order people by it through
/// <see cref="ProtocolPrecedence"/>, the one rule.</summary>
/// <param name="IsMinister">The ministerial flag: a registration marked ministerial before ranks existed ranks as a minister.</param>
public readonly record struct ProtocolPlace(DelegateCategory Category, ProtocolRank Rank, bool IsMinister, int? Order)
{
    public static ProtocolPlace Of(Registration registration) =>
        new(registration.Category, registration.Rank, registration.IsMinister, registration.ProtocolOrder);

    /// <summary>0 for the head of delegation, 1 for everyone else.</summary>
    internal int Head => Category == DelegateCategory.HeadOfDelegation ? 0 : 1;

    /// <summary>Heads of state, heads of government, ministers, then the lower ranks in <see cref="ProtocolRank"/>'s
    /// order; no rank last.</summary>
    internal int RankTier => Rank != ProtocolRank.None ? (int)Rank : IsMinister ? (int)ProtocolRank.Minister : int.MaxValue;

    /// <summary>The protocol order given; none after every given one.</summary>
    internal int OrderOrLast => Order ?? int.MaxValue;
}
