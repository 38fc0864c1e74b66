using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Web.Reporting;

/// <summary>The step-up before a report is submitted: a fresh code from the focal point's authenticator app. The code
/// is checked and used up in <see cref="AuthenticatorCodes"/> (one use per user, whatever it is used for).</summary>
public sealed class ReportingStepUp(UserManager<SummitUser> users, AuthenticatorCodes codes)
{
    /// <summary>Null when the code is right and fresh (and is now used up), else why not.</summary>
    public async Task<string?> VerifyAsync(string userId, string? code, CancellationToken ct)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 6) return "Enter the six-digit code your authenticator app shows now to submit.";
        var user = await users.FindByIdAsync(userId);
        if (user is null || !user.TwoFactorEnabled) return "Turn on two-factor authentication before submitting.";
        if (await users.IsLockedOutAsync(user)) return "Too many wrong codes: submitting is locked for a while. Try again later.";
        switch (await codes.VerifyAndClaimAsync(users, user, digits, ct))
        {
            case AuthenticatorCodes.Outcome.Accepted:
                return null;
            case AuthenticatorCodes.Outcome.AlreadyUsed:
                return "That authenticator code was already used. Wait for your app to show a new code and enter it.";
            case AuthenticatorCodes.Outcome.NoAuthenticator:
                return "Turn on two-factor authentication before submitting.";
            default:
                // Counts towards the account's lockout, as a wrong code at log-in does.
                await users.AccessFailedAsync(user);
                return "That authenticator code is not right, or no longer current. Enter the code your app shows now.";
        }
    }
}
