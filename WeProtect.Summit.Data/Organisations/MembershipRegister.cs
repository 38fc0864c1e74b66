namespace WeProtect.Summit.Data.Organisations;

/// <summary>Who was a member on a given day, read from the register (<see cref="Membership.Covers"/>, written here as
/// a query): the members, and their number per sector — the figures the Alliance reports "as of" a date. The directory
/// reads today's from here too, so its count of members and the members' page agree.</summary>
public static class MembershipRegister
{
    public sealed record Member(int OrganisationId, string FormalName, string SortName, Sector Sector, string? CountryCode, DateOnly JoinedOn);

    /// <summary><see cref="Membership.Covers"/> as a query: the periods of those who were members on the day.</summary>
    public static IQueryable<Membership> Covering(this IQueryable<Membership> periods, DateOnly day) =>
        periods.Where(m => m.JoinedOn <= day && (m.LeftOn == null || m.LeftOn > day));

    public static async Task<IReadOnlyList<Member>> MembersOnAsync(SummitDbContext db, DateOnly day, CancellationToken ct = default)
    {
        var members = await (from m in db.Memberships.AsNoTracking().Covering(day)
                             join o in db.Organisations.AsNoTracking() on m.OrganisationId equals o.Id
                             select new Member(o.Id, o.FormalName, o.SortName, o.Sector, o.CountryCode, m.JoinedOn)).ToListAsync(ct);
        return members.OrderBy(m => m.Sector).ThenBy(m => m.SortName, StringComparer.Ordinal).ToList();
    }

    /// <summary>The number of members per sector on the day, every sector listed (zero included), in the sectors' order.</summary>
    public static IReadOnlyDictionary<Sector, int> CountBySector(IEnumerable<Member> members)
    {
        var counts = Enum.GetValues<Sector>().ToDictionary(s => s, _ => 0);
        foreach (var m in members) counts[m.Sector]++;
        return counts;
    }
}
