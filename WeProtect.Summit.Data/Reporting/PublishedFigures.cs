using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Reporting;

/// <summary>The public side of published cycles, written once and read by the public pages. Publication comes after
/// the deadline, when no report can change (<see cref="ReportingCycle.RefuseReports"/>), and a cycle is published
/// once (<see cref="ReportingCycle.PublishedUtc"/> is a concurrency token): so the figures are counted at publication,
/// in its transaction (<see cref="Add"/>), instead of on every request from every entry of every report (36,000 rows
/// with 200 members, 60 commitments and 3 cycles). The public pages then read a row per commitment and per
/// organisation; organisations' names and statements' titles stay live, as on the other public pages. What each
/// member let the public see is read from the snapshot too (<see cref="PublishedReporter.Publication"/>): a report kept
/// private counts as reported, and nothing else of it leaves these methods.</summary>
public static class PublishedFigures
{
    /// <summary>A published cycle's public page: its statements, per commitment its figures, and the organisations
    /// asked to report (by sort name, as in <see cref="CycleScope"/>).</summary>
    public sealed record CyclePage(ReportingCycle Cycle, IReadOnlyList<(int Id, string Title)> Statements, IReadOnlyList<Row> Commitments,
        IReadOnlyList<Reporter> Reporters)
    {
        /// <summary>The organisations that reported, those keeping their report private included (the reporting rate).</summary>
        public int Submitted => Reporters.Count(r => r.Reported);

        public int KeptPrivate => Reporters.Count(r => r.KeptPrivate);
    }

    public sealed record Row(PublishedCommitment Figures, string StatementTitle);

    public sealed record Reporter(int OrganisationId, string FormalName, string SortName, Sector Sector, bool Reported, bool KeptPrivate);

    /// <summary>One commitment of a published cycle: its figures, and the answers of the organisations that reported on
    /// it and consented to publish their narratives (by sort name); <see cref="Private"/> reported without consent to
    /// publish their narratives (their statuses are counted). Reports kept private are in neither (see
    /// <see cref="PublishedCommitment.Private"/>).</summary>
    public sealed record CommitmentPage(ReportingCycle Cycle, Row Row, IReadOnlyList<Answer> Answers, int Private);

    public sealed record Answer(int OrganisationId, string Organisation, ProgressEntry Entry);

    /// <summary>A member in one published cycle: its submission the figures count (with entries and attachments; null
    /// when it did not report or keeps the report private), the member's choice (<see cref="Publication"/>, null when
    /// it did not report) and the commitments it reports on, in its order (none when the report is private).</summary>
    public sealed record MemberCycle(ReportingCycle Cycle, ProgressReport? Current, ReportPublication? Publication, IReadOnlyList<PublishedCommitment> Commitments)
    {
        public bool KeptPrivate => Publication == ReportPublication.Private;

        public bool NarrativesPublic => Publication == ReportPublication.FiguresAndNarratives;
    }

    /// <summary>Adds the cycle's figures as they stand to the context, to be saved with the publication: of two
    /// publications at once, one commits with its figures and the other fails whole (the token, or the figures' keys).</summary>
    internal static void Add(SummitDbContext db, CycleProgress progress)
    {
        var positions = new Dictionary<(int, string), int>();
        var commitments = new List<PublishedCommitment>();
        foreach (var row in progress.Commitments)
        {
            if (positions.TryAdd((row.Tracked.StatementId, row.Tracked.Anchor), commitments.Count))
                commitments.Add(new PublishedCommitment(progress.Cycle.Id, commitments.Count, row));
        }
        db.PublishedCommitments.AddRange(commitments);
        db.PublishedReporters.AddRange(progress.Organisations.Select(o => new PublishedReporter(progress.Cycle.Id, o, positions)));
    }

    /// <summary>Null when there is no such cycle or it is not published.</summary>
    public static async Task<CyclePage?> CycleAsync(SummitDbContext db, int cycleId, CancellationToken ct = default)
    {
        if (await PublishedCycleAsync(db, cycleId, ct) is not { } cycle) return null;
        var commitments = await db.PublishedCommitments.AsNoTracking().Where(c => c.CycleId == cycleId).OrderBy(c => c.Position).ToListAsync(ct);
        var statements = await StatementsAsync(db, cycleId, commitments, ct);
        var titles = statements.ToDictionary(s => s.Id, s => s.Title);
        var reporters = await db.PublishedReporters.AsNoTracking().Where(r => r.CycleId == cycleId)
            .Join(db.Organisations.AsNoTracking(), r => r.OrganisationId, o => o.Id,
                (r, o) => new Reporter(r.OrganisationId, o.FormalName, o.SortName, r.Sector, r.ReportId != null, r.Publication == ReportPublication.Private))
            .ToListAsync(ct);
        return new CyclePage(cycle, statements, commitments.Select(c => new Row(c, titles.GetValueOrDefault(c.StatementId) ?? "")).ToList(),
            reporters.OrderBy(r => r.SortName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.OrganisationId).ToList());
    }

