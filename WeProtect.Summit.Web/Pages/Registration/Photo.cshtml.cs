using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Accreditation;

namespace WeProtect.Summit.Web.Pages.Registration;

/// <summary>A delegate's accreditation photo (the re-encoded JPEG), for the delegate, organisers and the check-in
/// staff of that summit; anyone else, or a registration without a photo, gets 404. Never stored by a proxy or the
/// browser's cache: <c>private, no-store</c>. A photo is personal data: each time someone other than the delegate opens
/// it (an organiser, the check-in desk), the audit trail records who, whose and when, as the download log records a
/// letter of invitation taken by the secretariat; the delegate's record lists them under "Who saw this photo".</summary>
public class PhotoModel(SummitDbContext db, Accounts.CheckInAccess checkIn, DownloadLog downloads) : PageModel
{
    /// <summary>The action (after <see cref="DownloadLog.ActionPrefix"/>) of a photo opened by someone other than its delegate.</summary>
    public const string PhotoView = "photo";

    public const string PhotoViewAction = DownloadLog.ActionPrefix + PhotoView;

    /// <summary>The recorded openings of a registration's photo.</summary>
    public static IQueryable<AuditEvent> ViewsOf(SummitDbContext db, int registrationId)
    {
        var subject = registrationId.ToString(CultureInfo.InvariantCulture);
        return db.AuditEvents.Where(e => e.Action == PhotoViewAction && e.SubjectType == nameof(Data.Registrations.Registration) && e.SubjectId == subject);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var owner = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (owner is null) return NotFound();
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var own = owner.UserId == userId;
        var allowed = own || await checkIn.ForAsync(User, owner.SummitId, ct) == Accounts.CheckInAccess.Answer.Open;
        if (!allowed) return NotFound();
        var photo = await db.Accreditations.AsNoTracking().Where(a => a.RegistrationId == id).Select(a => a.Photo).FirstOrDefaultAsync(ct);
        if (photo is null) return NotFound();
        if (!own)
            await downloads.RecordAsync(User.ToAuditActor(), PhotoView, owner, $"Accreditation photo of registration {id} opened", ct);
        Response.Headers.CacheControl = "private, no-store";
        return File(photo, PhotoReader.ContentType);
    }
}
