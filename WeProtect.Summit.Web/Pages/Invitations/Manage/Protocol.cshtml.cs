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
        public Guid? Version { get; set; }
    }

    /// <summary>After a refusal as stale: the registration as saved now, shown beside what was typed.</summary>
    public bool ShowSaved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int summitId, int registrationId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, registrationId, ct)) return NotFound();
        Input = new ProtocolInput { Title = Registration.Title, Honorific = Registration.Honorific, Rank = Registration.Rank, Order = Registration.ProtocolOrder, Version = Registration.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int summitId, int registrationId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, registrationId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var protocol = new ProtocolDetails(Input.Title, Input.Honorific, Input.Rank ?? ProtocolRank.None, Input.Order);
        var result = await desk.SetRegistrationProtocolAsync(summitId, registrationId, Input.Version, protocol, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId, registrationId }), async () =>
        {
            if (!await LoadAsync(summitId, registrationId, ct)) return NotFound();
            if (result.Answer == Data.Desks.DeskAnswer.Conflict)
            {
                // Theirs beside the form, yours in it; the next save is from the version now seen.
                ShowSaved = true;
                Input.Version = Registration.Version;
                ModelState.Remove($"{nameof(Input)}.{nameof(ProtocolInput.Version)}");
            }
            return Page();
        });
    }

    private async Task<bool> LoadAsync(int summitId, int registrationId, CancellationToken ct)
    {
        if (await db.Registrations.AsNoTracking().Include(r => r.Summit).FirstOrDefaultAsync(r => r.Id == registrationId && r.SummitId == summitId, ct) is not { } registration)
            return false;
        Registration = registration;
        return true;
    }
}
