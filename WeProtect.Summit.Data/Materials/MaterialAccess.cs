using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Materials;

/// <summary>Who sees which documents, written once for the lists and the download: public ones are anyone's;
/// delegates-only ones are for the summit's approved delegates and its organisers.</summary>
public static class MaterialAccess
{
    /// <summary>Whether the user (null: anonymous) may see the summit's delegates-only documents.</summary>
    public static async Task<bool> SeesDelegateMaterialsAsync(SummitDbContext db, int summitId, string? userId, bool isOrganiser, CancellationToken ct)
    {
        if (userId is null) return false;
        if (isOrganiser) return true;
        return await db.Registrations.AnyAsync(r => r.SummitId == summitId && r.UserId == userId && r.Status == RegistrationStatus.Approved, ct);
    }
}
