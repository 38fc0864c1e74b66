using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>Identity's errors in the reader's language: the ones people meet on the account pages (a password too
/// short, an address in use or not valid, a wrong current password, a change made meanwhile) are desk texts translated
/// with the request's culture; the rest (roles, logins) stay Identity's English, seen by administrators only.</summary>
public sealed class SummitIdentityErrors(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber
{
    private IdentityError Error(string code, DeskText text) => new() { Code = code, Description = Translations.Of(localizer, text) };

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"A password has at least {length} characters: a passphrase of several words is easiest to remember.");

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), $"An account with the address {email} already exists.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), $"An account with the address {userName} already exists.");

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), $"\"{email}\" is not an e-mail address.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), $"\"{userName}\" is not an e-mail address.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "The current password is not right.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "This link is not valid any more: ask for a new one.");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "That recovery code is not right, or was already used.");

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), "Someone else changed this account meanwhile — reload and try again. Nothing was saved.");

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Something went wrong and nothing was saved. Try again.");
}
