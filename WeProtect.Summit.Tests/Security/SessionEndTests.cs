using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Tests.Accounts;
using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Security;

/// <summary>Log-out, a password reset, a role change and a lock-out end every session of the user at once: a
/// cookie copied before (another browser, or a thief) is refused on its next request.</summary>
public sealed class SessionEndTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    /// <summary>Logs in through the form and returns the client and a copy of its sign-in cookie.</summary>
    private async Task<(FormClient Client, SummitUser User, string Cookie)> LoggedInWithCopyAsync(params string[] roles)
    {
        var user = await app.CreateUserAsync(null, "Session Holder", roles);
        var client = app.CreateFormClient();
        var response = await client.TryLogInAsync(user.Email!, SummitAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("summit.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
        Assert.StartsWith("summit.auth=", cookie);
        return (client, user, cookie);
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
        var link = AccountTestKit.LinkIn(app.MailTo(user.Email!).Last(), "/Account/ResetPassword");
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
            ["Input.FormalName"] = name, ["Input.SortName"] = "", ["Input.Sector"] = "Government", ["Input.CountryCode"] = "GB", ["Input.MemberSince"] = "",
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
