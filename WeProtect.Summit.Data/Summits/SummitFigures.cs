using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Summits;

/// <summary>One summit's figures for its organisers' management page, each counted by one named query here (the
/// registrations by <see cref="RegistrationCounts"/>, shared with the vetting queue): registrations by status; its
/// programme (breakouts not cancelled, rooms, themes); its statements by stage; statements with a published communiqué;
/// and its reporting cycles (<see cref="CyclesOf"/>).</summary>
public sealed record SummitFigures(IReadOnlyDictionary<RegistrationStatus, int> Registrations, int Breakouts, int Rooms, int Themes,
    IReadOnlyDictionary<StatementStatus, int> Statements, int Communiques, int Cycles)
{
    public static async Task<SummitFigures> LoadAsync(SummitDbContext db, int summitId, CancellationToken ct = default) => new(
        await RegistrationCounts.ByStatusAsync(db, summitId, ct),
        await db.Breakouts.AsNoTracking().CountAsync(b => b.SummitId == summitId && b.CancelledUtc == null, ct),
        await db.Rooms.AsNoTracking().CountAsync(r => r.SummitId == summitId, ct),
        await db.Themes.AsNoTracking().CountAsync(t => t.SummitId == summitId, ct),
        await StatementsByStageAsync(db, summitId, ct),
        await PublishedCommuniquesAsync(db, summitId, ct),
        await CyclesOf(db, summitId).CountAsync(ct));

    /// <summary>The summit's statements in each stage (stages with none are absent).</summary>
    public static async Task<IReadOnlyDictionary<StatementStatus, int>> StatementsByStageAsync(SummitDbContext db, int summitId, CancellationToken ct = default) =>
        (await db.Statements.AsNoTracking().Where(s => s.SummitId == summitId)
            .GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .ToDictionary(g => g.Key, g => g.Count);

    /// <summary>The summit's statements whose communiqué is published (a statement counts once, however many revisions).</summary>
    public static Task<int> PublishedCommuniquesAsync(SummitDbContext db, int summitId, CancellationToken ct = default) =>
        db.Communiques.AsNoTracking().Where(c => c.Status == CommuniqueStatus.Published && c.Statement.SummitId == summitId)
            .Select(c => c.StatementId).Distinct().CountAsync(ct);

    /// <summary>The reporting cycles of the summit: opened in its time zone, or covering one of its statements.</summary>
    public static IQueryable<ReportingCycle> CyclesOf(SummitDbContext db, int summitId) =>
        db.ReportingCycles.AsNoTracking().Where(c => c.SummitId == summitId
            || db.ReportingCycleStatements.Any(cs => cs.CycleId == c.Id && db.Statements.Any(s => s.Id == cs.StatementId && s.SummitId == summitId)));
}
