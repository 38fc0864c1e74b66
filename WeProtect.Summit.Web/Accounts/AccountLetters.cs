using Microsoft.Extensions.Localization;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>The letters about an account (confirm the address, reset or changed password, two-step verification on
/// or off), each in its recipient's saved language (<see cref="RecipientLanguage"/>): whoever asks, the mailbox owner
/// reads it. The key of each text is its English wording.</summary>
public static class AccountLetters
{
    public static Letter ConfirmAddress(IStringLocalizer words, SummitUser user, string link) =>
        Write(words, user, "Confirm your e-mail address",
            ["Please confirm your e-mail address to finish creating your WeProtect Summit account. The link works for 24 hours.",
             "If you did not register, ignore this message: no account is usable without confirmation."],
            link, "Confirm your e-mail address", sensitive: true);

    public static Letter ConfirmAddressAgain(IStringLocalizer words, SummitUser user, string link) =>
        Write(words, user, "Confirm your e-mail address",
            ["Here is a new link to confirm your e-mail address for WeProtect Summit. The link works for 24 hours.",
             "If you did not ask for it, ignore this message."],
            link, "Confirm your e-mail address", sensitive: true);

    /// <summary>To an address that already has an account, when someone registers with it again.</summary>
    public static Letter AlreadyRegistered(IStringLocalizer words, SummitUser user, string forgotPasswordLink) =>
        Write(words, user, "Someone tried to register with your e-mail address",
            ["Someone, perhaps you, tried to create a WeProtect Summit account with this e-mail address, which already has an account. No new account was created.",
             "If it was you, log in with your existing account, or reset your password if you have forgotten it. If it was not you, you need do nothing."],
            forgotPasswordLink, ResetYourPassword, dear: false);

    public static Letter ResetPassword(IStringLocalizer words, SummitUser user, string link) =>
        Write(words, user, "Reset your WeProtect Summit password",
            ["Someone, hopefully you, asked to reset the password of your WeProtect Summit account. Follow the link to choose a new one; it works once, for a limited time.",
             "If you did not ask for this, ignore this message: your password stays as it is."],
            link, "Choose a new password", sensitive: true);

    /// <summary>After a reset (<paramref name="byReset"/>) or a change on the profile.</summary>
    public static Letter PasswordChanged(IStringLocalizer words, SummitUser user, bool byReset, string forgotPasswordLink) =>
        Write(words, user, "Your WeProtect Summit password was changed",
            byReset
                ? ["The password of your WeProtect Summit account was just reset. If this was you, there is nothing to do.",
                   "If it was not you, reset your password again at once and tell the summit secretariat."]
                : ["The password of your WeProtect Summit account was just changed. If this was you, there is nothing to do.",
                   "If it was not you, reset your password at once and tell the summit secretariat."],
            forgotPasswordLink, ResetYourPassword);

    public static Letter TwoFactorOn(IStringLocalizer words, SummitUser user, string link) =>
        Write(words, user, "Two-step verification is on",
            ["Two-step verification was just turned on for your WeProtect Summit account. From now on, logging in takes your password and a code from your authenticator app.",
             "If this was not you, reset your password at once and tell the summit secretariat."],
            link, ResetYourPassword);

    public static Letter TwoFactorOff(IStringLocalizer words, SummitUser user, string link) =>
        Write(words, user, "Two-step verification is off",
            ["Two-step verification was just turned off for your WeProtect Summit account. Your password alone now lets you log in.",
             "If this was not you, reset your password at once and tell the summit secretariat."],
            link, ResetYourPassword);

    /// <summary>To the new address the user asked for: the change happens when this link is opened.</summary>
    public static Letter ConfirmNewAddress(IStringLocalizer words, SummitUser user, string newAddress, string link) =>
        Write(words, user, "Confirm your new e-mail address",
            ["You asked to use this e-mail address for your WeProtect Summit account. Follow the link to confirm it; until then your account keeps its current address. The link works for 24 hours.",
             "If you did not ask for this, ignore this message: nothing changes."],
            link, "Confirm your new e-mail address", sensitive: true, to: newAddress);

    /// <summary>To the current address, when a change to <paramref name="newAddress"/> is asked for.</summary>
    public static Letter AddressChangeAsked(IStringLocalizer words, SummitUser user, string newAddress, string forgotPasswordLink)
    {
        using var speaking = RecipientLanguage.Speak(user.PreferredLanguage);
        return Write(words, user, "A new e-mail address was asked for your account",
            ["If this was not you, reset your password at once and tell the summit secretariat."],
            forgotPasswordLink, ResetYourPassword,
            opening: words["Someone logged in to your WeProtect Summit account asked to use {0} instead of this address. It changes only if the link sent to {0} is opened.", newAddress].Value);
    }

    /// <summary>To the address an account had, once it has moved to <paramref name="newAddress"/>.</summary>
    public static Letter AddressChanged(IStringLocalizer words, SummitUser user, string oldAddress, string newAddress, string forgotPasswordLink)
    {
        using var speaking = RecipientLanguage.Speak(user.PreferredLanguage);
        return Write(words, user, "Your e-mail address was changed",
            ["If this was not you, reset your password at once and tell the summit secretariat."],
            forgotPasswordLink, ResetYourPassword, to: oldAddress,
            opening: words["Your WeProtect Summit account now uses {0}: log in with it from now on. This address no longer receives its e-mails.", newAddress].Value);
    }

    /// <summary>To the new address the secretariat gave for a delegate's account: the change happens when this link is opened.</summary>
    public static Letter ConfirmAddressGivenBySecretariat(IStringLocalizer words, SummitUser user, string newAddress, string link) =>
        Write(words, user, "Confirm your new e-mail address",
            ["The summit secretariat asked to move your WeProtect Summit account to this e-mail address. Follow the link to confirm it; until then your account keeps its current address. The link works for 24 hours.",
             "If you did not ask for this, ignore this message: nothing changes."],
            link, "Confirm your new e-mail address", sensitive: true, to: newAddress);

    /// <summary>To the current address, when the secretariat starts moving the account to <paramref name="newAddress"/>.</summary>
    public static Letter AddressChangeStartedBySecretariat(IStringLocalizer words, SummitUser user, string newAddress, string forgotPasswordLink)
    {
        using var speaking = RecipientLanguage.Speak(user.PreferredLanguage);
        return Write(words, user, "A new e-mail address was asked for your account",
            ["If you did not ask the secretariat for this, tell them, and reset your password."],
            forgotPasswordLink, ResetYourPassword,
            opening: words["The summit secretariat asked to move your WeProtect Summit account to {0}. It changes only if the link sent to {0} is opened.", newAddress].Value);
    }

    /// <summary>To an address that already has an account, when someone asks to move another account to it.</summary>
    public static Letter AddressAlreadyUsed(IStringLocalizer words, SummitUser owner, string forgotPasswordLink) =>
        Write(words, owner, "Someone tried to use your e-mail address",
            ["Someone tried to move another WeProtect Summit account to this e-mail address, which already has an account: yours. Nothing was changed.",
             "If it was you, log in with your existing account. If it was not you, you need do nothing."],
            forgotPasswordLink, ResetYourPassword, dear: false);

    /// <summary>The link's label; its key is the log-in page's "… or reset your password", written with a capital here
    /// (resource names are case-insensitive, so "Reset your password" cannot be a key of its own).</summary>
    private const string ResetYourPassword = "Reset your password";

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];

    /// <summary>A letter to the user, at their address or at <paramref name="to"/>: <paramref name="opening"/> (already
    /// said, with its values) then the <paramref name="paragraphs"/> (keys), in the user's language.</summary>
    private static Letter Write(IStringLocalizer words, SummitUser user, string subject, string[] paragraphs, string link, string action,
        bool sensitive = false, bool dear = true, string? to = null, string? opening = null)
    {
        using var speaking = RecipientLanguage.Speak(user.PreferredLanguage);
        var body = string.Join("\n\n", (opening is null ? Array.Empty<string>() : new[] { opening }).Concat(paragraphs.Select(p => words[p].Value)));
        if (dear) body = words["Dear {0},", user.FullName].Value + "\n\n" + body;
        var label = action == ResetYourPassword ? Capitalised(words["reset your password"].Value) : words[action].Value;
        return new Letter(to ?? user.Email!, user.FullName, words[subject].Value, body, link, label, Sensitive: sensitive,
            Language: CultureInfo.CurrentUICulture.Name);
    }
}
