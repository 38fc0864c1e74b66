using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>Second step of a log-in with two-factor authentication: the authenticator app's code. Wrong codes
/// count towards the lockout, like wrong passwords.</summary>
[RateLimited(RateLimitedAction.TwoFactor)]
public class LoginWith2faModel(SignInManager<SummitUser> signIn, UserManager<SummitUser> users, TimeProvider clock,
    ILogger<LoginWith2faModel> logger) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the code from your authenticator app."), StringLength(AccountLimits.CodeMaxLength), Display(Name = "Authentication code")]
        public string Code { get; set; } = "";
        [Display(Name = "Remember this device for 14 days")]
        public bool RememberMachine { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }

    public DateTime? LockedUntilUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Url.IsLocalUrl(ReturnUrl)) ReturnUrl = null;
        // Only after the password step: otherwise back to the start.
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
        var code = new string(Input.Code.Where(char.IsDigit).ToArray());
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberMachine);
        if (result.Succeeded) return LocalRedirect(ReturnUrl ?? "/");
        if (result.IsLockedOut) return LockedOut(user, await users.GetLockoutEndDateAsync(user));
        ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, "That code is not right. Codes change every 30 seconds: enter the one your app shows now."));
        return Page();
    }

    private PageResult LockedOut(SummitUser user, DateTimeOffset? end)
    {
        logger.LogWarning("Two-step log-in refused: account {UserId} is locked out", user.Id);
        LockedUntilUtc = LockEnd(end, clock);
        return Page();
    }

    /// <summary>When the lockout ends, rounded up to the minute, so "after 10:15" is never a minute early.</summary>
    internal static DateTime LockEnd(DateTimeOffset? end, TimeProvider clock)
    {
        var until = (end ?? clock.GetUtcNow().AddMinutes(15)).UtcDateTime;
        var roundedUp = until.AddTicks(TimeSpan.TicksPerMinute - 1);
        return roundedUp.AddTicks(-(roundedUp.Ticks % TimeSpan.TicksPerMinute));
    }
}
