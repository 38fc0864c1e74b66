using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Endorsements;

/// <summary>One organisation on an "Agreed by" list.</summary>
public sealed record Signatory(int OrganisationId, string FormalName, string SortName, Sector Sector,
    int EndorsementId, DateTime SignedUtc, string PrintedName, string PrintedPosition);

/// <summary>The "Agreed by" list of a statement: organisations with a live endorsement, grouped by sector and ordered
/// by sort name with a culture-aware comparison ("People's Republic of China" sits under C). The public page, the
/// signatory downloads and the communiqué PDF all use this one order.</summary>
public static class AgreedBy
{
    /// <summary>Sectors in the order the published lists use.</summary>
    public static IReadOnlyList<Sector> SectorOrder { get; } =
        [Sector.Government, Sector.InternationalOrganisation, Sector.PrivateSector, Sector.CivilSociety];

    public static async Task<IReadOnlyList<Signatory>> LoadAsync(SummitDbContext db, int statementId, CompareInfo compare,
        CancellationToken ct = default)
    {
        var rows = await db.Set<Endorsement>().AsNoTracking()
            .Where(e => e.StatementId == statementId && e.WithdrawnUtc == null)
            .Select(e => new Signatory(e.OrganisationId, e.Organisation.FormalName, e.Organisation.SortName, e.Organisation.Sector,
                e.Id, e.SignedUtc, e.PrintedName, e.PrintedPosition))
            .ToListAsync(ct);
        return Order(rows, compare);
    }

    public static IReadOnlyList<Signatory> Order(IEnumerable<Signatory> signatories, CompareInfo compare)
    {
        var byName = Comparer<string>.Create((a, b) => compare.Compare(a, b, CompareOptions.IgnoreCase));
        return signatories
            .OrderBy(s => IndexOf(s.Sector))
            .ThenBy(s => s.SortName, byName)
            .ThenBy(s => s.FormalName, byName)
            .ThenBy(s => s.OrganisationId)
            .ToList();
    }

    /// <summary>The configured culture's comparison, or the invariant one when none (or an unknown one) is given.</summary>
    public static CompareInfo Comparison(string? cultureName)
    {
        if (string.IsNullOrWhiteSpace(cultureName)) return CultureInfo.InvariantCulture.CompareInfo;
        try { return CultureInfo.GetCultureInfo(cultureName).CompareInfo; }
        catch (CultureNotFoundException) { return CultureInfo.InvariantCulture.CompareInfo; }
    }

    private static int IndexOf(Sector sector)
    {
        var i = SectorOrder.ToList().IndexOf(sector);
        return i < 0 ? int.MaxValue : i;
    }
}
