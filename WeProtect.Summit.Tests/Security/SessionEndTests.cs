using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using WeProtect.Summit.Tests.Accounts;

namespace WeProtect.Summit.Tests.Security;

/// <summary>Log-out, a password reset or change, turning two-factor authentication on or off, a role change and a
/// lock-out end every session of the user at once: a cookie copied before (another browser, or a thief) is refused
/// on its next request, while the session that made the change goes on.</summary>
public sealed class SessionEndTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    /// <summary>Logs in through the form and returns the client and a copy of its sign-in cookie.</summary>
    private async Task<(FormClient Client, SummitUser User, string Cookie)> LoggedInWithCopyAsync(params string[] roles)
    {
        var user = await app.CreateUserAsync(null, "Session Holder", roles);
        var (client, cookie) = await SessionOfAsync(user);
        return (client, user, cookie);
    }

    /// <summary>Another session of the user, logged in through the form by password (and with <paramref name="code"/>
    /// when the user has two-factor authentication on): its client and a copy of its sign-in cookie.</summary>
    private async Task<(FormClient Client, string Cookie)> SessionOfAsync(SummitUser user, string? code = null)
    {
        var client = app.CreateFormClient();
        var response = await client.TryLogInAsync(user.Email!, SummitAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (code is not null)
        {
            Assert.StartsWith("/Account/LoginWith2fa", response.Location());
            var second = await client.GetPageAsync(response.Location());
            response = await client.SubmitAsync(second, "form#login-2fa", new Dictionary<string, string> { ["Input.Code"] = code });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.DoesNotContain("/Account/", response.Location());
        }
        return (client, CookieOf(response));
    }

    /// <summary>The sign-in cookie a log-in response sets, as a Cookie header would carry it.</summary>
    private static string CookieOf(HttpResponseMessage response)
    {
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("summit.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
        Assert.StartsWith("summit.auth=", cookie);
        return cookie;
    }

    /// <summary>The status and location a bare client (no cookie jar) gets for the profile page with this cookie.</summary>
    private async Task<bool> CopyOpensProfileAsync(string cookie)
    {
        using var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Profile/Index");
        request.Headers.Add("Cookie", cookie);
        var response = await copy.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
        return false;
    }

    [Fact]
    public async Task A_copied_cookie_dies_when_the_user_logs_out()
    {
        var (client, _, cookie) = await LoggedInWithCopyAsync();
        Assert.True(await CopyOpensProfileAsync(cookie));
        await client.LogOutAsync();
        Assert.False(await CopyOpensProfileAsync(cookie));
    }

    [Fact]
    public async Task A_copied_cookie_dies_when_the_password_is_reset()
    {
        var (client, user, cookie) = await LoggedInWithCopyAsync();
        Assert.True(await CopyOpensProfileAsync(cookie));

        using var anonymous = app.CreateFormClient();
        var forgot = await anonymous.GetPageAsync("/Account/ForgotPassword");
        await anonymous.SubmitAsync(forgot, "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email! });
        var link = AccountSteps.LinkIn(app.MailTo(user.Email!).Last(), "/Account/ResetPassword");
        const string newPassword = "quiet lanterns drift over seven harbours";
        var reset = await anonymous.SubmitAsync(await anonymous.GetPageAsync(link), "form#reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!, ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.False(await CopyOpensProfileAsync(cookie));
        Assert.False(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task A_copied_cookie_dies_when_the_user_changes_their_password()
    {
        var (client, user, cookie) = await LoggedInWithCopyAsync();
        Assert.True(await CopyOpensProfileAsync(cookie));
        var stamp = await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync());

        const string next = "seven quiet lanterns over the harbour wall";
        var page = await client.GetPageAsync("/Profile/ChangePassword");
        var changed = await client.SubmitAsync(page, "form#change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = SummitAppFactory.Password, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = next,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains(changed.Location(), new[] { "/Profile", "/Profile/Index" });
        Assert.NotEqual(stamp, await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync()));

        Assert.False(await CopyOpensProfileAsync(cookie));
        // The session that changed it goes on (its cookie re-issued with the new stamp).
        Assert.True(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task A_copied_cookie_dies_when_two_factor_authentication_is_turned_on()
    {
        var user = await app.CreateUserAsync(null, "Two Factor Starter");
        var (client, _) = await SessionOfAsync(user);
        // Opening the set-up page gives the user a key (which writes a new stamp itself), so the copy is of a session
        // started after that: what ends it below is turning two-factor authentication on.
        var setup = await client.GetPageAsync("/Profile/EnableAuthenticator");
        var key = setup.QuerySelector("#shared-key")!.TextContent.Replace(" ", "");
        var (other, cookie) = await SessionOfAsync(user);
        Assert.True(await CopyOpensProfileAsync(cookie));

        // The previous step's code (still accepted): the current one stays free, as a code is good once per user.
        var on = await client.SubmitAsync(setup, "form#enable-authenticator",
            new Dictionary<string, string> { ["Input.Code"] = app.TotpCode(key, TimeSpan.FromSeconds(-30)) });
        Assert.Equal("/Profile/RecoveryCodes", on.Location());
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        // The page shown says why the other sessions ended and how to log in there again.
        var shown = await client.GetPageAsync(on.Location());
        var status = shown.QuerySelector("#status")!.TextContent;
        Assert.Contains("signed out on your other devices", status, StringComparison.Ordinal);
        Assert.Contains("authenticator app", status, StringComparison.Ordinal);

        Assert.False(await CopyOpensProfileAsync(cookie));
        Assert.False(await other.IsSignedInAsync());
        Assert.True(await client.IsSignedInAsync());
        other.Dispose();
        client.Dispose();
    }

    [Fact]
    public async Task A_copied_cookie_dies_when_two_factor_authentication_is_turned_off()
    {
        var user = await app.CreateUserAsync(null, "Two Factor Stopper");
        var key = await app.EnableTwoFactorAsync(user);
        // Two sessions, each logged in with its own code (a code logs in once): the previous step's, then the current one.
        var (client, _) = await SessionOfAsync(user, app.TotpCode(key, TimeSpan.FromSeconds(-30)));
        var (other, cookie) = await SessionOfAsync(user, app.TotpCode(key));
        Assert.True(await CopyOpensProfileAsync(cookie));

        var page = await client.GetPageAsync("/Profile/Disable2fa");
        var off = await client.SubmitAsync(page, "form#disable-2fa", new Dictionary<string, string> { ["Input.Password"] = SummitAppFactory.Password });
        Assert.Equal("/Profile/TwoFactor", off.Location());
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        Assert.False(await CopyOpensProfileAsync(cookie));
        Assert.False(await other.IsSignedInAsync());
        Assert.True(await client.IsSignedInAsync());
        other.Dispose();
        client.Dispose();
    }

    [Fact]
    public async Task A_demoted_organiser_cannot_create_an_organisation_with_the_session_they_had()
    {
        var (organiser, user, _) = await LoggedInWithCopyAsync(Roles.Organiser);
        var form = await organiser.GetPageAsync("/Organisations/Manage/Create");
        Assert.NotNull(form.QuerySelector("form#organisation-form"));

        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        var users = await admin.GetPageAsync("/Admin/Users?q=" + Uri.EscapeDataString(user.Email!));
        var (revoked, _) = await admin.SubmitAndFollowAsync(users, $"#user-{user.Id} form.role-form:has(input[value=Organiser])");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.False(await app.WithDbAsync(async db => await db.UserRoles.AnyAsync(r => r.UserId == user.Id)));

        var name = "Demoted Org " + Guid.NewGuid().ToString("N")[..8];
        var response = await organiser.SubmitAsync(form, "form#organisation-form", new Dictionary<string, string>
        {
            ["Input.FormalName"] = name, ["Input.SortName"] = "", ["Input.Sector"] = "Government", ["Input.CountryCode"] = "GB",
        });
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
            Assert.Matches("/Account/(Login|AccessDenied)", response.Headers.Location!.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.Organisations.AnyAsync(o => o.FormalName == name)));
    }

    [Fact]
    public async Task A_lock_out_ends_the_session()
    {
        var (client, user, cookie) = await LoggedInWithCopyAsync();
        Assert.True(await client.IsSignedInAsync());
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>();
            var fresh = (await users.FindByIdAsync(user.Id))!;
            Assert.True((await users.SetLockoutEndDateAsync(fresh, DateTimeOffset.UtcNow.AddMinutes(15))).Succeeded);
        }
        Assert.False(await CopyOpensProfileAsync(cookie));
        Assert.False(await client.IsSignedInAsync());
    }
}
