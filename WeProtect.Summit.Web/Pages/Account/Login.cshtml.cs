using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>Password log-in. Attempts are rate-limited per address and per account (<see cref="RateLimitedAction.LogIn"/>);
/// the messages say no more than the visitor has proved they may know (an account's unconfirmed or locked state only
/// to someone who gave its right password).</summary>
[RateLimited(RateLimitedAction.LogIn)]
public partial class LoginModel(SignInManager<SummitUser> signIn, UserManager<SummitUser> users, IPasswordHasher<SummitUser> hasher,
    PasswordHashing hashing, TimeProvider clock, ILogger<LoginModel> logger, SummitDbContext db) : PageModel
{
    public const string WrongCredentials = "The e-mail address or password is not right.";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address."), StringLength(AccountLimits.EmailMaxLength), Display(Name = "E-mail")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Enter your password."), StringLength(AccountLimits.PasswordMaxLength), DataType(DataType.Password), Display(Name = "Password")]
        public string Password { get; set; } = "";
        [Display(Name = "Keep me logged in on this device")]
        public bool RememberMe { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public DateTime? LockedUntilUtc { get; private set; }
    public bool NotConfirmed { get; private set; }

    /// <summary>The summit whose registration page sent the visitor here ("Register" while logged out): the page
    /// says an account is needed to register for it.</summary>
    public string? RegisteringFor { get; private set; }

    public async Task OnGetAsync()
    {
        if (!Url.IsLocalUrl(ReturnUrl)) ReturnUrl = null;
        await LoadRegisteringForAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Url.IsLocalUrl(ReturnUrl)) ReturnUrl = null;
        await LoadRegisteringForAsync();
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            // As long as checking a real password takes, so the timing does not tell which addresses have accounts.
            hasher.VerifyHashedPassword(new SummitUser(), hashing.TimingDummyHash, Input.Password);
            ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, WrongCredentials));
            return Page();
        }
        // The password first, whatever the account's state: unknown, unconfirmed, locked and existing accounts all
        // answer a wrong password alike. Failed attempts are limited per address and per account by the rate
        // limiter (the same for addresses without an account), not by locking the account: a lockout anyone can
        // trigger would tell which addresses exist and let a stranger lock out a signatory.
        if (!await users.CheckPasswordAsync(user, Input.Password))
        {
            ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, WrongCredentials));
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            // With two-step verification on, a password alone succeeds only on a device remembered after a code was
            // typed on it: that cookie is the second factor (StaffTwoStep counts the session as two-step).
            if (await users.GetTwoFactorEnabledAsync(user)) await signIn.SignInWithClaimsAsync(user, Input.RememberMe, StaffTwoStep.ProvenClaims());
            return LocalRedirect(ReturnUrl ?? "/");
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, RememberMe = Input.RememberMe });
        if (result.IsLockedOut)
        {
            // Locked by failed second steps or by an administrator; said only to someone who knows the password.
            logger.LogWarning("Log-in refused: account {UserId} is locked out", user.Id);
            return LockedOut(await users.GetLockoutEndDateAsync(user));
        }
        if (result.IsNotAllowed)
        {
            NotConfirmed = !await users.IsEmailConfirmedAsync(user);
            if (!NotConfirmed) ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, "This account may not log in at the moment."));
            return Page();
        }
        ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, WrongCredentials));
        return Page();
    }

    private async Task LoadRegisteringForAsync()
    {
        if (ReturnUrl is null || RegistrationReturnUrl().Match(ReturnUrl) is not { Success: true } match
            || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var summitId)) return;
        // A draft summit is not public: its name is not told to a visitor.
        RegisteringFor = await db.Summits.AsNoTracking().Where(s => s.Id == summitId && s.Status != Data.Summits.SummitStatus.Draft)
            .Select(s => s.Name).FirstOrDefaultAsync(HttpContext.RequestAborted);
    }

    [GeneratedRegex(@"^/Registration/Register/([0-9]{1,9})(?:[/?#]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex RegistrationReturnUrl();

    private PageResult LockedOut(DateTimeOffset? end)
    {
        LockedUntilUtc = SecondStepModel.LockEnd(end, clock);
        return Page();
    }
}
