using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Mail;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>Mails a password-reset link to a confirmed account; the same answer for any address.</summary>
[RateLimited(RateLimitedAction.ForgotPassword)]
public class ForgotPasswordModel(UserManager<SummitUser> users, Mailer mailer, IConfiguration configuration,
    ILogger<ForgotPasswordModel> logger, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> words) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address."), EmailAddress, StringLength(AccountLimits.EmailMaxLength), Display(Name = "E-mail")]
        public string Email { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        // Unconfirmed accounts get nothing: a reset link would otherwise confirm an address nobody proved they own.
        if (user is not null && await users.IsEmailConfirmedAsync(user))
        {
            var code = AccountTokens.Encode(await users.GeneratePasswordResetTokenAsync(user));
            var link = AccountLinks.Absolute(Request, configuration, Url.Page("/Account/ResetPassword", new { code })!);
            await mailer.TrySendAsync(AccountLetters.ResetPassword(words, user, link), logger, "password reset");
        }
        return RedirectToPage("./CheckEmail", new { reason = CheckEmailModel.PasswordReset });
    }
}
