using OtpNet;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>The one place an authenticator code is checked, for the two-factor log-in (through
/// <see cref="OneTimeAuthenticatorTokenProvider"/>) and the signing step-up alike. A code is accepted for the current
/// 30-second step or one step either side (clock drift), and only once per user whatever it is used for: the matched
/// step is claimed by a conditional update (<c>… SET LastTotpStep = step WHERE Id = id AND (LastTotpStep IS NULL OR
/// LastTotpStep &lt; step)</c>), so a replayed or older code is refused even when two requests carry it at once.</summary>
public sealed class AuthenticatorCodes(SummitDbContext db, TimeProvider clock)
{
    /// <summary>Steps accepted either side of now.</summary>
    public static readonly VerificationWindow Window = new(previous: 1, future: 1);

    /// <summary>What checking a code found.</summary>
    public enum CodeCheck { Accepted, Wrong, AlreadyUsed, NoAuthenticator }

    /// <summary>Checks <paramref name="code"/> (six digits, spaces ignored) and, when right, claims its step.
    /// The manager is a parameter, not a dependency: UserManager builds the token providers that call this.</summary>
    public async Task<CodeCheck> VerifyAndClaimAsync(UserManager<SummitUser> users, SummitUser user, string? code, CancellationToken ct = default)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 6 || (code ?? "").Any(c => !char.IsAsciiDigit(c) && !char.IsWhiteSpace(c) && c != '-')) return CodeCheck.Wrong;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key)) return CodeCheck.NoAuthenticator;
        byte[] secret;
        try { secret = Base32Encoding.ToBytes(key); }
        catch (ArgumentException) { return CodeCheck.NoAuthenticator; }
        if (!new Totp(secret).VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, Window)) return CodeCheck.Wrong;
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastTotpStep == null || u.LastTotpStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpStep, step), ct);
        return claimed == 1 ? CodeCheck.Accepted : CodeCheck.AlreadyUsed;
    }
}
