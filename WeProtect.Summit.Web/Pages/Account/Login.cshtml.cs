using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>Password log-in. Failures count towards the lockout; the messages say no more than the visitor has
/// proved they may know (an account's unconfirmed state only to someone who gave its right password).</summary>
public class LoginModel(SignInManager<SummitUser> signIn, UserManager<SummitUser> users, IPasswordHasher<SummitUser> hasher,
    TimeProvider clock, ILogger<LoginModel> logger) : PageModel
{
    public const string WrongCredentials = "The e-mail address or password is not right.";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address."), StringLength(AccountLimits.EmailMaxLength), Display(Name = "E-mail")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Enter your password."), StringLength(AccountLimits.PasswordMaxLength), DataType(DataType.Password)]
        public string Password { get; set; } = "";
        [Display(Name = "Keep me logged in on this device")]
        public bool RememberMe { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public DateTime? LockedUntilUtc { get; private set; }
    public bool NotConfirmed { get; private set; }

    public void OnGet()
    {
        if (!Url.IsLocalUrl(ReturnUrl)) ReturnUrl = null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Url.IsLocalUrl(ReturnUrl)) ReturnUrl = null;
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            // As long as checking a real password takes, so the timing does not tell which addresses have accounts.
            hasher.VerifyHashedPassword(new SummitUser(), DummyHash, Input.Password);
            ModelState.AddModelError(string.Empty, WrongCredentials);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(ReturnUrl ?? "/");
        if (result.RequiresTwoFactor)
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, RememberMe = Input.RememberMe });
        if (result.IsLockedOut)
        {
            logger.LogWarning("Log-in refused: account {UserId} is locked out", user.Id);
            return LockedOut(await users.GetLockoutEndDateAsync(user));
        }
        if (result.IsNotAllowed)
        {
            // Identity answers NotAllowed before it looks at the password; only say why to someone who knows it.
            if (await users.CheckPasswordAsync(user, Input.Password))
            {
                NotConfirmed = !await users.IsEmailConfirmedAsync(user);
                if (!NotConfirmed) ModelState.AddModelError(string.Empty, "This account may not log in at the moment.");
                return Page();
            }
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user)) return LockedOut(await users.GetLockoutEndDateAsync(user));
        }
        ModelState.AddModelError(string.Empty, WrongCredentials);
        return Page();
    }

    private PageResult LockedOut(DateTimeOffset? end)
    {
        LockedUntilUtc = LoginWith2faModel.LockEnd(end, clock);
        return Page();
    }

    private static readonly string DummyHash = new PasswordHasher<SummitUser>().HashPassword(new SummitUser(), "not a real password, for timing only");
}
