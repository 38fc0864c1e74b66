using WeProtect.Summit.Data.Vocabulary;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>The step-up before an act that binds an organisation (a signature, a withdrawal, a submitted progress
/// report): a fresh code from the user's authenticator app, even when they are signed in. The code is checked and
/// used up in <see cref="AuthenticatorCodes"/>, the same place as the two-factor log-in, so a code is accepted once
/// per user whatever it was used for.</summary>
public sealed class AuthenticatorStepUp(UserManager<SummitUser> users, AuthenticatorCodes codes)
{
    /// <summary>Null when the code is right and fresh (and is now used up), else why not; <paramref name="doing"/>
    /// names the act in the messages ("signing", "submitting").</summary>
    public async Task<string?> VerifyAsync(string userId, string? code, string doing, CancellationToken ct)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 6) return "Enter the six-digit code your authenticator app shows now.";
        var user = await users.FindByIdAsync(userId);
        if (user is null || !user.TwoFactorEnabled) return $"Turn on {Words.TwoStepVerificationInSentence} before {doing}.";
        if (await users.IsLockedOutAsync(user))
            return $"Too many wrong codes: {doing} is locked for a while. Try again later.";
        switch (await codes.VerifyAndClaimAsync(users, user, digits, ct))
        {
            case AuthenticatorCodes.CodeCheck.Accepted:
                return null;
            case AuthenticatorCodes.CodeCheck.AlreadyUsed:
                return "That authenticator code was already used. Wait for your app to show a new code and enter it.";
            case AuthenticatorCodes.CodeCheck.NoAuthenticator:
                return $"Turn on {Words.TwoStepVerificationInSentence} before {doing}.";
            default:
                // Counts towards the account's lockout, as a wrong code at log-in does.
                await users.AccessFailedAsync(user);
                return "That authenticator code is not right, or no longer current. Enter the code your app shows now.";
        }
    }
}
