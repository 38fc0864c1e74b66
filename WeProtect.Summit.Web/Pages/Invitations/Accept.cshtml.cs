using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Web.Pages.Invitations;

using WeProtect.Summit.Data.Summits;

/// <summary>The link in an invitation: shows the summit and the organisation, and lets the user signed in with the
/// address it was sent to accept it (they become the organisation's focal point). Anyone else is told, with the
/// address masked, which address to sign in with; an expired or revoked link says so.</summary>
public class AcceptModel(SummitDbContext db, InvitationDesk desk, UserManager<SummitUser> users, TimeProvider clock) : PageModel
{
    public Invitation Invitation { get; private set; } = null!;
    public Summit Summit { get; private set; } = null!;
    /// <summary>Why this user cannot accept; null when they can (or already did).</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        if (Invitation.IsFocalPoint(users.GetUserId(User))) return RedirectToPage("/Invitations/Delegation", new { invitationId = Invitation.Id });
        var user = await users.GetUserAsync(User);
        Refusal = Invitation.WhyClosed(clock.GetUtcNow().UtcDateTime)
            ?? (Invitation.IsAccepted ? "This invitation was already accepted." : null)
            ?? (user?.Email is { } email && EmailAddresses.Normalise(email) == Invitation.NormalisedEmail
                ? null
                : $"This invitation was sent to {EmailAddresses.Mask(Invitation.Email)}. Sign in with that address to accept it.");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        var result = await desk.AcceptAsync(token, users.GetUserId(User)!, User.ToAuditActor(), ct);
        if (result.Succeeded)
        {
            this.ShowStatus(result.Message);
            return RedirectToPage("/Invitations/Delegation", new { invitationId = Invitation.Id });
        }
        if (result.Answer == Data.Desks.DeskAnswer.NotFound) return NotFound();
        Refusal = result.Message;
        return Page();
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (await desk.FindAsync(token, ct) is not { } invitation) return false;
        Invitation = invitation;
        Summit = await db.Summits.AsNoTracking().FirstAsync(s => s.Id == invitation.SummitId, ct);
        return true;
    }
}
