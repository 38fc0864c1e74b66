using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Accounts;

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
