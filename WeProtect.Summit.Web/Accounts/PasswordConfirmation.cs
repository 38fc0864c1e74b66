using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Accounts;

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
