using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Web.Pages.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>A delegate's badge as a PDF (one A6 page), for the delegate who owns the registration or any organiser.
/// Someone else's registration, or one that does not exist, is 404; a registration without a badge (not approved)
/// gets a page saying so instead of a PDF.</summary>
public class BadgeModel(SummitDbContext db, Data.Audit.DownloadLog downloads) : PageModel
{
    public string SummitName { get; private set; } = "";
    public int SummitId { get; private set; }
    public RegistrationStatus Status { get; private set; }
    public bool IsOwner { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var registration = await db.Registrations.AsNoTracking()
            .Include(r => r.Organisation).Include(r => r.Summit)
            .FirstOrDefaultAsync(r => r.Id == id, ct);
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var organiser = User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Admin);
        if (registration is null || (registration.UserId != userId && !organiser)) return NotFound();

        IsOwner = registration.UserId == userId;
        SummitName = registration.Summit.Name;
        SummitId = registration.SummitId;
        Status = registration.Status;
        // The badge may change with the registration (name, category) or stop being valid: never keep a copy.
        Response.Headers.CacheControl = "no-cache, no-store";
        if (!registration.HasBadge) return Page();

        var photo = await db.Accreditations.AsNoTracking().Where(a => a.RegistrationId == id).Select(a => a.Photo).FirstOrDefaultAsync(ct);
        var pdf = BadgePdf.Render(BadgePdf.ContentOf(registration, registration.Summit, photo));
        if (!IsOwner)
            await downloads.RecordAsync(User.ToAuditActor(), "badges", registration, $"Badge of registration {registration.Id} downloaded as PDF", ct);
        return File(pdf, BadgePdf.ContentType, FileName(registration));
    }

    /// <summary>"badge-1234-ada-lovelace.pdf": ASCII, so that every browser keeps it.</summary>
    public static string FileName(Data.Registrations.Registration registration)
    {
        var slug = new string(registration.FullName.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ' || c == '-')
            .Select(c => c == ' ' ? '-' : char.ToLowerInvariant(c)).ToArray()).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        return $"badge-{registration.Id}{(slug.Length > 0 ? "-" + slug[..Math.Min(slug.Length, 40)] : "")}.pdf";
    }
}
