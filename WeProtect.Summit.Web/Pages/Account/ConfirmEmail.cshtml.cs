using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>The link from the confirmation e-mail. A bad, stale or tampered link gets a page, never a 500.</summary>
public class ConfirmEmailModel(UserManager<SummitUser> users, AccountDesk accounts) : PageModel
{
    public enum Result { Invalid, Confirmed, AlreadyConfirmed }

    public Result Outcome { get; private set; }
    /// <summary>Where the new account was going when it was created; the log-in link leads there.</summary>
    public string? ReturnUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code, string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        Response.Headers.CacheControl = "no-cache, no-store";
        var token = AccountTokens.Decode(code);
        var user = string.IsNullOrEmpty(userId) || userId.Length > 100 || token is null ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null) { Outcome = Result.Invalid; return Page(); }

        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.EmailConfirmationTokenProvider,
            UserManager<SummitUser>.ConfirmEmailTokenPurpose, token);
        if (!valid) { Outcome = Result.Invalid; return Page(); }
        if (user.EmailConfirmed) { Outcome = Result.AlreadyConfirmed; return Page(); }

        var confirmed = await users.ConfirmEmailAsync(user, token);
        if (!confirmed.Succeeded) { Outcome = Result.Invalid; return Page(); }
        await accounts.EmailConfirmedAsync(user);
        Outcome = Result.Confirmed;
        return Page();
    }
}
