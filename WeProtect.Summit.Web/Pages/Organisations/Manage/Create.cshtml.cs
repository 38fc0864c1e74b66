using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Web.Pages.Organisations.Manage;

/// <summary>Adds an organisation to the directory, and, when the day it joined is given, to the membership register
/// (the desk records both in one save).</summary>
public class CreateModel(OrganisationDesk desk) : PageModel
{
    [BindProperty] public OrganisationInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var organisation = Input.ToCandidate();
        if (!Input.Validate(organisation, ModelState, text => Localization.Translations.OrKey(HttpContext, text))) return Page();
        var result = await desk.CreateAsync(organisation, Input.JoinedOn, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Organisations/Index"), () => Task.FromResult<IActionResult>(Page()));
    }
}
