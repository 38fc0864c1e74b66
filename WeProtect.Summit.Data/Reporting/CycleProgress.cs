namespace WeProtect.Summit.Data.Reporting;

/// <summary>Where a cycle stands, counted once for the organisers' page, the public page and the downloads: each
/// organisation that must report with its current submission, draft and reminder; per commitment, how many
/// organisations report on it and how many of their current submissions give each status.</summary>
public sealed record CycleProgress(ReportingCycle Cycle, CycleScope Scope, IReadOnlyList<CycleProgress.Organisation> Organisations,
    IReadOnlyList<CycleProgress.Commitment> Commitments)
{
    public sealed record Organisation(CycleScope.Reporter Reporter, ProgressReport? Current, ProgressReport? Draft, bool Reminded);

    public sealed record Commitment(TrackedCommitment Tracked, string StatementTitle, int MustReport, IReadOnlyDictionary<CommitmentStatus, int> Counts);

    public int Submitted => Organisations.Count(o => o.Current is not null);

    /// <summary>Null when there is no such cycle.</summary>
    public static async Task<CycleProgress?> LoadAsync(SummitDbContext db, int cycleId, CancellationToken ct = default)
    {
        var cycle = await db.ReportingCycles.AsNoTracking().Include(c => c.Summit).Include(c => c.Statements).FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        var scope = await TrackedCommitments.OfCycleAsync(db, cycleId, ct);
        if (cycle is null || scope is null) return null;
        var reports = await db.ProgressReports.AsNoTracking().Include(r => r.Entries).Include(r => r.Attachments)
            .Where(r => r.CycleId == cycleId && r.Status != ProgressReportStatus.Superseded).ToListAsync(ct);
        var reminded = await db.ReportReminders.AsNoTracking().Where(r => r.CycleId == cycleId).Select(r => r.OrganisationId).ToListAsync(ct);
        var organisations = scope.Reporters.Select(r => new Organisation(r,
            reports.FirstOrDefault(x => x.OrganisationId == r.OrganisationId && x.Status == ProgressReportStatus.Submitted),
            reports.FirstOrDefault(x => x.OrganisationId == r.OrganisationId && x.Status == ProgressReportStatus.Draft),
            reminded.Contains(r.OrganisationId))).ToList();
        var titles = scope.Statements.ToDictionary(s => s.Id, s => s.Title);
        var commitments = scope.Commitments.Select(c =>
        {
            var reporting = organisations.Where(o => o.Reporter.Commitments.Any(x => x.Key == c.Key)).ToList();
            var counts = Enum.GetValues<CommitmentStatus>().ToDictionary(s => s,
                s => reporting.Count(o => o.Current?.Entries.Any(e => e.Key == c.Key && e.Status == s) == true));
            return new Commitment(c, titles.GetValueOrDefault(c.StatementId) ?? "", reporting.Count, counts);
        }).ToList();
        return new CycleProgress(cycle, scope, organisations, commitments);
    }
}