    /// <summary>Null when the cycle is not published or does not track the commitment.</summary>
    public static async Task<CommitmentPage?> CommitmentAsync(SummitDbContext db, int cycleId, int statementId, string anchor, CancellationToken ct = default)
    {
        if (await PublishedCycleAsync(db, cycleId, ct) is not { } cycle) return null;
        var figures = await db.PublishedCommitments.AsNoTracking()
            .FirstOrDefaultAsync(c => c.CycleId == cycleId && c.StatementId == statementId && c.Anchor == anchor, ct);
        if (figures is null) return null;
        var title = await db.Statements.AsNoTracking().Where(s => s.Id == statementId).Select(s => s.Title).FirstOrDefaultAsync(ct) ?? "";
        // The answers on it in the submissions the figures count, by the choice recorded at publication: a few hundred
        // rows found through their keys. A report kept private is never read.
        var answered = from r in db.PublishedReporters.AsNoTracking()
                       join e in db.ProgressEntries.AsNoTracking() on r.ReportId equals (int?)e.ReportId
                       join o in db.Organisations.AsNoTracking() on r.OrganisationId equals o.Id
                       where r.CycleId == cycleId && e.StatementId == statementId && e.Anchor == anchor
                       select new { r.OrganisationId, o.FormalName, o.SortName, r.Publication, Entry = e };
        var shown = await answered.Where(x => x.Publication == ReportPublication.FiguresAndNarratives).ToListAsync(ct);
        var hidden = await answered.CountAsync(x => x.Publication == ReportPublication.FiguresOnly, ct);
        return new CommitmentPage(cycle, new Row(figures, title),
            shown.OrderBy(x => x.SortName, StringComparer.Ordinal).Select(x => new Answer(x.OrganisationId, x.FormalName, x.Entry)).ToList(), hidden);
    }

    /// <summary>The published cycles that asked the organisation to report, the latest deadline first.</summary>
    public static async Task<IReadOnlyList<MemberCycle>> MemberAsync(SummitDbContext db, int organisationId, CancellationToken ct = default)
    {
        var rows = await db.PublishedReporters.AsNoTracking().Where(r => r.OrganisationId == organisationId).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var cycleIds = rows.Select(r => r.CycleId).ToList();
        var cycles = await db.ReportingCycles.AsNoTracking().Include(c => c.Summit)
            .Where(c => cycleIds.Contains(c.Id) && c.PublishedUtc != null).OrderByDescending(c => c.DeadlineUtc).ToListAsync(ct);
        var reportIds = rows.Where(r => r.ReportId != null && !r.KeptPrivate).Select(r => r.ReportId!.Value).ToList();
        var reports = reportIds.Count == 0 ? new Dictionary<int, ProgressReport>() : await db.ProgressReports.AsNoTracking().Include(r => r.Entries).Include(r => r.Attachments)
            .AsSplitQuery().Where(r => reportIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var commitments = (await db.PublishedCommitments.AsNoTracking().Where(c => cycleIds.Contains(c.CycleId)).ToListAsync(ct))
            .ToLookup(c => c.CycleId);
        return cycles.Select(c =>
        {
            var row = rows.First(r => r.CycleId == c.Id);
            var byPosition = commitments[c.Id].ToDictionary(x => x.Position);
            if (row.KeptPrivate) return new MemberCycle(c, null, row.Publication, []);
            return new MemberCycle(c, row.ReportId is { } id ? reports.GetValueOrDefault(id) : null, row.Publication,
                row.Positions.Where(byPosition.ContainsKey).Select(p => byPosition[p]).ToList());
        }).ToList();
    }

    private static Task<ReportingCycle?> PublishedCycleAsync(SummitDbContext db, int cycleId, CancellationToken ct) =>
        db.ReportingCycles.AsNoTracking().Include(c => c.Summit).FirstOrDefaultAsync(c => c.Id == cycleId && c.PublishedUtc != null, ct);

    /// <summary>The cycle's statements with a final text, in the order of their commitments.</summary>
    private static async Task<IReadOnlyList<(int Id, string Title)>> StatementsAsync(SummitDbContext db, int cycleId,
        IReadOnlyList<PublishedCommitment> commitments, CancellationToken ct)
    {
        var statements = await db.ReportingCycleStatements.AsNoTracking().Where(s => s.CycleId == cycleId)
            .Join(db.Statements.AsNoTracking().Where(s => s.FinalVersionId != null), c => c.StatementId, s => s.Id, (c, s) => new { s.Id, s.Title })
            .ToListAsync(ct);
        var first = new Dictionary<int, int>();
        foreach (var c in commitments) first.TryAdd(c.StatementId, c.Position);
        return statements.OrderBy(s => first.GetValueOrDefault(s.Id, int.MaxValue)).ThenBy(s => s.Id).Select(s => (s.Id, s.Title)).ToList();
    }
}
