using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Web.Pages.Invitations;

/// <summary>The focal point corrects the address of one of their nominees not yet registered (mistyped, or the ministry's
/// address changed) while registration is open: <see cref="DelegateAddressDesk.ReaddressOwnNominationAsync"/> holds the
/// rule and sends a new link, the earlier one dead, audited as the secretariat's correction is. A nomination of another
/// invitation is not found (404); someone else's delegation is forbidden (403). Organisers are sent to
/// Invitations/Manage/NominationAddress, where they correct any nomination.</summary>
public class NominationAddressModel(SummitDbContext db, DelegateAddressDesk desk, UserManager<SummitUser> users) : PageModel
{
    [BindProperty] public NewAddressInput Input { get; set; } = new();

    public Nomination Nomination { get; private set; } = null!;
    public Invitation Invitation { get; private set; } = null!;
    public string SummitName { get; private set; } = "";
    /// <summary>Why the focal point cannot correct it now (registration closed, nominee registered); null when they can.</summary>
    public Data.Desks.DeskText? WhyNot { get; private set; }

    public async Task<IActionResult> OnGetAsync(int invitationId, int nominationId, CancellationToken ct) =>
        await LoadAsync(invitationId, nominationId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int invitationId, int nominationId, CancellationToken ct)
    {
        if (await LoadAsync(invitationId, nominationId, ct) is { } denied) return denied;
        var result = await desk.ReaddressOwnNominationAsync(invitationId, nominationId, Input.Email, users.GetUserId(User)!, User.ToAuditActor(), ct);
        if (result.Refusal == Data.Desks.DeskRefusal.Forbidden) return Forbid();
        return await this.AnswerAsync(result, () => RedirectToPage("/Invitations/Delegation", new { invitationId }),
            async () => await LoadAsync(invitationId, nominationId, ct) ?? Page());
    }

    /// <summary>Null when the focal point may see the nomination (then loaded), else the answer: 404 for a nomination
    /// not of this invitation, 403 for anyone but its focal point.</summary>
    private async Task<IActionResult?> LoadAsync(int invitationId, int nominationId, CancellationToken ct)
    {
        var invitation = await db.Invitations.AsNoTracking().Include(i => i.Organisation).FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        var nomination = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == nominationId && n.InvitationId == invitationId, ct);
        if (invitation is null || nomination is null) return NotFound();
        var summit = await db.Summits.AsNoTracking().Where(s => s.Id == invitation.SummitId).Select(s => new { s.Name, s.Status }).FirstAsync(ct);
        var why = DelegateAddressDesk.WhyFocalPointMayNotReaddress(invitation, users.GetUserId(User), summit.Status);
        if (why?.Refusal == Data.Desks.DeskRefusal.Forbidden)
            // Organisers correct any nomination on their own page, by the secretariat's rule.
            return User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Admin)
                ? RedirectToPage("/Invitations/Manage/NominationAddress", new { summitId = invitation.SummitId, nominationId })
                : Forbid();
        (Invitation, Nomination, SummitName) = (invitation, nomination, summit.Name);
        WhyNot = why?.Why ?? nomination.WhyNotReaddressable();
        return null;
    }
}
