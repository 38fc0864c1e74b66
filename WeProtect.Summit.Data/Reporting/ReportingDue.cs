namespace WeProtect.Summit.Data.Reporting;

/// <summary>Cheap checks the reporting sweep makes every minute before asking <see cref="ReportingDesk"/>, which
/// reads the cycle's statements to know who reports on what. Each is a superset of what the desk would find (a live
/// focal point of an organisation with a live endorsement of one of the cycle's statements), so a "no" is final and a
/// "yes" lets the desk decide.</summary>
public static class ReportingDue
{
    /// <summary>A live focal point of a possible reporter that has no invitation to the cycle yet.</summary>
    public static Task<bool> MayOweInvitationsAsync(SummitDbContext db, int cycleId, CancellationToken ct = default) =>
        Candidates(db, cycleId)
            .Where(f => !db.ReportInvitations.Any(i => i.CycleId == cycleId && i.FocalPointId == f.Id))
            .AnyAsync(ct);

    /// <summary>A live focal point of a possible reporter that has not submitted and was not reminded in the cycle.</summary>
    public static Task<bool> MayOweRemindersAsync(SummitDbContext db, int cycleId, CancellationToken ct = default) =>
        Candidates(db, cycleId)
            .Where(f => !db.ReportReminders.Any(r => r.CycleId == cycleId && r.OrganisationId == f.OrganisationId))
            .Where(f => !db.ProgressReports.Any(r => r.CycleId == cycleId && r.OrganisationId == f.OrganisationId && r.Status != ProgressReportStatus.Draft))
            .AnyAsync(ct);

    private static IQueryable<ReportingFocalPoint> Candidates(SummitDbContext db, int cycleId) =>
        db.ReportingFocalPoints.AsNoTracking().Unrevoked()
            .Where(f => db.Endorsements.Any(e => e.OrganisationId == f.OrganisationId && e.WithdrawnUtc == null
                && db.ReportingCycleStatements.Any(s => s.CycleId == cycleId && s.StatementId == e.StatementId)));
}
