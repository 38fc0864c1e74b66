using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Two-factor authentication for tests whose subject is something else (the account tests turn it on
/// through the pages): a fresh authenticator key, and the codes an app would show.</summary>
public static class TwoFactorSteps
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
    public static async Task LogInWithTwoFactorAsync(this FormClient client, SummitAppFactory app, string email, string key)
    {
        var done = await client.LogInWithCodeAsync(email, () => app.TotpCode(key, TimeSpan.FromSeconds(-30)));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, done.StatusCode);
        Assert.DoesNotContain("/Account/", done.Headers.Location?.OriginalString ?? "");
    }

    /// <summary>The log-in form, then its second step with the code <paramref name="code"/> gives when that step is
    /// shown (for a clock read as late as possible); the second step's answer.</summary>
    public static async Task<HttpResponseMessage> LogInWithCodeAsync(this FormClient client, string email, Func<string> code)
    {
        var login = await client.GetPageAsync("/Account/Login");
        var first = await client.SubmitAsync(login, "form#login", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = SummitAppFactory.Password,
        });
        var location = first.Headers.Location?.OriginalString ?? "";
        Assert.True(location.Contains("/Account/LoginWith2fa"), $"Expected the second step, got {(int)first.StatusCode} {location}");
        var second = await client.GetPageAsync(location);
        return await client.SubmitAsync(second, "form#login-2fa", new Dictionary<string, string> { ["Input.Code"] = code() });
    }

    /// <summary>The code an authenticator app shows now by the app's clock (<see cref="SummitAppFactory.Clock"/>),
    /// moved by <paramref name="offset"/> (e.g. 30 seconds: the next step).</summary>
    public static string TotpCode(this SummitAppFactory app, string key, TimeSpan offset = default) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant())).ComputeTotp(app.UtcNow + offset);

    /// <summary>A six-digit code valid in none of the steps around the app's now (±5 minutes).</summary>
    public static string WrongTotpCode(this SummitAppFactory app, string key)
    {
        var valid = Enumerable.Range(-10, 21).Select(o => app.TotpCode(key, TimeSpan.FromSeconds(30 * o))).ToHashSet();
        var candidate = 123456;
        while (valid.Contains(candidate.ToString("D6"))) candidate++;
        return candidate.ToString("D6");
    }
}
