using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Infrastructure.RateLimits;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Pages.Profile;

/// <summary>The user moves their account to a new e-mail address, given their password: a link goes to the new address
/// and the change happens only when it is opened (<c>Account/ConfirmEmailChange</c>), so a typo or someone else's
/// address never takes the account; the current address is told. An address that has an account already gets the same
/// answer on the page (which addresses have accounts is not told) and its owner a notice; no link is sent. Limited as
/// confirmation links are, by the address typed.</summary>
[RateLimited(RateLimitedAction.ResendConfirmation)]
public class ChangeEmailModel(UserManager<SummitUser> users, AccountDesk accounts, Mailer mailer, IConfiguration configuration,
    ILogger<ChangeEmailModel> logger, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> words) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the new e-mail address."), EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.org."),
         StringLength(AccountLimits.EmailMaxLength), Display(Name = "New e-mail address")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Enter your current password to confirm."), StringLength(AccountLimits.PasswordMaxLength), DataType(DataType.Password),
         Display(Name = "Current password")]
        public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string CurrentEmail { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        CurrentEmail = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        CurrentEmail = user.Email ?? "";
        if (!ModelState.IsValid) return Page();
        var address = Input.Email.Trim();
        if (string.Equals(users.NormalizeEmail(address), user.NormalizedEmail, StringComparison.Ordinal))
        {
            ModelState.AddModelError("Input.Email", Localization.Translations.OrKey(HttpContext, "That is already your e-mail address."));
            return Page();
        }
        if (await users.ConfirmPasswordAsync(user, Input.Password) is { } problem)
        {
            ModelState.AddModelError("Input.Password", Localization.Translations.OrKey(HttpContext, problem));
            return Page();
        }

        var forgotPassword = AccountLinks.Absolute(Request, configuration, Url.Page("/Account/ForgotPassword")!);
        if (await users.FindByEmailAsync(address) is { } owner)
            await mailer.TrySendAsync(AccountLetters.AddressAlreadyUsed(words, owner, forgotPassword), logger, "address already used notice");
        else
        {
            var code = AccountTokens.Encode(await users.GenerateChangeEmailTokenAsync(user, address));
            var link = AccountLinks.Absolute(Request, configuration, Url.Page("/Account/ConfirmEmailChange", new { userId = user.Id, email = address, code })!);
            await mailer.TrySendAsync(AccountLetters.ConfirmNewAddress(words, user, address, link), logger, "new address confirmation");
            await mailer.TrySendAsync(AccountLetters.AddressChangeAsked(words, user, address, forgotPassword), logger, "address change notice");
            await accounts.EmailChangeAskedAsync(user);
        }
        this.ShowStatus(Localization.Translations.OrKey(HttpContext,
            "We sent a link to {0}. Your address changes when you open it; until then, log in with your current address.", address));
        return RedirectToPage("./Index");
    }
}
