using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Reporting;

/// <summary>Downloads a PDF attached to a progress report. The public gets it once the cycle is published and only
/// from the submission the published figures count, where its member chose at publication to publish figures and
/// narratives (the consent that governs the narratives governs their evidence; a report kept private gives nothing);
/// the organisation's focal points and organisers get any of its attachments, drafts and
/// superseded submissions included. Everyone else is answered 404, as if there were none.</summary>
[RateLimited(RateLimitedAction.Download, EveryGet = true)]
public class AttachmentModel(SummitDbContext db, ReportingDesk desk) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await db.ReportAttachments.AsNoTracking().Where(a => a.Id == id)
            .Join(db.ProgressReports.AsNoTracking(), a => a.ReportId, r => r.Id, (a, r) => new
            {
                a.FileName, a.Sha256, r.OrganisationId,
                // The snapshot written at publication: this submission counted, and its member's choice then.
                IsPublic = db.PublishedReporters.Any(p => p.ReportId == r.Id && p.Publication == ReportPublication.FiguresAndNarratives),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null) return NotFound();
        var isPublic = found.IsPublic;
        if (!isPublic && !await MaySeeAsync(found.OrganisationId, ct)) return NotFound();
        var bytes = await db.ReportAttachmentContents.AsNoTracking().Where(c => c.AttachmentId == id).Select(c => c.Bytes).FirstOrDefaultAsync(ct);
        if (bytes is null) return NotFound();
        Response.Headers["X-Content-SHA256"] = found.Sha256;
        // A member's unpublished evidence must not sit in a shared cache.
        if (!isPublic) Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return File(bytes, "application/pdf", found.FileName);
    }

    private async Task<bool> MaySeeAsync(int organisationId, CancellationToken ct)
    {
        if (User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Admin)) return true;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is not null && await desk.IsFocalPointAsync(userId, organisationId, ct);
    }
}
