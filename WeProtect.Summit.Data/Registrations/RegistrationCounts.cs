namespace WeProtect.Summit.Data.Registrations;

/// <summary>How many registrations a summit has in each status (statuses with none are absent): the vetting queue's
/// tabs and the summit's management page count the same way.</summary>
public static class RegistrationCounts
{
    public static async Task<IReadOnlyDictionary<RegistrationStatus, int>> ByStatusAsync(SummitDbContext db, int summitId, CancellationToken ct = default) =>
        (await db.Registrations.AsNoTracking().Where(r => r.SummitId == summitId)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .ToDictionary(g => g.Key, g => g.Count);
}
