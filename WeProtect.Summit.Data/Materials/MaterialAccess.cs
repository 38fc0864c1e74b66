using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Materials;

/// <summary>Who sees which documents, written once for the lists and the download: public ones are anyone's;
/// delegates-only ones are for the summit's approved delegates and its organisers, and a breakout's are also for its
/// facilitators. Only that breakout's: a facilitator need not be a delegate (an outside expert), and a session's own
/// documents are theirs to add and delete, so they may read them; the summit's other papers are the delegates'.</summary>
public static class MaterialAccess
{
    /// <summary>Whether the user (null: anonymous) may see the delegates-only documents of the summit (when
    /// <paramref name="breakoutId"/> is null) or of that breakout.</summary>
    public static async Task<bool> SeesDelegateMaterialsAsync(SummitDbContext db, int summitId, int? breakoutId, string? userId, bool isOrganiser,
        CancellationToken ct)
    {
        if (userId is null) return false;
        if (isOrganiser) return true;
        if (await FacilitatesAsync(db, breakoutId, userId, ct)) return true;
        return await db.Registrations.AnyAsync(r => r.SummitId == summitId && r.UserId == userId && r.Status == RegistrationStatus.Approved, ct);
    }

    /// <summary>Whether the user facilitates the breakout (never for a summit-wide document, <paramref name="breakoutId"/> null).</summary>
    public static Task<bool> FacilitatesAsync(SummitDbContext db, int? breakoutId, string? userId, CancellationToken ct) =>
        breakoutId is null || userId is null ? Task.FromResult(false)
            : db.Breakouts.AnyAsync(b => b.Id == breakoutId && b.Facilitators.Any(f => f.Id == userId), ct);
}
