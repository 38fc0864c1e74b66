using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Web.Pages.Profile;

/// <summary>Replaces the recovery codes, after the current password is given again.</summary>
public class ResetRecoveryCodesModel(UserManager<SummitUser> users, AccountDesk accounts) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password to confirm."), StringLength(AccountLimits.PasswordMaxLength), DataType(DataType.Password), Display(Name = "Current password")]
        public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        return await users.GetTwoFactorEnabledAsync(user) ? Page() : NotOn();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return NotOn();
        if (!ModelState.IsValid) return Page();
        if (await users.ConfirmPasswordAsync(user, Input.Password) is { } problem)
        {
            ModelState.AddModelError("Input.Password", Localization.Translations.OrKey(HttpContext, problem));
            return Page();
        }
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableAuthenticatorModel.RecoveryCodeCount))!.ToArray();
        await accounts.RecoveryCodesResetAsync(user);
        TempData[RecoveryCodesModel.TempDataKey] = codes;
        this.ShowStatus("New recovery codes generated; the old ones no longer work.");
        return RedirectToPage("./RecoveryCodes");
    }

    private IActionResult NotOn()
    {
        this.ShowStatus("Two-step verification is off, so there are no recovery codes to replace.");
        return RedirectToPage("./TwoFactor");
    }
}
