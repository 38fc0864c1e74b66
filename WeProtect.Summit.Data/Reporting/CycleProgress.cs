namespace WeProtect.Summit.Data.Reporting;

/// <summary>Where a cycle stands, counted once for the organisers' page, their downloads and the snapshot written at
/// publication (<see cref="PublishedFigures"/>): each organisation that must report with its current submission, draft
/// and reminder; per commitment, how many organisations report on it and how many of their current submissions give
/// each status, all of them for the organisers (<see cref="Commitment.Counts"/>) and, for the public figures written at
/// publication, those of the reports their members did not keep private (<see cref="Commitment.PublicCounts"/>, with
/// <see cref="Commitment.Private"/> the reports kept private). The counts are made from the entries' statuses only
/// (four columns, no narratives); the entries themselves are loaded only when asked (<c>entries: true</c>, the
/// organisers' downloads).</summary>
public sealed record CycleProgress(ReportingCycle Cycle, CycleScope Scope, IReadOnlyList<CycleProgress.Organisation> Organisations,
    IReadOnlyList<CycleProgress.Commitment> Commitments)
{
    /// <summary><see cref="Current"/> and <see cref="Draft"/> carry their entries only when loaded with <c>entries: true</c>.</summary>
    public sealed record Organisation(CycleScope.Reporter Reporter, ProgressReport? Current, ProgressReport? Draft, bool Reminded);

    /// <param name="Private">How many of the organisations asked to report on it keep their current submission private.</param>
    public sealed record Commitment(TrackedCommitment Tracked, string StatementTitle, int MustReport, IReadOnlyDictionary<CommitmentStatus, int> Counts,
        IReadOnlyDictionary<CommitmentStatus, int> PublicCounts, int Private);

    public int Submitted => Organisations.Count(o => o.Current is not null);

    /// <summary>Null when there is no such cycle.</summary>
    public static async Task<CycleProgress?> LoadAsync(SummitDbContext db, int cycleId, CancellationToken ct = default) =>
        await LoadAsync(db, cycleId, entries: false, ct);

    /// <summary>Null when there is no such cycle. With <paramref name="entries"/>, each current submission carries its entries.</summary>
    public static async Task<CycleProgress?> LoadAsync(SummitDbContext db, int cycleId, bool entries, CancellationToken ct = default)
    {
        var cycle = await db.ReportingCycles.AsNoTracking().Include(c => c.Summit).Include(c => c.Statements).FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        var scope = await TrackedCommitments.OfCycleAsync(db, cycleId, ct);
        if (cycle is null || scope is null) return null;
        var live = db.ProgressReports.AsNoTracking().Where(r => r.CycleId == cycleId && r.Status != ProgressReportStatus.Superseded);
        var reports = await (entries ? live.Include(r => r.Entries) : live).ToListAsync(ct);
        var reminded = (await db.ReportReminders.AsNoTracking().Where(r => r.CycleId == cycleId).Select(r => r.OrganisationId).ToListAsync(ct)).ToHashSet();
        var current = reports.Where(r => r.Status == ProgressReportStatus.Submitted).ToLookup(r => r.OrganisationId);
        var drafts = reports.Where(r => r.Status == ProgressReportStatus.Draft).ToLookup(r => r.OrganisationId);
        var organisations = scope.Reporters.Select(r => new Organisation(r, current[r.OrganisationId].FirstOrDefault(),
            drafts[r.OrganisationId].FirstOrDefault(), reminded.Contains(r.OrganisationId))).ToList();

        // Per commitment: the organisations asked to report on it, and the statuses their current submissions give it.
        var mustReport = new Dictionary<(int, string), int>();
        var counts = new Dictionary<(int, string), Dictionary<CommitmentStatus, int>>();
        var publicCounts = new Dictionary<(int, string), Dictionary<CommitmentStatus, int>>();
        var kept = new Dictionary<(int, string), int>();
        foreach (var c in scope.Commitments)
        {
            mustReport.TryAdd((c.StatementId, c.Anchor), 0);
            counts.TryAdd((c.StatementId, c.Anchor), Statuses.ToDictionary(s => s, _ => 0));
            publicCounts.TryAdd((c.StatementId, c.Anchor), Statuses.ToDictionary(s => s, _ => 0));
            kept.TryAdd((c.StatementId, c.Anchor), 0);
        }
        var asked = new Dictionary<int, HashSet<(int, string)>>();
        var privateReports = new HashSet<int>();
        foreach (var o in organisations)
        {
            var own = o.Reporter.Recorded.Select(c => (c.StatementId, c.Anchor)).ToHashSet();
            foreach (var key in own) if (mustReport.ContainsKey(key)) mustReport[key]++;
            if (o.Current is null) continue;
            asked[o.Current.Id] = own;
            if (o.Current.Publication != ReportPublication.Private) continue;
            privateReports.Add(o.Current.Id);
            foreach (var key in own) if (kept.ContainsKey(key)) kept[key]++;
        }
        var answers = await (from e in db.ProgressEntries.AsNoTracking()
                             join r in db.ProgressReports.AsNoTracking() on e.ReportId equals r.Id
                             where r.CycleId == cycleId && r.Status == ProgressReportStatus.Submitted
                             select new { e.ReportId, e.StatementId, e.Anchor, e.Status }).ToListAsync(ct);
        foreach (var a in answers)
        {
            var key = (a.StatementId, a.Anchor);
            if (!asked.TryGetValue(a.ReportId, out var own) || !own.Contains(key) || !counts.TryGetValue(key, out var row) || !row.ContainsKey(a.Status)) continue;
            row[a.Status]++;
            if (!privateReports.Contains(a.ReportId)) publicCounts[key][a.Status]++;
        }
        var titles = scope.Statements.ToDictionary(s => s.Id, s => s.Title);
        var commitments = scope.Commitments.Select(c =>
        {
            var key = (c.StatementId, c.Anchor);
            return new Commitment(c, titles.GetValueOrDefault(c.StatementId) ?? "", mustReport[key], new Dictionary<CommitmentStatus, int>(counts[key]),
                new Dictionary<CommitmentStatus, int>(publicCounts[key]), kept[key]);
        }).ToList();
        return new CycleProgress(cycle, scope, organisations, commitments);
    }

    private static readonly CommitmentStatus[] Statuses = Enum.GetValues<CommitmentStatus>();
}
