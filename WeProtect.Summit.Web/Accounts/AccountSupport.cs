using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>Limits shared by the account pages (the first-admin set-up page uses the same numbers).</summary>
public static class AccountLimits
{
    public const int EmailMaxLength = 254;
    public const int PasswordMinLength = 12;
    /// <summary>Generous for passphrases, small enough that hashing a posted value costs nothing.</summary>
    public const int PasswordMaxLength = 200;
    /// <summary>Identity tokens are a few hundred characters; anything much longer is not one of ours.</summary>
    public const int TokenMaxLength = 2000;
    /// <summary>Authenticator codes are 6 digits; recovery codes are 11 characters. Room for spaces people type.</summary>
    public const int CodeMaxLength = 20;
}

/// <summary>Identity tokens travel in links base64url-encoded, so that no '+' or '/' is mangled on the way.</summary>
public static class AccountTokens
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token, or null when <paramref name="code"/> is not valid base64url (a truncated or edited link).</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > AccountLimits.TokenMaxLength) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code.Trim())); }
        catch (FormatException) { return null; }
    }
}

/// <summary>Absolute links for account e-mails: always from <see cref="PublicLinks"/> (the configured
/// <c>PublicBaseUrl</c>), never from the request's Host header, which a client can forge to have a victim mailed a
/// reset link to the attacker's site.</summary>
public static class AccountLinks
{
    /// <summary>Configuration key of the public address (e.g. https://summit.example.org). Required in production
    /// (<see cref="Infrastructure.ProductionSettings"/>).</summary>
    public const string PublicBaseUrlKey = "PublicBaseUrl";

    public static string Absolute(HttpRequest request, IConfiguration configuration, string relativeUrl) =>
        request.HttpContext.RequestServices.GetRequiredService<Infrastructure.PublicLinks>().Absolute(relativeUrl);
}

/// <summary>Account mail must not turn a mail-server hiccup into a 500 that tells an observer an address exists.</summary>
public static class AccountMail
{
    public static async Task<bool> TrySendAsync(this Mailer mailer, Letter letter, ILogger logger, string purpose)
    {
        try
        {
            await mailer.SendAsync(letter);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // No address and no body in the log, only what kind of mail failed.
            logger.LogError(ex, "Could not send the {Purpose} mail", WeProtect.Summit.Data.Validation.LogText.Safe(purpose));
            return false;
        }
    }
}

/// <summary>Sensitive changes on the profile (password, two-factor) ask for the current password again. Wrong
/// answers count towards the lockout, so a borrowed session cannot be used to guess the password.</summary>
public static class PasswordConfirmation
{
    public const string Wrong = "That is not your current password.";

    /// <summary>Null when <paramref name="password"/> is the user's password; otherwise the message to show.</summary>
    public static async Task<string?> ConfirmPasswordAsync(this Microsoft.AspNetCore.Identity.UserManager<Data.Accounts.SummitUser> users,
        Data.Accounts.SummitUser user, string password)
    {
        const string locked = "Too many wrong passwords: this account is locked for a while. Try again later.";
        if (await users.IsLockedOutAsync(user)) return locked;
        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return null;
        }
        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? locked : Wrong;
    }
}
