using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Pages.Profile;

/// <summary>Turns two-step verification off, after the current password is given again. The old authenticator
/// key, the recovery codes and any remembered device are all discarded, so setting up again starts clean.</summary>
public class Disable2faModel(UserManager<SummitUser> users, SignInManager<SummitUser> signIn, AccountDesk accounts, Mailer mailer,
    IConfiguration configuration, ILogger<Disable2faModel> logger, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> words) : PageModel
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
        var disabled = await users.SetTwoFactorEnabledAsync(user, false);
        if (!disabled.Succeeded)
        {
            foreach (var error in disabled.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await users.ResetAuthenticatorKeyAsync(user);
        await accounts.TwoFactorDisabledAsync(user);
        await signIn.ForgetTwoFactorClientAsync();
        await signIn.RefreshSignInAsync(user);
        await mailer.TrySendAsync(AccountLetters.TwoFactorOff(words, user, AccountLinks.Absolute(Request, configuration, Url.Page("/Account/ForgotPassword")!)), logger, "two-step verification notice");
        this.ShowStatus("Two-step verification is off.");
        return RedirectToPage("./TwoFactor");
    }

    private IActionResult NotOn()
    {
        this.ShowStatus("Two-step verification is already off.");
        return RedirectToPage("./TwoFactor");
    }
}
