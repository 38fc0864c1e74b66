namespace WeProtect.Summit.Data.Communiques;

/// <summary>The published revisions of a statement's communiqué, and how one stands among them (superseded when, or the
/// current one). The one place the pages (communiqué, signatories, verification) read them; the words are the pages'
/// own, in the reader's language (Web/Localization/CommuniqueRevisionText).</summary>
public static class CommuniqueRevisions
{
    /// <summary>The published revisions of the statement, first to last.</summary>
    public static async Task<IReadOnlyList<PublishedRevision>> PublishedAsync(SummitDbContext db, int statementId, CancellationToken ct = default) =>
        await db.Communiques.AsNoTracking().Where(c => c.StatementId == statementId && c.Status == CommuniqueStatus.Published)
            .OrderBy(c => c.Revision)
            .Select(c => new PublishedRevision(c.Id, c.Revision, c.PublishedUtc!.Value, c.ListAsOfUtc, c.Sha256!, c.SignatoryListSha256, c.SignatoryCount))
            .ToListAsync(ct);

    /// <summary>Published communiqués that no later published revision of the same statement supersedes.</summary>
    public static IQueryable<Communique> Current(IQueryable<Communique> communiques) =>
        communiques.Where(c => c.Status == CommuniqueStatus.Published
            && !communiques.Any(o => o.StatementId == c.StatementId && o.Status == CommuniqueStatus.Published && o.Revision > c.Revision));

    /// <summary>When the revision after <paramref name="revision"/> was published (it superseded this one), or null for
    /// the current revision.</summary>
    public static DateTime? SupersededUtc(IReadOnlyList<PublishedRevision> revisions, int revision) =>
        revisions.FirstOrDefault(r => r.Revision > revision)?.PublishedUtc;

}
