using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Vocabulary;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>The step-up before an act that binds an organisation (a signature, a withdrawal, a submitted progress
/// report): a fresh code from the user's authenticator app, even when they are signed in. The code is checked and
/// used up in <see cref="AuthenticatorCodes"/>, the same place as the two-factor log-in, so a code is accepted once
/// per user whatever it was used for.</summary>
public sealed class AuthenticatorStepUp(UserManager<SummitUser> users, AuthenticatorCodes codes)
{
    /// <summary>Null when the code is right and fresh (and is now used up), else why not, as a desk text the page says
    /// in the reader's language.</summary>
    public async Task<DeskText?> VerifyAsync(string userId, string? code, StepUpAct act, CancellationToken ct)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 6) return "Enter the six-digit code your authenticator app shows now.";
        var user = await users.FindByIdAsync(userId);
        if (user is null || !user.TwoFactorEnabled) return TurnOnFirst(act);
        if (await users.IsLockedOutAsync(user)) return LockedOut(act);
        switch (await codes.VerifyAndClaimAsync(users, user, digits, ct))
        {
            case AuthenticatorCodes.CodeCheck.Accepted:
                return null;
            case AuthenticatorCodes.CodeCheck.AlreadyUsed:
                return "That authenticator code was already used. Wait for your app to show a new code and enter it.";
            case AuthenticatorCodes.CodeCheck.NoAuthenticator:
                return TurnOnFirst(act);
            default:
                // Counts towards the account's lockout, as a wrong code at log-in does.
                await users.AccessFailedAsync(user);
                return "That authenticator code is not right, or no longer current. Enter the code your app shows now.";
        }
    }

    private static DeskText TurnOnFirst(StepUpAct act) => act switch
    {
        StepUpAct.Signing => "Turn on " + Words.TwoStepVerificationInSentence + " before signing.",
        StepUpAct.Withdrawing => "Turn on " + Words.TwoStepVerificationInSentence + " before withdrawing an endorsement.",
        _ => "Turn on " + Words.TwoStepVerificationInSentence + " before submitting.",
    };

    private static DeskText LockedOut(StepUpAct act) => act switch
    {
        StepUpAct.Signing => "Too many wrong codes: signing is locked for a while. Try again later.",
        StepUpAct.Withdrawing => "Too many wrong codes: withdrawing an endorsement is locked for a while. Try again later.",
        _ => "Too many wrong codes: submitting is locked for a while. Try again later.",
    };
}
