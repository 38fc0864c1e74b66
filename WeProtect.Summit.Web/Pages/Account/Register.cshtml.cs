using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Mail;
using WeProtect.Summit.Web.Infrastructure.RateLimits;
using WeProtect.Summit.Data.Validation;

namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>Self-registration. Whether or not the address already has an account, the visitor sees the same
/// "check your e-mail" page; the mailbox owner alone learns which case it was.</summary>
[RateLimited(RateLimitedAction.Register)]
public class RegisterModel(UserManager<SummitUser> users, IPasswordHasher<SummitUser> hasher, Mailer mailer, AccountDesk accounts,
    IConfiguration configuration, ILogger<RegisterModel> logger, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> words) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your full name."), Name(Subject = "Your full name"), StringLength(SummitUser.FullNameMaxLength), Display(Name = "Full name")]
        public string FullName { get; set; } = "";
        [Required(ErrorMessage = "Enter your e-mail address."), EmailAddress, StringLength(AccountLimits.EmailMaxLength), Display(Name = "E-mail")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Choose a password."), DataType(DataType.Password), Display(Name = "Password"),
         StringLength(AccountLimits.PasswordMaxLength, MinimumLength = AccountLimits.PasswordMinLength, ErrorMessage = "The password must be 12 to 200 characters long.")]
        public string Password { get; set; } = "";
        [DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The passwords do not match."), Display(Name = "Confirm password")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>Where the visitor was going (e.g. a summit's registration form): carried through the confirmation
    /// link to the log-in page, so that a new account lands back there.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
        if (!Url.IsLocalUrl(ReturnUrl)) ReturnUrl = null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Url.IsLocalUrl(ReturnUrl)) ReturnUrl = null;
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        var fullName = Input.FullName.Trim();
        if (fullName.Length == 0)
        {
            ModelState.AddModelError("Input.FullName", Localization.Translations.OrKey(HttpContext, "Enter your full name."));
            return Page();
        }

        // The password rules are checked for every address, so that a weak password is refused the same way
        // whether or not the address has an account.
        var candidate = new SummitUser { UserName = email, Email = email, FullName = fullName, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        // The language the account was made in is its preference until the user chooses another (e-mails follow it).
        candidate.PreferLanguage(Data.Languages.InterfaceLanguages.ReaderLanguage(CultureInfo.CurrentUICulture.Name));
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, Input.Password);
            foreach (var error in result.Errors) ModelState.AddModelError("Input.Password", error.Description);
        }
        if (!ModelState.IsValid) return Page();

        var existing = await users.FindByEmailAsync(email);
        if (existing is null)
        {
            var created = await users.CreateAsync(candidate, Input.Password);
            if (created.Succeeded)
            {
                await accounts.RegisteredAsync(candidate);
                await SendConfirmationAsync(candidate);
                return RedirectToPage("./CheckEmail", new { reason = CheckEmailModel.Registered });
            }
            if (!created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                foreach (var error in created.Errors) ModelState.AddModelError(string.Empty, error.Description);
                return Page();
            }
            // Someone registered the same address a moment ago: answer as for any existing account.
            existing = await users.FindByEmailAsync(email);
        }
        else
        {
            // Spend the time a new account would take hashing its password, so the answer's timing says nothing.
            hasher.HashPassword(candidate, Input.Password);
        }

        if (existing is not null)
        {
            if (!existing.EmailConfirmed) await SendConfirmationAsync(existing);
            else await mailer.TrySendAsync(AccountLetters.AlreadyRegistered(words, existing, AccountLinks.Absolute(Request, configuration, Url.Page("/Account/ForgotPassword")!)), logger, "registration notice");
        }
        return RedirectToPage("./CheckEmail", new { reason = CheckEmailModel.Registered });
    }

    private async Task SendConfirmationAsync(SummitUser user)
    {
        var code = AccountTokens.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = AccountLinks.Absolute(Request, configuration, Url.Page("/Account/ConfirmEmail", new { userId = user.Id, code, returnUrl = ReturnUrl })!);
        await mailer.TrySendAsync(AccountLetters.ConfirmAddress(words, user, link), logger, "e-mail confirmation");
    }
}
