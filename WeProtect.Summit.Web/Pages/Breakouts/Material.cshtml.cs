using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using WeProtect.Summit.Data.Materials;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Breakouts;

/// <summary>Downloads one document. Public documents of a public summit are anyone's; delegates-only ones are for
/// the summit's approved delegates and organisers (and a breakout's for its facilitators, see <see cref="MaterialAccess"/>),
/// and everyone else is answered 404, as if there were none.</summary>
[RateLimited(RateLimitedAction.Download, EveryGet = true)]
public class MaterialModel(SummitDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var material = await db.Materials.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.SummitId, m.BreakoutId, m.FileName, m.Type, m.Visibility, m.Sha256, SummitPublic = m.Summit.Status != Data.Summits.SummitStatus.Draft })
            .FirstOrDefaultAsync(ct);
        if (material is null) return NotFound();
        var organiser = User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Admin);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var allowed = material.Visibility == MaterialVisibility.Public
            ? material.SummitPublic || organiser || await MaterialAccess.FacilitatesAsync(db, material.BreakoutId, userId, ct)
            : await MaterialAccess.SeesDelegateMaterialsAsync(db, material.SummitId, material.BreakoutId, userId, organiser, ct);
        if (!allowed) return NotFound();
        var bytes = await db.MaterialContents.AsNoTracking().Where(c => c.MaterialId == id).Select(c => c.Bytes).FirstOrDefaultAsync(ct);
        if (bytes is null) return NotFound();
        Response.Headers["X-Content-SHA256"] = material.Sha256;
        // Delegates-only copies must not sit in a shared cache.
        if (material.Visibility != MaterialVisibility.Public) Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return File(bytes, MaterialFormats.ContentType(material.Type), material.FileName);
    }
}
