namespace WeProtect.Summit.Data.Reporting;

/// <summary>The focal-point query, written once.</summary>
public static class ReportingFocalPoints
{
    /// <summary>Grants not revoked (the query form of <see cref="ReportingFocalPoint.IsLive"/>).</summary>
    public static IQueryable<ReportingFocalPoint> Unrevoked(this IQueryable<ReportingFocalPoint> focalPoints) =>
        focalPoints.Where(f => f.RevokedUtc == null);
}
