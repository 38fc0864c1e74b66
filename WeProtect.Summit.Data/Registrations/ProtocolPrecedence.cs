namespace WeProtect.Summit.Data.Registrations;

/// <summary>The order in which protocol lists the people of a delegation (UN and Indico practice): the head of
/// delegation first, then by rank (heads of state and government and ministers before the rest), then by the protocol
/// order given, then by name. Every list of delegates for the organisers follows it: the delegate downloads, the
/// participant lists, the check-in desk's matches. Grouping (by country, sector, organisation) is the caller's, before.</summary>
public static class ProtocolPrecedence
{
    /// <summary><paramref name="people"/> in protocol order, names compared with <paramref name="names"/> (a reader's order).</summary>
    public static IOrderedEnumerable<T> InProtocolOrder<T>(this IEnumerable<T> people, Func<T, ProtocolPlace> place, Func<T, string> name,
        IComparer<string> names) =>
        people.OrderBy(_ => 0).ThenInProtocolOrder(place, name, names);

    /// <summary>Within the groups <paramref name="grouped"/> is already ordered by, protocol order.</summary>
    public static IOrderedEnumerable<T> ThenInProtocolOrder<T>(this IOrderedEnumerable<T> grouped, Func<T, ProtocolPlace> place, Func<T, string> name,
        IComparer<string> names) =>
        grouped.ThenBy(p => place(p).Head).ThenBy(p => place(p).RankTier).ThenBy(p => place(p).OrderOrLast).ThenBy(name, names);
}
