using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Summits;

/// <summary>The secretariat corrects a delegate's name and position (as the badge prints them) and needs, at any
/// status but cancelled, through <see cref="RegistrationDesk.CorrectAsync"/>; the delegate is told by e-mail unless
/// the organiser unticks it. A badge printed before a corrected name or position is flagged for reprinting.</summary>
public class CorrectModel(SummitDbContext db, RegistrationDesk desk) : PageModel
{
    [BindProperty] public CorrectionInput Input { get; set; } = new();

    public Summit Summit { get; private set; } = null!;
    public Registration Registration { get; private set; } = null!;
    /// <summary>When the badge was last printed; null when never.</summary>
    public DateTime? LastPrintedUtc { get; private set; }

    public sealed class CorrectionInput
    {
        [Display(Name = "Full name, as the badge prints it")] public string? FullName { get; set; }
        [Display(Name = "Position")] public string? Position { get; set; }
        /// <summary>Ticked needs by name, parsed by <see cref="NeedNames.Parse"/>.</summary>
        public List<string>? Needs { get; set; }
        [Display(Name = "Anything else about the needs")] public string? NeedsNote { get; set; }
        [Display(Name = "Tell the delegate by e-mail (name and position; needs are not e-mailed)")] public bool TellDelegate { get; set; }
        public Guid Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int summitId, int registrationId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, registrationId, ct)) return NotFound();
        var r = Registration;
        Input = new CorrectionInput
        {
            FullName = r.FullName, Position = r.Position, Needs = [.. r.Needs.Select(n => n.Need.ToString())], NeedsNote = r.AccessNeeds,
            TellDelegate = true, Version = r.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int summitId, int registrationId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, registrationId, ct)) return NotFound();
        var (needs, needsError) = NeedNames.Parse(Input.Needs);
        if (needsError is not null)
        {
            ModelState.AddModelError("Input.Needs", Localization.Translations.OrKey(HttpContext, needsError));
            return Page();
        }
        var correction = new RegistrationCorrection(Input.FullName, Input.Position, needs, Input.NeedsNote);
        var result = await desk.CorrectAsync(summitId, registrationId, Input.Version, correction, Input.TellDelegate, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Registration/Manage/Delegate", new { summitId, registrationId }),
            () => Task.FromResult<IActionResult>(Page()),
            field => field == nameof(Registration.AccessNeeds) ? "Input.NeedsNote" : $"Input.{field}");
    }

    private async Task<bool> LoadAsync(int summitId, int registrationId, CancellationToken ct)
    {
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Summit).Include(r => r.Needs)
            .FirstOrDefaultAsync(r => r.Id == registrationId && r.SummitId == summitId, ct);
        if (registration is null) return false;
        (Summit, Registration) = (registration.Summit, registration);
        LastPrintedUtc = await BadgeDesk.LastPrintedAsync(db, registrationId, ct);
        return true;
    }

    public string When(DateTime utc) => Summit.ToLocal(utc).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);
}
