namespace WeProtect.Summit.Data.Endorsements;

/// <summary>An organisation that endorsed a statement and withdrew, with no live endorsement now: shown under a public
/// list so that a name that was there and is gone is explained. <see cref="Name"/> is the name lists print.</summary>
public sealed record FormerSignatory(int OrganisationId, string Name, DateTime WithdrawnUtc)
{
    /// <summary>The statement's former signatories, the most recent withdrawal of each, earliest first.</summary>
    public static async Task<IReadOnlyList<FormerSignatory>> LoadAsync(SummitDbContext db, int statementId, CancellationToken ct = default)
    {
        var rows = await db.Endorsements.AsNoTracking()
            .Where(e => e.StatementId == statementId && e.WithdrawnUtc != null)
            .Where(e => !db.Endorsements.Any(l => l.StatementId == statementId && l.OrganisationId == e.OrganisationId && l.WithdrawnUtc == null))
            .Select(e => new { e.OrganisationId, e.Organisation.FormalName, e.Organisation.ListedName, WithdrawnUtc = e.WithdrawnUtc!.Value })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.OrganisationId)
            .Select(g => g.MaxBy(r => r.WithdrawnUtc)!)
            .Select(r => new FormerSignatory(r.OrganisationId, string.IsNullOrWhiteSpace(r.ListedName) ? r.FormalName : r.ListedName, r.WithdrawnUtc))
            .OrderBy(r => r.WithdrawnUtc).ThenBy(r => r.OrganisationId)
            .ToList();
    }
}
