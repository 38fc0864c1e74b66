using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Mail;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>Mails a password-reset link to a confirmed account; the same answer for any address.</summary>
[RateLimited(RateLimitedAction.ForgotPassword)]
public class ForgotPasswordModel(UserManager<SummitUser> users, Mailer mailer, IConfiguration configuration,
    ILogger<ForgotPasswordModel> logger) : PageModel
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
            await mailer.TrySendAsync(new Letter(user.Email!, user.FullName, "Reset your WeProtect Summit password",
                $"Dear {user.FullName},\n\nSomeone, hopefully you, asked to reset the password of your WeProtect Summit account. " +
                "Follow the link to choose a new one; it works once, for a limited time.\n\n" +
                "If you did not ask for this, ignore this message: your password stays as it is.",
                link, "Choose a new password", Sensitive: true), logger, "password reset");
        }
        return RedirectToPage("./CheckEmail", new { reason = CheckEmailModel.PasswordReset });
    }
}
