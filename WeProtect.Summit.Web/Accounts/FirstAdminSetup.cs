using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>The one-time link that hands over the first administrator account, the way Jenkins and Grafana do:
/// issued at start-up while no administrator exists, printed to the console, good for one use.</summary>
public sealed class FirstAdminSetup
{
    private string? token;

    /// <summary>Issues a fresh token when the database has no administrator; returns it, or null.</summary>
    public async Task<string?> IssueIfNoAdminAsync(UserManager<SummitUser> users)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return token = null;
        return token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
    }

    public bool IsValid(string? candidate) =>
        token is { } current && candidate is not null &&
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(current), System.Text.Encoding.UTF8.GetBytes(candidate));

    /// <summary>Takes the token for one use: of two concurrent callers with the right token, only one gets true.</summary>
    public bool TryConsume(string? candidate)
    {
        var current = token;
        return current is not null && IsValid(candidate) && Interlocked.CompareExchange(ref token, null, current) == current;
    }

    /// <summary>Puts a consumed token back when creating the account failed (e.g. a weak password).</summary>
    public void Restore(string consumed) => Interlocked.CompareExchange(ref token, consumed, null);
}
