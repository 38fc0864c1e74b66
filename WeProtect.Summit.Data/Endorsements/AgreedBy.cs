using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Endorsements;

/// <summary>The "Agreed by" list of a statement: organisations with a live endorsement, ordered by sort name with a
/// culture-aware comparison ("People's Republic of China" sits under C), grouped by sector first or not at all as the
/// statement's <see cref="AgreedByLayout"/> says. The public page, the signatory downloads, the verification page and
/// the communiqué PDF all use this one order and these groups.</summary>
public static class AgreedBy
{
    /// <summary>Sectors in the order the published lists use.</summary>
    public static IReadOnlyList<Sector> SectorOrder { get; } =
        [Sector.Government, Sector.InternationalOrganisation, Sector.PrivateSector, Sector.CivilSociety];

    /// <summary>The statement's list in its layout; an unknown statement gives an empty list grouped by sector.</summary>
    public static Task<AgreedByList> LoadAsync(SummitDbContext db, int statementId, CompareInfo compare,
        CancellationToken ct = default) => LoadAsync(db, statementId, compare, null, ct);

    /// <summary>The list as it stood at <paramref name="asOfUtc"/> (a communiqué revision's list): endorsements signed
    /// by then and not withdrawn by then (withdrawals keep their rows, so any past list can be read again). With no
    /// time, the list now.</summary>
    public static async Task<AgreedByList> LoadAsync(SummitDbContext db, int statementId, CompareInfo compare, DateTime? asOfUtc,
        CancellationToken ct = default)
    {
        var layout = await db.Statements.AsNoTracking().Where(s => s.Id == statementId)
            .Select(s => (AgreedByLayout?)s.AgreedByLayout).FirstOrDefaultAsync(ct) ?? AgreedByLayout.BySector;
        System.Linq.Expressions.Expression<Func<Endorsement, bool>> listed = asOfUtc is { } asOf
            ? e => e.SignedUtc <= asOf && (e.WithdrawnUtc == null || e.WithdrawnUtc > asOf)
            : e => e.WithdrawnUtc == null;
        var rows = await db.Set<Endorsement>().AsNoTracking()
            .Where(e => e.StatementId == statementId).Where(listed)
            .Select(e => new Signatory(e.OrganisationId, e.Organisation.FormalName, e.Organisation.SortName, e.Organisation.Sector,
                e.Id, e.SignedUtc, e.PrintedName, e.PrintedPosition, e.Organisation.ListedName, e.Declaration, e.RecordedFrom))
            .ToListAsync(ct);
        return new AgreedByList(layout, Order(rows, compare, layout));
    }

    /// <summary>The one ordering of every "Agreed by" output: by sector (in <see cref="SectorOrder"/>) when the layout
    /// groups by sector, then by sort name, formal name and id.</summary>
    public static IReadOnlyList<Signatory> Order(IEnumerable<Signatory> signatories, CompareInfo compare,
        AgreedByLayout layout = AgreedByLayout.BySector)
    {
        var byName = Comparer<string>.Create((a, b) => compare.Compare(a, b, CompareOptions.IgnoreCase));
        return signatories
            .OrderBy(s => layout == AgreedByLayout.BySector ? IndexOf(s.Sector) : 0)
            .ThenBy(s => s.SortName, byName)
            .ThenBy(s => s.FormalName, byName)
            .ThenBy(s => s.OrganisationId)
            .ToList();
    }

    /// <summary>The headings of a list already in <see cref="Order"/>'s order: one group per sector, or one group
    /// without a heading in the alphabetical layout. An empty list has no groups.</summary>
    public static IReadOnlyList<AgreedByGroup> Groups(IReadOnlyList<Signatory> ordered, AgreedByLayout layout)
    {
        if (ordered.Count == 0) return [];
        if (layout == AgreedByLayout.Alphabetical) return [new AgreedByGroup(null, ordered)];
        return ordered.GroupBy(s => s.Sector).Select(g => new AgreedByGroup(g.Key, g.ToList())).ToList();
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
