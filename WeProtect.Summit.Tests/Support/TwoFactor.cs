using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using WeProtect.Summit.Data.Accounts;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Two-factor authentication for tests whose subject is something else (the account tests turn it on
/// through the pages): a fresh authenticator key, and the codes an app would show.</summary>
public static class TwoFactor
{
    /// <summary>Gives the user an authenticator key and turns two-factor authentication on; returns the key (base32).</summary>
    public static async Task<string> EnableTwoFactorAsync(this SummitAppFactory app, SummitUser user)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>();
        var fresh = (await users.FindByIdAsync(user.Id))!;
        Assert.True((await users.ResetAuthenticatorKeyAsync(fresh)).Succeeded);
        var key = (await users.GetAuthenticatorKeyAsync(fresh))!;
        Assert.True((await users.SetTwoFactorEnabledAsync(fresh, true)).Succeeded);
        return key;
    }

    /// <summary>Logs in through the log-in form and its second step (the authenticator code), as a browser would.
    /// The code is the previous step's (still accepted, clock drift): a code is good once per user, so the current
    /// step's code stays free for the signing step-up the test goes on to.</summary>
    public static async Task LogInWithTwoFactorAsync(this FormClient client, string email, string key)
    {
        var login = await client.GetPageAsync("/Account/Login");
        var first = await client.SubmitAsync(login, "form#login", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = SummitAppFactory.Password,
        });
        var location = first.Headers.Location?.OriginalString ?? "";
        Assert.True(location.Contains("/Account/LoginWith2fa"), $"Expected the second step, got {(int)first.StatusCode} {location}");
        var second = await client.GetPageAsync(location);
        var done = await client.SubmitAsync(second, "form#login-2fa", new Dictionary<string, string> { ["Input.Code"] = TotpCode(key, DateTime.UtcNow.AddSeconds(-30)) });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, done.StatusCode);
        Assert.DoesNotContain("/Account/", done.Headers.Location?.OriginalString ?? "");
    }

    /// <summary>The code the app shows at <paramref name="at"/> (now when null).</summary>
    public static string TotpCode(string key, DateTime? at = null) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant())).ComputeTotp(at ?? DateTime.UtcNow);

    /// <summary>A six-digit code valid in none of the steps around now (±5 minutes).</summary>
    public static string WrongTotpCode(string key)
    {
        var valid = Enumerable.Range(-10, 21).Select(o => TotpCode(key, DateTime.UtcNow.AddSeconds(30 * o))).ToHashSet();
        var candidate = 123456;
        while (valid.Contains(candidate.ToString("D6"))) candidate++;
        return candidate.ToString("D6");
    }
}
