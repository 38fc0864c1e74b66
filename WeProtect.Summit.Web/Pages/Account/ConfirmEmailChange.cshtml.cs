using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>The link sent to a new address (<c>Profile/ChangeEmail</c>). Opening it only checks it and asks; the account
/// moves when the button is pressed (a POST), because mail scanners open links in messages before people do and would
/// otherwise spend the link and end every session unseen. Then the address and log-in name change (confirmed), every
/// session ends (a new security stamp) and the old address is told. A bad, stale, used or tampered link, or an address
/// taken meanwhile, gets a page saying so, never a 500.</summary>
public class ConfirmEmailChangeModel(UserManager<SummitUser> users, SignInManager<SummitUser> signIn, AccountDesk accounts, Mailer mailer, IConfiguration configuration,
    ILogger<ConfirmEmailChangeModel> logger, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> words) : PageModel
{
    public enum Result { Invalid, Taken, Ready, Changed }

    public Result Outcome { get; private set; }
    public string NewEmail { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? userId, string? email, string? code)
    {
        if (await CheckAsync(userId, email, code) is not null) Outcome = Result.Ready;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? userId, string? email, string? code)
    {
        if (await CheckAsync(userId, email, code) is not { } link) return Page();
        var (user, address, token) = link;
        var oldAddress = user.Email!;
        var changed = await users.ChangeEmailAsync(user, address, token);
        if (!changed.Succeeded)
        {
            // Taken between the check and the write (the unique e-mail rule), or the token spent by a second click.
            Outcome = changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)) ? Result.Taken : Result.Invalid;
            return Page();
        }
        // The address is also the log-in name.
        var renamed = await users.SetUserNameAsync(user, address);
        if (!renamed.Succeeded) logger.LogWarning("The log-in name of account {UserId} could not follow its new address", user.Id);
        await accounts.EmailChangedAsync(user);
        // This browser's session ends with the others: the page that says so must not show it still signed in.
        if (users.GetUserId(User) == user.Id)
        {
            await signIn.SignOutAsync();
            HttpContext.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        }
        await mailer.TrySendAsync(AccountLetters.AddressChanged(words, user, oldAddress, address,
            AccountLinks.Absolute(Request, configuration, Url.Page("/Account/ForgotPassword")!)), logger, "address changed notice");
        Outcome = Result.Changed;
        return Page();
    }

    /// <summary>The link's account, address and token when the link still works and the address is free; otherwise
    /// null with <see cref="Outcome"/> saying why.</summary>
    private async Task<(SummitUser User, string Address, string Token)?> CheckAsync(string? userId, string? email, string? code)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var token = AccountTokens.Decode(code);
        var address = email?.Trim();
        var user = string.IsNullOrEmpty(userId) || userId.Length > 100 || token is null || string.IsNullOrEmpty(address) || address.Length > AccountLimits.EmailMaxLength
            ? null : await users.FindByIdAsync(userId);
        Outcome = Result.Invalid;
        if (user is null || token is null || address is null) return null;

        // The token is bound to this user, this address and the account's security stamp: a used link is stale.
        var purpose = UserManager<SummitUser>.GetChangeEmailTokenPurpose(address);
        if (!await users.VerifyUserTokenAsync(user, users.Options.Tokens.ChangeEmailTokenProvider, purpose, token)) return null;
        NewEmail = address;
        if (await users.FindByEmailAsync(address) is not null) { Outcome = Result.Taken; return null; }
        return (user, address, token);
    }
}
