namespace WeProtect.Summit.Data.Communiques;

/// <summary>The signatories an organiser was shown before pressing Publish: how many live endorsements, and the id of
/// the newest (0 when none). An endorsement is only ever added (with a higher id) or withdrawn (for good), so the pair
/// tells whether the list changed since, and <see cref="CommuniqueDesk"/> counts by how much.</summary>
public sealed record SignatoriesSeen(int Count, int NewestId)
{
    /// <summary>A form that said nothing: every live endorsement is news to it.</summary>
    public static readonly SignatoriesSeen Nothing = new(0, 0);

    /// <summary>What a page shows when it lists these live endorsements.</summary>
    public static SignatoriesSeen Of(IReadOnlyCollection<int> liveEndorsementIds) =>
        new(liveEndorsementIds.Count, liveEndorsementIds.Count == 0 ? 0 : liveEndorsementIds.Max());

    /// <summary>The statement's live endorsements as the database holds them now.</summary>
    public static async Task<SignatoriesSeen> NowAsync(SummitDbContext db, int statementId, CancellationToken ct = default)
    {
        var live = db.Endorsements.Where(e => e.StatementId == statementId && e.WithdrawnUtc == null);
        return new(await live.CountAsync(ct), await live.MaxAsync(e => (int?)e.Id, ct) ?? 0);
    }
}
