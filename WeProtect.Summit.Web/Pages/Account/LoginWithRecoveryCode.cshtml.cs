using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>Second step of a log-in with a one-time recovery code instead of the authenticator app.</summary>
[RateLimited(RateLimitedAction.TwoFactor)]
public class LoginWithRecoveryCodeModel(SignInManager<SummitUser> signIn, UserManager<SummitUser> users, AccountDesk accounts,
    TimeProvider clock, ILogger<LoginWithRecoveryCodeModel> logger) : SecondStepModel(signIn, users, clock, logger)
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a recovery code."), StringLength(AccountLimits.CodeMaxLength), Display(Name = "Recovery code")]
        public string RecoveryCode { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    protected override string StepName => "Recovery-code";

    protected override async Task<IActionResult> SignInWithCodeAsync(SummitUser user)
    {
        var failuresBefore = await Users.GetAccessFailedCountAsync(user);
        var result = await SignInManager.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Trim());
        if (result.Succeeded)
        {
            var left = await Users.CountRecoveryCodesAsync(user);
            await accounts.RecoveryCodeUsedAsync(user, left);
            this.ShowStatus(left == 0
                ? "You have used your last recovery code. Generate new ones now, from your profile's two-step verification page."
                : Localization.Translations.OrKey(HttpContext, Localization.Plurals.Key(left, "You logged in with a recovery code. {0} recovery code left.", "You logged in with a recovery code. {0} recovery codes left."), left));
            return LocalRedirect(ReturnUrl ?? "/");
        }
        if (result.IsLockedOut) return await LockedOutAsync(user);
        // Identity does not count a wrong recovery code as a failed attempt; here it counts, like a wrong password.
        if (await Users.GetAccessFailedCountAsync(user) == failuresBefore)
        {
            await Users.AccessFailedAsync(user);
            if (await Users.IsLockedOutAsync(user)) return await LockedOutAsync(user);
        }
        ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, "That recovery code is not right, or it has already been used."));
        return Page();
    }
}
