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
