using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Accreditations;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Web.Pages.Registration;

/// <summary>An issued letter of invitation (the signed PDF), for its delegate and organisers; anyone else, or a
/// letter not issued, gets 404. Never cached: it carries the passport number.</summary>
public class VisaLetterModel(SummitDbContext db, DownloadLog downloads) : PageModel
{
    /// <summary>The action (after <see cref="DownloadLog.ActionPrefix"/>) of a letter downloaded by someone other than its delegate.</summary>
    public const string VisaLetterDownload = "visa-letter";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var letter = await db.VisaLetters.AsNoTracking().Where(v => v.Id == id && v.Status == VisaLetterStatus.Issued)
            .Join(db.Registrations, v => v.RegistrationId, r => r.Id, (v, r) => new { v.Pdf, Registration = r }).FirstOrDefaultAsync(ct);
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var organiser = User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Admin);
        if (letter?.Pdf is null || (letter.Registration.UserId != userId && !organiser)) return NotFound();
        // On the registration: its record's history and the delegate's own page say who took the passport number.
        if (letter.Registration.UserId != userId)
            await downloads.RecordAsync(User.ToAuditActor(), VisaLetterDownload, letter.Registration,
                $"Letter of invitation {id} of registration {letter.Registration.Id} downloaded (it carries the passport number)", ct);
        Response.Headers.CacheControl = "private, no-store";
        return File(letter.Pdf, VisaLetterPdf.ContentType, $"letter-of-invitation-{VisaLetterPdf.Reference(id)}.pdf");
    }
}
