using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>Second step of a log-in with a one-time recovery code instead of the authenticator app.</summary>
[RateLimited(RateLimitedAction.TwoFactor)]
public class LoginWithRecoveryCodeModel(SignInManager<SummitUser> signIn, UserManager<SummitUser> users, AccountDesk accounts,
    TimeProvider clock, ILogger<LoginWithRecoveryCodeModel> logger) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a recovery code."), StringLength(AccountLimits.CodeMaxLength), Display(Name = "Recovery code")]
        public string RecoveryCode { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public DateTime? LockedUntilUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Url.IsLocalUrl(ReturnUrl)) ReturnUrl = null;
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login", new { ReturnUrl });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Url.IsLocalUrl(ReturnUrl)) ReturnUrl = null;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("./Login", new { ReturnUrl });
        if (!ModelState.IsValid) return Page();

        if (await users.IsLockedOutAsync(user)) return LockedOut(user, await users.GetLockoutEndDateAsync(user));
        var failuresBefore = await users.GetAccessFailedCountAsync(user);
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Trim());
        if (result.Succeeded)
        {
            var left = await users.CountRecoveryCodesAsync(user);
            await accounts.RecoveryCodeUsedAsync(user, left);
            this.ShowStatus(left == 0
                ? "You have used your last recovery code. Generate new ones now, from your profile's two-step verification page."
                : Localization.Translations.OrKey(HttpContext, left == 1 ? "You logged in with a recovery code. {0} recovery code left." : "You logged in with a recovery code. {0} recovery codes left.", left));
            return LocalRedirect(ReturnUrl ?? "/");
        }
        if (result.IsLockedOut) return LockedOut(user, await users.GetLockoutEndDateAsync(user));
        // Identity does not count a wrong recovery code as a failed attempt; here it counts, like a wrong password.
        if (await users.GetAccessFailedCountAsync(user) == failuresBefore)
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user)) return LockedOut(user, await users.GetLockoutEndDateAsync(user));
        }
        ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, "That recovery code is not right, or it has already been used."));
        return Page();
    }

    private PageResult LockedOut(SummitUser user, DateTimeOffset? end)
    {
        logger.LogWarning("Recovery-code log-in refused: account {UserId} is locked out", user.Id);
        LockedUntilUtc = LoginWith2faModel.LockEnd(end, clock);
        return Page();
    }
}
