using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Web.Pages.Invitations.Manage;

/// <summary>The secretariat corrects the address of a nomination not yet taken up (mistyped by the focal point, or the
/// ministry's address changed): <see cref="DelegateAddressDesk.ReaddressNominationAsync"/> sends a new link to the new
/// address, and the earlier link stops working.</summary>
public class NominationAddressModel(SummitDbContext db, DelegateAddressDesk desk) : PageModel
{
    [BindProperty] public NewAddressInput Input { get; set; } = new();

    public Nomination Nomination { get; private set; } = null!;
    public Invitation Invitation { get; private set; } = null!;
    public string SummitName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int summitId, int nominationId, CancellationToken ct) =>
        await LoadAsync(summitId, nominationId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int summitId, int nominationId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, nominationId, ct)) return NotFound();
        var result = await desk.ReaddressNominationAsync(summitId, nominationId, Input.Email, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Invitations/Delegation", new { invitationId = Invitation.Id }),
            async () => await LoadAsync(summitId, nominationId, ct) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(int summitId, int nominationId, CancellationToken ct)
    {
        var nomination = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == nominationId && n.SummitId == summitId, ct);
        if (nomination is null) return false;
        Nomination = nomination;
        Invitation = await db.Invitations.AsNoTracking().Include(i => i.Organisation).FirstAsync(i => i.Id == nomination.InvitationId, ct);
        SummitName = await db.Summits.Where(s => s.Id == summitId).Select(s => s.Name).FirstAsync(ct);
        return true;
    }
}
