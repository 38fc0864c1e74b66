using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Web.Pages.Organisations.Manage;

/// <summary>Edits one organisation. The Version the organiser started from travels in the form; if someone else
/// saved in between, nothing is saved and their version is shown next to the organiser's own input. Membership is not
/// edited here: the page says what the register holds today and links to it.</summary>
public class EditModel(SummitDbContext db, OrganisationDesk desk, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public OrganisationInput Input { get; set; } = new();

    /// <summary>The name as it is saved, for the heading.</summary>
    public string SavedName { get; private set; } = "";

    /// <summary>The saved version, when it changed while this organiser was editing.</summary>
    public Organisation? Theirs { get; private set; }

    /// <summary>Its period in the membership register today; null when it is not a member.</summary>
    public Membership? Membership { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == Id, ct);
        if (organisation is null) return NotFound();
        SavedName = organisation.FormalName;
        Input = OrganisationInput.From(organisation);
        await LoadMembershipAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == Id, ct);
        if (organisation is null) return NotFound();
        SavedName = organisation.FormalName;
        await LoadMembershipAsync(ct);

        var candidate = Input.ToCandidate();
        // A stale copy is answered first (the desk's conflict), whatever else is wrong with the input.
        if (!Input.Validate(candidate, ModelState, text => Localization.Translations.OrKey(HttpContext, text)) && organisation.Version == Input.Version) return Page();
        var result = await desk.UpdateAsync(Id, Input.Version, candidate, User.ToAuditActor(), ct);
        if (result.Answer == DeskAnswer.Conflict) Stale(result.Value!);
        return await this.AnswerAsync(result, () => RedirectToPage("/Organisations/Index"), () => Task.FromResult<IActionResult>(Page()));
    }

    private async Task LoadMembershipAsync(CancellationToken ct) =>
        Membership = await db.Memberships.AsNoTracking().Where(m => m.OrganisationId == Id)
            .Covering(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).FirstOrDefaultAsync(ct);

    /// <summary>Shows their saved version beside the organiser's input; the next save is measured against theirs.</summary>
    private void Stale(Organisation current)
    {
        Theirs = current;
        SavedName = current.FormalName;
        ModelState.AddModelError(string.Empty,
            Localization.Translations.OrKey(HttpContext, "Their version is shown below and your input is kept in the form: check both, then save again if yours should replace theirs."));
        ModelState.Remove("Input.Version");
        Input.Version = current.Version;
    }
}
