namespace WeProtect.Summit.Web.Accounts;

/// <summary>Identity's authenticator provider (used by the two-factor log-in and the set-up page), replaced so that
/// a code is checked and used up in <see cref="AuthenticatorCodes"/>: a code that logged in cannot log in a second
/// session, nor sign, and the reverse.</summary>
public sealed class OneTimeAuthenticatorTokenProvider(AuthenticatorCodes codes) : IUserTwoFactorTokenProvider<SummitUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<SummitUser> manager, SummitUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the user's app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<SummitUser> manager, SummitUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<SummitUser> manager, SummitUser user) =>
        await codes.VerifyAndClaimAsync(manager, user, token) == AuthenticatorCodes.CodeCheck.Accepted;
}
