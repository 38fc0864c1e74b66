namespace WeProtect.Summit.Data.Organisations;

/// <summary>Formal names are unique in the directory. The database's unique index is exact; people are not, so
/// the checks here also treat "Unicef" and "UNICEF" as the same name.</summary>
public static class OrganisationNames
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    /// <summary>Every formal name in the directory (a few thousand at most), for comparing in memory.</summary>
    public static Task<List<string>> AllFormalNamesAsync(this IQueryable<Organisation> organisations, CancellationToken ct = default) =>
        organisations.AsNoTracking().Select(o => o.FormalName).ToListAsync(ct);

    /// <summary>The existing organisation that already has <paramref name="formalName"/>, other than <paramref name="exceptId"/>.</summary>
    public static async Task<Organisation?> FindByFormalNameAsync(this IQueryable<Organisation> organisations, string formalName,
        int? exceptId = null, CancellationToken ct = default)
    {
        var name = formalName.Trim();
        var candidates = await organisations.AsNoTracking().Where(o => exceptId == null || o.Id != exceptId)
            .Select(o => new { o.Id, o.FormalName }).ToListAsync(ct);
        var match = candidates.FirstOrDefault(c => Comparer.Equals(c.FormalName, name));
        return match is null ? null : await organisations.AsNoTracking().FirstAsync(o => o.Id == match.Id, ct);
    }
}
