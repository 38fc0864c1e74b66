using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Reporting;

/// <summary>Which commitments an organisation reports on: every commitment and lettered item of a published
/// statement's final text, for each organisation that endorsed the statement (a live endorsement: withdrawn ones do
/// not count, unless withdrawn after the organisation submitted its current report in the cycle, which then counts
/// for them in the figures: <see cref="CycleScope.Reporter.Recorded"/>) and is in the audience of the
/// item's section (<see cref="Statement.SpeaksTo"/>, the one rule). An organisation that endorsed a statement reaffirming an earlier one of the cycle reports on the earlier one's too.</summary>
public static class TrackedCommitments
{
    /// <summary>Every commitment and lettered item of a document, in reading order.</summary>
    public static IReadOnlyList<TrackedCommitment> Of(int statementId, StatementDocument document) =>
        document.Sections.SelectMany(s => s.Commitments.SelectMany(c =>
                new[] { new TrackedCommitment(statementId, c.Anchor, c.Words, s.Audience) }
                    .Concat(c.Items.Select(i => new TrackedCommitment(statementId, i.Anchor, i.Text, s.Audience)))))
            .ToList();

    /// <summary>Those that speak to organisations of the sector.</summary>
    public static IReadOnlyList<TrackedCommitment> For(this IEnumerable<TrackedCommitment> commitments, Sector sector) =>
        commitments.Where(c => Statement.SpeaksTo([c.Audience], sector)).ToList();

    /// <summary>The cycle's statements, their commitments, and every organisation that must report with the
    /// commitments it reports on. Null when there is no such cycle.</summary>
    public static async Task<CycleScope?> OfCycleAsync(SummitDbContext db, int cycleId, CancellationToken ct = default)
    {
        var statementIds = await db.ReportingCycleStatements.AsNoTracking().Where(s => s.CycleId == cycleId)
            .Select(s => s.StatementId).ToListAsync(ct);
        if (statementIds.Count == 0 && !await db.ReportingCycles.AnyAsync(c => c.Id == cycleId, ct)) return null;
        var finals = (await AgreedTextsAsync(db, statementIds, ct)).OrderBy(f => statementIds.IndexOf(f.Id)).ToList();
        var commitments = new Dictionary<int, IReadOnlyList<TrackedCommitment>>();
        foreach (var f in finals)
            commitments[f.Id] = f.Document is { } document ? Of(f.Id, document) : [];
        // A live endorsement; or one that ended (the organisation withdrew it, or left the Alliance) after the organisation
        // submitted its current report in this cycle: that report was made while it endorsed, and stays in the cycle's
        // figures until a later submission (which no longer reports on it) supersedes it.
        var endorsers = await db.Endorsements.AsNoTracking().Where(e => statementIds.Contains(e.StatementId))
            .Where(e => e.WithdrawnUtc == null || db.ProgressReports.Any(r => r.CycleId == cycleId && r.OrganisationId == e.OrganisationId
                && r.Status == ProgressReportStatus.Submitted && r.SubmittedUtc <= e.WithdrawnUtc))
            .Select(e => new { e.StatementId, e.OrganisationId, e.Organisation.FormalName, e.Organisation.SortName, e.Organisation.Sector, e.WithdrawnUtc })
            .ToListAsync(ct);
        // Endorsing a statement that reaffirms an earlier one in the cycle is endorsing that one too.
        var links = await db.Statements.AsNoTracking().Where(s => statementIds.Contains(s.Id))
            .Select(s => new { s.Id, s.ReaffirmsStatementId }).ToDictionaryAsync(s => s.Id, s => s.ReaffirmsStatementId, ct);
        var chains = Reaffirmations.Within(links);
        var organisations = endorsers.GroupBy(e => e.OrganisationId)
            .Select(g =>
            {
                var first = g.First();
                IReadOnlyList<TrackedCommitment> Of(IEnumerable<int> endorsed) => endorsed
                    .SelectMany(id => chains.GetValueOrDefault(id) ?? [id]).Distinct()
                    .OrderBy(statementIds.IndexOf)
                    .SelectMany(id => commitments.GetValueOrDefault(id) ?? []).For(first.Sector);
                var recorded = Of(g.Select(e => e.StatementId));
                var live = g.Where(e => e.WithdrawnUtc is null).Select(e => e.StatementId).ToList();
                // No live endorsement left: it stays by its submitted report, and reports no more (see the Reporter).
                // Some left: what it reports on from now is what it still endorses.
                var ended = live.Count == 0 ? g.Max(e => e.WithdrawnUtc) : null;
                return new CycleScope.Reporter(g.Key, first.FormalName, first.SortName, first.Sector, live.Count == 0 ? recorded : Of(live), ended)
                {
                    Recorded = recorded,
                };
            })
            .Where(r => r.Recorded.Count > 0)
            .OrderBy(r => r.SortName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.OrganisationId)
            .ToList();
        return new CycleScope(cycleId, finals.Select(f => (f.Id, f.Title)).ToList(),
            commitments.Values.SelectMany(c => c).ToList(), organisations, finals);
    }

    /// <summary>The agreed (final) text of each of the statements that has one, with its title, parsed once: what the
    /// cycle's commitments and the names of its parts (the reporting pages') are read from. The document is null for a
    /// text the grammar refuses.</summary>
    public static async Task<IReadOnlyList<CycleScope.AgreedText>> AgreedTextsAsync(SummitDbContext db, IReadOnlyCollection<int> statementIds, CancellationToken ct = default)
    {
        if (statementIds.Count == 0) return [];
        var finals = await db.Statements.AsNoTracking().Where(s => statementIds.Contains(s.Id) && s.FinalVersionId != null)
            .Join(db.StatementVersions.AsNoTracking(), s => s.FinalVersionId, v => v.Id, (s, v) => new { s.Id, s.Title, v.Text })
            .ToListAsync(ct);
        return finals.Select(f => new CycleScope.AgreedText(f.Id, f.Title, StatementParser.Parse(f.Text).Document)).ToList();
    }
}
