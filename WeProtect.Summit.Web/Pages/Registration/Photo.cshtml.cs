using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Web.Accreditation;

namespace WeProtect.Summit.Web.Pages.Registration;

/// <summary>A delegate's accreditation photo (the re-encoded JPEG), for the delegate, organisers and the check-in
/// staff of that summit; anyone else, or a registration without a photo, gets 404. Never stored by a proxy or the
/// browser's cache: <c>private, no-store</c>.</summary>
public class PhotoModel(SummitDbContext db, Accounts.CheckInAccess checkIn) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var owner = await db.Registrations.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.UserId, r.SummitId }).FirstOrDefaultAsync(ct);
        if (owner is null) return NotFound();
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var allowed = owner.UserId == userId || await checkIn.ForAsync(User, owner.SummitId, ct) == Accounts.CheckInAccess.Answer.Open;
        if (!allowed) return NotFound();
        var photo = await db.Accreditations.AsNoTracking().Where(a => a.RegistrationId == id).Select(a => a.Photo).FirstOrDefaultAsync(ct);
        if (photo is null) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(photo, PhotoReader.ContentType);
    }
}
