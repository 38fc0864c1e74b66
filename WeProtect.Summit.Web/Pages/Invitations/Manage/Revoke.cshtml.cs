using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Web.Pages.Invitations.Manage;

using WeProtect.Summit.Data.Summits;

/// <summary>Organisers: the confirmation before revoking an invitation, saying what will happen (the nominations not
/// yet approved are withdrawn, the approved delegates keep their places, the focal point is told); the post revokes
/// through <see cref="InvitationDesk.RevokeAsync"/> and goes back to the invitations.</summary>
public class RevokeModel(SummitDbContext db, InvitationDesk desk) : PageModel
{
    public Summit Summit { get; private set; } = null!;
    public RevocationPreview Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int summitId, int invitationId, CancellationToken ct) =>
        await LoadAsync(summitId, invitationId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int summitId, int invitationId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, invitationId, ct)) return NotFound();
        var result = await desk.RevokeAsync(summitId, invitationId, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Invitations/Manage/Index", new { summitId }),
            async () => await LoadAsync(summitId, invitationId, ct) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(int summitId, int invitationId, CancellationToken ct)
    {
        if (await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct) is not { } summit) return false;
        var preview = await desk.PreviewRevocationAsync(summitId, invitationId, ct);
        if (!preview.Succeeded) return false;
        Summit = summit;
        Preview = preview.Value!;
        return true;
    }
}
