using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Web.Pages.Invitations.Manage;

/// <summary>Organisers set any registration's protocol details (title, honorific, rank, order), by invitation or not:
/// the ministerial flag follows the rank, and the delegate sees them without being able to change them.</summary>
public class ProtocolModel(SummitDbContext db, InvitationDesk desk) : PageModel
{
    public Data.Registrations.Registration Registration { get; private set; } = null!;

    [BindProperty] public ProtocolInput Input { get; set; } = new();

    public sealed class ProtocolInput
    {
        [Display(Name = "Title")] public string? Title { get; set; }
        [Display(Name = "Honorific")] public string? Honorific { get; set; }
        [Display(Name = "Rank")] public ProtocolRank? Rank { get; set; }
        [Display(Name = "Protocol order")] public int? Order { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int summitId, int registrationId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, registrationId, ct)) return NotFound();
        Input = new ProtocolInput { Title = Registration.Title, Honorific = Registration.Honorific, Rank = Registration.Rank, Order = Registration.ProtocolOrder };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int summitId, int registrationId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, registrationId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var protocol = new ProtocolDetails(Input.Title, Input.Honorific, Input.Rank ?? ProtocolRank.None, Input.Order);
        var result = await desk.SetRegistrationProtocolAsync(summitId, registrationId, protocol, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId, registrationId }),
            async () => await LoadAsync(summitId, registrationId, ct) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(int summitId, int registrationId, CancellationToken ct)
    {
        if (await db.Registrations.AsNoTracking().Include(r => r.Summit).FirstOrDefaultAsync(r => r.Id == registrationId && r.SummitId == summitId, ct) is not { } registration)
            return false;
        Registration = registration;
        return true;
    }
}
