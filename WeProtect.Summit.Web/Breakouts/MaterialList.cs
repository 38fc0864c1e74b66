using System.Security.Claims;
using WeProtect.Summit.Data.Materials;

namespace WeProtect.Summit.Web.Breakouts;

/// <summary>The documents a visitor may see on a summit's page (summit-wide ones) or a session's page (that
/// breakout's), newest first; the model of <c>/Pages/Breakouts/_MaterialList.cshtml</c>.</summary>
public sealed record MaterialList(IReadOnlyList<MaterialList.Item> Items, bool HidesDelegateMaterials)
{
    public sealed record Item(int Id, string Title, string FileName, MaterialType Type, MaterialVisibility Visibility, long SizeBytes)
    {
        public string Size => SizeBytes >= 1024 * 1024 ? $"{SizeBytes / (1024.0 * 1024):0.#} MB" : $"{Math.Max(1, SizeBytes / 1024):N0} KB";
        public string Kind => MaterialFormats.Describe(Type);
    }

    /// <summary>Anonymous pages are cached and shared, so they list public documents only; whether there are
    /// delegates-only ones is said without naming them.</summary>
    public static async Task<MaterialList> LoadAsync(SummitDbContext db, int summitId, int? breakoutId, ClaimsPrincipal user, CancellationToken ct)
    {
        var organiser = user.IsInRole(Roles.Organiser) || user.IsInRole(Roles.Admin);
        var sees = await MaterialAccess.SeesDelegateMaterialsAsync(db, summitId, breakoutId, user.FindFirstValue(ClaimTypes.NameIdentifier), organiser, ct);
        var all = await db.Materials.AsNoTracking().Where(m => m.SummitId == summitId && m.BreakoutId == breakoutId)
            .OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id)
            .Select(m => new Item(m.Id, m.Title, m.FileName, m.Type, m.Visibility, m.SizeBytes)).ToListAsync(ct);
        var shown = sees ? all : all.Where(m => m.Visibility == MaterialVisibility.Public).ToList();
        return new MaterialList(shown, shown.Count < all.Count);
    }
}
