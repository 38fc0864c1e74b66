using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Accounts;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>Identity's EF store, except that two-factor recovery codes are kept as salted PBKDF2 hashes instead of
/// the plain text Identity stores by default: a copy of the database then yields no usable recovery code.
/// The codes are shown to the user once, when generated, and never again. The authenticator secret is encrypted with
/// data protection (whose keys are themselves encrypted at rest); a key stored in clear by an earlier version is
/// still read, and encrypted when it is next written.</summary>
public sealed class SummitUserStore(SummitDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<SummitUser, IdentityRole, SummitDbContext>(context, describer)
{
    private const string ProtectedPrefix = "dp1$";
    private readonly IDataProtector authenticatorKeys = protection.CreateProtector("WeProtect.Summit.AuthenticatorKey.v1");

    public override Task SetAuthenticatorKeyAsync(SummitUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, ProtectedPrefix + authenticatorKeys.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(SummitUser user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        if (stored is null || !stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal)) return stored;
        // No catch: with the keys lost, failing is safer than treating the account as having no second factor.
        return authenticatorKeys.Unprotect(stored[ProtectedPrefix.Length..]);
    }

    // Same row Identity uses ("[AspNetUserStore]", "RecoveryCodes"), different content: a version prefix and hashes.
    private const string LoginProvider = "[AspNetUserStore]";
    private const string TokenName = "RecoveryCodes";
    private const string Version = "v1$";
    private const int Iterations = 10_000;

    public override Task ReplaceCodesAsync(SummitUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return StoreAsync(user, recoveryCodes.Select(c => Hash(user, c)).ToList(), cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(SummitUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(code)) return false;
        var stored = await LoadAsync(user, cancellationToken);
        var candidate = Convert.FromBase64String(Hash(user, code));
        var match = stored.FirstOrDefault(h => CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(h), candidate));
        if (match is null) return false;
        stored.Remove(match);
        await StoreAsync(user, stored, cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(SummitUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (await LoadAsync(user, cancellationToken)).Count;
    }

    private async Task<List<string>> LoadAsync(SummitUser user, CancellationToken ct)
    {
        var value = await GetTokenAsync(user, LoginProvider, TokenName, ct);
        // Anything not in our format (e.g. plain codes written by stock Identity) is worth nothing: regenerate.
        if (value is null || !value.StartsWith(Version, StringComparison.Ordinal)) return [];
        return value[Version.Length..].Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private Task StoreAsync(SummitUser user, IReadOnlyCollection<string> hashes, CancellationToken ct) =>
        SetTokenAsync(user, LoginProvider, TokenName, Version + string.Join(";", hashes), ct);

    /// <summary>PBKDF2 of the code as people type it (case, spaces and the dash do not matter), salted per user.</summary>
    private static string Hash(SummitUser user, string code)
    {
        var normalised = new string(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        var salt = SHA256.HashData(Encoding.UTF8.GetBytes("weprotect-summit/recovery-code/" + user.Id));
        return Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(normalised), salt, Iterations, HashAlgorithmName.SHA256, 32));
    }
}
