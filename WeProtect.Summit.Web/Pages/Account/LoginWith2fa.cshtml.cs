using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>Second step of a log-in with two-factor authentication: the authenticator app's code. Wrong codes
/// count towards the lockout, like wrong passwords.</summary>
[RateLimited(RateLimitedAction.TwoFactor)]
public class LoginWith2faModel(SignInManager<SummitUser> signIn, UserManager<SummitUser> users, TimeProvider clock,
    ILogger<LoginWith2faModel> logger) : SecondStepModel(signIn, users, clock, logger)
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the code from your authenticator app."), StringLength(AccountLimits.CodeMaxLength), Display(Name = "Authentication code")]
        public string Code { get; set; } = "";
        [Display(Name = "Remember this device for 14 days")]
        public bool RememberMachine { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }

    protected override string StepName => "Two-step";

    protected override async Task<IActionResult> SignInWithCodeAsync(SummitUser user)
    {
        var code = new string(Input.Code.Where(char.IsDigit).ToArray());
        var result = await SignInManager.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberMachine);
        if (result.Succeeded) return LocalRedirect(ReturnUrl ?? "/");
        if (result.IsLockedOut) return await LockedOutAsync(user);
        ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, "That code is not right. Codes change every 30 seconds: enter the one your app shows now."));
        return Page();
    }
}
