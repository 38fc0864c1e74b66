using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>The link from the reset e-mail. The link carries only the token; the person types their address.
/// A bad token, or an address without an account, gets the same message.</summary>
public class ResetPasswordModel(UserManager<SummitUser> users, Mailer mailer, AccountDesk accounts, IConfiguration configuration,
    ILogger<ResetPasswordModel> logger, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> words) : PageModel
{
    public const string InvalidLink = "This password-reset link is not valid for that e-mail address. It may have expired or been used already: ask for a new one.";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address."), EmailAddress, StringLength(AccountLimits.EmailMaxLength), Display(Name = "E-mail")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Choose a new password."), DataType(DataType.Password), Display(Name = "New password"),
         StringLength(AccountLimits.PasswordMaxLength, MinimumLength = AccountLimits.PasswordMinLength, ErrorMessage = "The password must be 12 to 200 characters long.")]
        public string Password { get; set; } = "";
        [DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The passwords do not match."), Display(Name = "Confirm the new password")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public void OnGet()
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (AccountTokens.Decode(Code) is null) Code = null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var token = AccountTokens.Decode(Code);
        if (token is null) { Code = null; return Page(); }
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, InvalidLink));
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? string.Empty : "Input.Password",
                    error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? Localization.Translations.OrKey(HttpContext, InvalidLink) : error.Description);
            return Page();
        }

        await accounts.PasswordResetAsync(user);
        await mailer.TrySendAsync(AccountLetters.PasswordChanged(words, user, byReset: true, AccountLinks.Absolute(Request, configuration, Url.Page("/Account/ForgotPassword")!)), logger, "password changed notice");
        this.ShowStatus("Your password has been changed. Log in with your new password.");
        return RedirectToPage("./Login");
    }
}
