using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Web.Infrastructure.RateLimits;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Web.Pages.Invitations;

using WeProtect.Summit.Data.Summits;

/// <summary>The link in an invitation: shows the summit and the organisation, and lets the user signed in with the
/// address it was sent to accept it (they become the organisation's focal point). Anyone else is told, with the
/// address masked, which address to sign in with; an expired or revoked link says so, and an expired one offers a fresh
/// link, sent to the invitation's address only (see <see cref="InvitationDesk.RenewAsync"/>). Every request counts
/// against <see cref="RateLimitedAction.InvitationLink"/>, so wrong or expired tokens cannot be tried at will.</summary>
[RateLimited(RateLimitedAction.InvitationLink)]
public class AcceptModel(SummitDbContext db, InvitationDesk desk, UserManager<SummitUser> users, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Invitation Invitation { get; private set; } = null!;
    public Summit Summit { get; private set; } = null!;
    /// <summary>Why this user cannot accept; null when they can (or already did).</summary>
    public string? Refusal { get; private set; }
    /// <summary>The link has expired (neither revoked nor accepted): a fresh one may be asked for.</summary>
    public bool CanRenew { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        if (Invitation.IsFocalPoint(users.GetUserId(User))) return RedirectToPage("/Invitations/Delegation", new { invitationId = Invitation.Id });
        var user = await users.GetUserAsync(User);
        var now = clock.GetUtcNow().UtcDateTime;
        CanRenew = !Invitation.IsRevoked && Invitation.IsExpired(now);
        // The reasons of Invitation.WhyClosed and Accept, in the reader's language.
        Refusal = Invitation.IsRevoked ? localizer["This invitation was withdrawn by the organisers."].Value
            : CanRenew ? localizer["This invitation expired on {0}. A fresh link can be sent to the address it was sent to.", Invitation.ExpiresUtc.Said("d MMMM yyyy", CultureInfo.CurrentCulture)].Value
            : Invitation.IsAccepted ? localizer["This invitation was already accepted."].Value
            : user?.Email is { } email && EmailAddresses.Normalise(email) == Invitation.NormalisedEmail ? null
            : localizer["This invitation was sent to {0}. Sign in with that address to accept it.", EmailAddresses.Mask(Invitation.Email)].Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        var result = await desk.AcceptAsync(token, users.GetUserId(User)!, User.ToAuditActor(), ct);
        if (result.Succeeded)
        {
            this.ShowStatus(result);
            return RedirectToPage("/Invitations/Delegation", new { invitationId = Invitation.Id });
        }
        if (result.Answer == Data.Desks.DeskAnswer.NotFound) return NotFound();
        Refusal = Translations.Of(HttpContext, result.Text);
        return Page();
    }

    /// <summary>Asks for a fresh link; the answer never shows it (it goes to the invitation's address).</summary>
    public async Task<IActionResult> OnPostRenewAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        var result = await desk.RenewAsync(token, User.ToAuditActor(), ct);
        if (result.Answer == Data.Desks.DeskAnswer.NotFound) return NotFound();
        this.ShowStatus(result);
        return RedirectToPage(new { token });
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (await desk.FindAsync(token, ct) is not { } invitation) return false;
        Invitation = invitation;
        Summit = await db.Summits.AsNoTracking().FirstAsync(s => s.Id == invitation.SummitId, ct);
        return true;
    }
}
