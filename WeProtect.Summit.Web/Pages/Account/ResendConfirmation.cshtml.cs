using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Mail;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>Sends a fresh confirmation link to an unconfirmed account; answers the same for any address.</summary>
[RateLimited(RateLimitedAction.ResendConfirmation)]
public class ResendConfirmationModel(UserManager<SummitUser> users, Mailer mailer, IConfiguration configuration,
    ILogger<ResendConfirmationModel> logger, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> words) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address."), EmailAddress, StringLength(AccountLimits.EmailMaxLength), Display(Name = "E-mail")]
        public string Email { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public void OnGet(string? email) => Input.Email = email is { Length: <= AccountLimits.EmailMaxLength } ? email : "";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { EmailConfirmed: false })
        {
            var code = AccountTokens.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
            var link = AccountLinks.Absolute(Request, configuration, Url.Page("/Account/ConfirmEmail", new { userId = user.Id, code })!);
            await mailer.TrySendAsync(AccountLetters.ConfirmAddressAgain(words, user, link), logger, "e-mail confirmation");
        }
        return RedirectToPage("./CheckEmail", new { reason = CheckEmailModel.Resent });
    }
}
