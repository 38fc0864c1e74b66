using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Web.Pages.Organisations.Manage;

public class CreateModel(OrganisationDesk desk, TimeProvider clock) : PageModel
{
    [BindProperty] public OrganisationInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var organisation = Input.ToCandidate();
        if (!Input.Validate(organisation, clock.GetUtcNow().Year, ModelState, text => Localization.Translations.OrKey(HttpContext, text))) return Page();
        var result = await desk.CreateAsync(organisation, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Organisations/Index"), () => Task.FromResult<IActionResult>(Page()));
    }
}
