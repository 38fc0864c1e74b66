using WeProtect.Summit.Data.Accreditations;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Web.Pages.Registration;

/// <summary>An issued letter of invitation (the signed PDF), for its delegate and organisers; anyone else, or a
/// letter not issued, gets 404. Never cached: it carries the passport number.</summary>
public class VisaLetterModel(SummitDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var letter = await db.VisaLetters.AsNoTracking().Where(v => v.Id == id && v.Status == VisaLetterStatus.Issued)
            .Join(db.Registrations, v => v.RegistrationId, r => r.Id, (v, r) => new { v.Pdf, r.UserId }).FirstOrDefaultAsync(ct);
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var organiser = User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Admin);
        if (letter?.Pdf is null || (letter.UserId != userId && !organiser)) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(letter.Pdf, VisaLetterPdf.ContentType, $"letter-of-invitation-{VisaLetterPdf.Reference(id)}.pdf");
    }
}
