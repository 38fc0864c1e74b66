using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Accounts;

namespace WeProtect.Summit.Web.Signing;

/// <summary>The step-up before a signature: a fresh code from the user's authenticator app, even when they are
/// signed in. A code is accepted for the current 30-second step or one step either side (clock drift), and only
/// once: the matched step is claimed by a conditional update ("… SET LastSigningTotpStep = step WHERE
/// LastSigningTotpStep IS NULL OR LastSigningTotpStep &lt; step"), so a replayed or older code is refused even when
/// two requests carry it at the same moment.</summary>
public sealed class SigningStepUp(UserManager<SummitUser> users, SummitDbContext db, TimeProvider clock)
{
    /// <summary>Steps accepted either side of now.</summary>
    public static readonly VerificationWindow Window = new(previous: 1, future: 1);

    /// <summary>Null when the code is right and fresh (and is now used up), else why not.</summary>
    public async Task<string?> VerifyAsync(string userId, string? code, CancellationToken ct)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 6) return "Enter the six-digit code your authenticator app shows now.";
        var user = await users.FindByIdAsync(userId);
        if (user is null || !user.TwoFactorEnabled) return "Turn on two-factor authentication before signing.";
        if (await users.IsLockedOutAsync(user))
            return "Too many wrong codes: signing is locked for a while. Try again later.";
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key)) return "Turn on two-factor authentication before signing.";

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, Window))
        {
            // Counts towards the account's lockout, as a wrong code at log-in does.
            await users.AccessFailedAsync(user);
            return "That authenticator code is not right, or no longer current. Enter the code your app shows now.";
        }
        var claimed = await db.Users
            .Where(u => u.Id == userId && (u.LastSigningTotpStep == null || u.LastSigningTotpStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSigningTotpStep, step), ct);
        return claimed == 1 ? null
            : "That authenticator code was already used. Wait for your app to show a new code and enter it.";
    }
}
