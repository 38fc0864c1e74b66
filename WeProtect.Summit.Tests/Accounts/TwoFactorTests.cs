using AngleSharp.Html.Dom;

namespace WeProtect.Summit.Tests.Accounts;

public class TwoFactorTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    /// <summary>Turns two-step verification on through the pages; returns the shared key read off the page and the codes shown.</summary>
    private async Task<(string Key, List<string> Codes)> EnableAsync(FormClient client)
    {
        var setup = await client.GetPageAsync("/Profile/EnableAuthenticator");
        var key = setup.QuerySelector("#shared-key")!.TextContent.Trim();
        Assert.Matches(@"^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);
        var qr = setup.QuerySelector("img#qr-code")!.GetAttribute("src")!;
        Assert.StartsWith("data:image/png;base64,", qr);
        Assert.True(Convert.FromBase64String(qr["data:image/png;base64,".Length..]).Length > 100);

        // A wrong code is refused and the form comes back with the same key.
        var wrong = await AccountSteps.PageOf(await client.SubmitAsync(setup, "form#enable-authenticator",
            new Dictionary<string, string> { ["Input.Code"] = app.WrongTotpCode(key) }));
        Assert.Contains("not right", wrong.QuerySelector("form#enable-authenticator")!.TextContent);
        Assert.Equal(key, wrong.QuerySelector("#shared-key")!.TextContent.Trim());

        var (response, shown) = await client.SubmitAndFollowAsync(wrong, "form#enable-authenticator",
            new Dictionary<string, string> { ["Input.Code"] = app.TotpCode(key, TimeSpan.FromSeconds(-30)) });   // the previous step: the current one stays free for the log-in below
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/Profile/RecoveryCodes", response.RequestMessage!.RequestUri!.AbsolutePath);
        var codes = shown.QuerySelectorAll("#recovery-codes kbd").Select(e => e.TextContent.Trim()).ToList();
        return (key, codes);
    }

    private static async Task<HttpResponseMessage> SecondStepAsync(FormClient client, string url, string form, string field, string code)
    {
        var page = await client.GetPageAsync(url);
        return await client.SubmitAsync(page, form, new Dictionary<string, string> { [field] = code });
    }

    [Fact]
    public async Task Two_step_log_in_with_the_app_and_with_one_time_recovery_codes()
    {
        var user = await app.CreateUserAsync(AccountSteps.NewEmail());
        using var client = app.CreateFormClient();
        await client.LogInAsync(user.Email!, SummitAppFactory.Password);

        var (key, codes) = await EnableAsync(client);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        // Still signed in after the security stamp changed; the status page agrees.
        var status = await client.GetPageAsync("/Profile/TwoFactor");
        Assert.Contains("on", status.QuerySelector("#two-factor-status")!.TextContent);
        Assert.Equal("10", status.QuerySelector("#recovery-codes-left")!.TextContent.Trim());
        // Shown once only.
        var reload = await client.GetPageAsync("/Profile/RecoveryCodes");
        Assert.Empty(reload.QuerySelectorAll("#recovery-codes kbd"));
        Assert.NotNull(reload.QuerySelector("#recovery-codes-gone"));
        // Never stored as they were shown.
        var stored = await app.WithDbAsync(db => db.UserTokens.AsNoTracking().Where(t => t.UserId == user.Id).Select(t => t.Value ?? "").ToListAsync());
        Assert.DoesNotContain(stored, v => codes.Any(c => v.Contains(c, StringComparison.OrdinalIgnoreCase)));
        // The key is not shown again while two-step verification is on.
        var again = await client.GetAsync("/Profile/EnableAuthenticator");
        Assert.Equal("/Profile/TwoFactor", again.Location());

        await client.LogOutAsync();

        // The password alone now leads to the second step, not into the account.
        var first = await client.TryLogInAsync(user.Email!, SummitAppFactory.Password, "/Account/Login?ReturnUrl=%2FProfile%2FTwoFactor");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", first.Location());
        Assert.False(await client.IsSignedInAsync());

        var wrong = await AccountSteps.PageOf(await SecondStepAsync(client, first.Location(), "form#login-2fa", "Input.Code", app.WrongTotpCode(key)));
        Assert.Contains("not right", wrong.QuerySelector("form#login-2fa")!.TextContent);
        Assert.False(await client.IsSignedInAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync()));

        var right = await SecondStepAsync(client, first.Location(), "form#login-2fa", "Input.Code", app.TotpCode(key));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/Profile/TwoFactor", right.Location());
        Assert.True(await client.IsSignedInAsync());
        await client.LogOutAsync();

        // A recovery code works once.
        var code = codes[3];
        Assert.Equal(HttpStatusCode.Redirect, (await client.TryLogInAsync(user.Email!, SummitAppFactory.Password)).StatusCode);
        var recovered = await SecondStepAsync(client, "/Account/LoginWithRecoveryCode", "form#login-recovery", "Input.RecoveryCode", code.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.True(await client.IsSignedInAsync());
        Assert.Equal("9", (await client.GetPageAsync("/Profile/TwoFactor")).QuerySelector("#recovery-codes-left")!.TextContent.Trim());
        await client.LogOutAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await client.TryLogInAsync(user.Email!, SummitAppFactory.Password)).StatusCode);
        var reused = await AccountSteps.PageOf(await SecondStepAsync(client, "/Account/LoginWithRecoveryCode", "form#login-recovery", "Input.RecoveryCode", code));
        Assert.Contains("not right", reused.QuerySelector("form#login-recovery")!.TextContent);
        Assert.False(await client.IsSignedInAsync());
        // A wrong recovery code counts towards the lockout too.
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync()) >= 1);

        var another = await SecondStepAsync(client, "/Account/LoginWithRecoveryCode", "form#login-recovery", "Input.RecoveryCode", codes[7]);
        Assert.Equal(HttpStatusCode.Redirect, another.StatusCode);
        Assert.True(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task The_second_step_pages_need_the_first()
    {
        using var client = app.CreateFormClient();
        Assert.StartsWith("/Account/Login", (await client.GetAsync("/Account/LoginWith2fa")).Location());
        Assert.StartsWith("/Account/Login", (await client.GetAsync("/Account/LoginWithRecoveryCode")).Location());
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_and_turning_off_needs_the_password()
    {
        var user = await app.CreateUserAsync(AccountSteps.NewEmail());
        using var client = app.CreateFormClient();
        await client.LogInAsync(user.Email!, SummitAppFactory.Password);
        var (key, oldCodes) = await EnableAsync(client);

        var resetPage = await client.GetPageAsync("/Profile/ResetRecoveryCodes");
        var refused = await AccountSteps.PageOf(await client.SubmitAsync(resetPage, "form#reset-recovery-codes",
            new Dictionary<string, string> { ["Input.Password"] = "not my password at all" }));
        Assert.Contains("not your current password", refused.QuerySelector("form#reset-recovery-codes")!.TextContent);
        var (_, shown) = await client.SubmitAndFollowAsync(refused, "form#reset-recovery-codes",
            new Dictionary<string, string> { ["Input.Password"] = SummitAppFactory.Password });
        var newCodes = shown.QuerySelectorAll("#recovery-codes kbd").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));

        var disablePage = await client.GetPageAsync("/Profile/Disable2fa");
        var notNow = await AccountSteps.PageOf(await client.SubmitAsync(disablePage, "form#disable-2fa",
            new Dictionary<string, string> { ["Input.Password"] = "" }));
        Assert.NotEmpty(notNow.QuerySelectorAll("form#disable-2fa .field-validation-error"));
        var (_, off) = await client.SubmitAndFollowAsync(notNow, "form#disable-2fa",
            new Dictionary<string, string> { ["Input.Password"] = SummitAppFactory.Password });
        Assert.Contains("off", off.QuerySelector("#two-factor-status")!.TextContent);
        Assert.True(await client.IsSignedInAsync());
        await client.LogOutAsync();

        // The password alone is enough again, and a fresh set-up gets a fresh key.
        await client.LogInAsync(user.Email!, SummitAppFactory.Password);
        var fresh = await client.GetPageAsync("/Profile/EnableAuthenticator");
        Assert.NotEqual(key, fresh.QuerySelector("#shared-key")!.TextContent.Trim());
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task Bad_codes_are_refused_on_the_form()
    {
        using var client = await app.LoggedInClientAsync();
        var setup = await client.GetPageAsync("/Profile/EnableAuthenticator");
        foreach (var code in new[] { "", "12", new string('9', 500), "abcdef" })
        {
            var page = await AccountSteps.PageOf(await client.SubmitAsync(setup, "form#enable-authenticator",
                new Dictionary<string, string> { ["Input.Code"] = code }));
            Assert.NotEmpty(page.QuerySelectorAll("form#enable-authenticator .field-validation-error"));
        }
    }
}
