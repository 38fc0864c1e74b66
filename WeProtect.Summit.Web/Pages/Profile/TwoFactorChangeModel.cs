using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Web.Pages.Profile;

/// <summary>A change to a signed-in user's two-step verification that asks for their current password again (turning
/// it off, new recovery codes): offered only while it is on, the password checked before anything changes.</summary>
public abstract class TwoFactorChangeModel(UserManager<SummitUser> users) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password to confirm."), StringLength(AccountLimits.PasswordMaxLength), DataType(DataType.Password), Display(Name = "Current password")]
        public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    protected UserManager<SummitUser> Users { get; } = users;

    /// <summary>What the two-step verification page then says, when it is off already.</summary>
    protected abstract string WhenOff { get; }

    /// <summary>The change itself, the password confirmed: where the user goes next, or this page with its errors.</summary>
    protected abstract Task<IActionResult> ChangeAsync(SummitUser user);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Users.GetUserAsync(User) is not { } user) return Challenge();
        return await Users.GetTwoFactorEnabledAsync(user) ? Page() : Off();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Users.GetUserAsync(User) is not { } user) return Challenge();
        if (!await Users.GetTwoFactorEnabledAsync(user)) return Off();
        if (!ModelState.IsValid) return Page();
        if (await Users.ConfirmPasswordAsync(user, Input.Password) is { } problem)
        {
            ModelState.AddModelError("Input.Password", Localization.Translations.OrKey(HttpContext, problem));
            return Page();
        }
        return await ChangeAsync(user);
    }

    private RedirectToPageResult Off()
    {
        this.ShowStatus(WhenOff);
        return RedirectToPage("./TwoFactor");
    }
}
