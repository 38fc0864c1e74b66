using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Tests.Accounts;

/// <summary>Where two-step verification is required of staff (production's default), an organiser's or administrator's
/// password alone opens none of their pages, nor what their role opens elsewhere (another delegate's badge): the roles
/// wait, and every page says how to get them. Turning two-step verification on in the session opens them at once;
/// a two-step log-in opens them; turning it off closes them again. Check-in staff, who hold a grant rather than a role,
/// are held to the same rule at their desk. Delegates are not affected.</summary>
public class StaffTwoStepTests(StaffTwoStepAppFactory app) : IClassFixture<StaffTwoStepAppFactory>
{
    [Fact]
    public async Task An_organisers_password_alone_opens_no_staff_page_until_two_step_verification_is_on_in_the_session()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (_, registration) = await app.ApprovedDelegateAsync(summit.Id, "Badge Holder");
        var organiser = await app.CreateUserAsync(fullName: "Password Only Organiser", roles: Roles.Organiser);
        using var client = await app.LogInAsync(organiser);

        var home = await client.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("#staff-two-step"));
        Assert.Null(home.QuerySelector("#menu-organise"));
        var denied = await client.GetAsync("/Summits/Manage");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.OriginalString);
        var explained = await client.GetPageAsync(denied.Headers.Location!.OriginalString);
        Assert.Equal("/Profile/TwoFactor", explained.QuerySelector("#access-denied-two-step")!.GetAttribute("href"));
        // What the role opens inside other pages is closed too: another delegate's badge is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Registration/Badge/{registration.Id}")).StatusCode);

        // On in this session: the staff pages open without logging in again.
        var setup = await client.GetPageAsync("/Profile/EnableAuthenticator");
        var key = setup.QuerySelector("#shared-key")!.TextContent.Replace(" ", "");
        var on = await client.SubmitAsync(setup, "form#enable-authenticator",
            new Dictionary<string, string> { ["Input.Code"] = app.TotpCode(key, TimeSpan.FromSeconds(-30)) });
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Summits/Manage")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Registration/Badge/{registration.Id}")).StatusCode);
        home = await client.GetPageAsync("/");
        Assert.Null(home.QuerySelector("#staff-two-step"));
        Assert.NotNull(home.QuerySelector("#menu-organise"));

        // Off again: the roles wait again.
        var off = await client.GetPageAsync("/Profile/Disable2fa");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(off, "form#disable-2fa",
            new Dictionary<string, string> { ["Input.Password"] = SummitAppFactory.Password })).StatusCode);
        Assert.Contains("/Account/AccessDenied", (await client.GetAsync("/Summits/Manage")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_two_step_log_in_opens_the_staff_pages_and_delegates_are_not_affected()
    {
        var admin = await app.CreateUserAsync(fullName: "Two Step Admin", roles: Roles.Admin);
        var key = await app.EnableTwoFactorAsync(admin);
        using var client = app.CreateFormClient();
        await client.LogInWithTwoFactorAsync(app, admin.Email!, key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).StatusCode);
        Assert.Null((await client.GetPageAsync("/")).QuerySelector("#staff-two-step"));

        var delegateUser = await app.CreateUserAsync(fullName: "Plain Delegate");
        using var delegateClient = await app.LogInAsync(delegateUser);
        Assert.Equal(HttpStatusCode.OK, (await delegateClient.GetAsync("/Registration")).StatusCode);
        Assert.Null((await delegateClient.GetPageAsync("/")).QuerySelector("#staff-two-step"));
    }

    [Fact]
    public async Task Check_in_staff_open_their_desk_and_its_photos_only_in_a_session_that_used_two_step_verification()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (delegateUser, registration) = await app.ApprovedDelegateAsync(summit.Id, "Photographed Delegate");
        using (var delegateClient = await app.LogInAsync(delegateUser))
            await delegateClient.UploadPhotoAsync(registration.Id, AccreditationSteps.Png(400, 400), "me.png");
        var (client, staff) = await app.LoggedInUserAsync();
        using (client)
        {
            await app.WithDbAsync(async db =>
            {
                db.CheckInStaff.Add(new Data.Registrations.CheckInStaff(summit.Id, staff.Id, "", app.UtcNow));
                await db.SaveChangesAsync();
            });
            var desk = $"/Registration/Manage/CheckIn/{summit.Id}";
            var photo = $"/Registration/Photo/{registration.Id}";

            // Password only: their page says why the desk waits; the desk says how to open it; the photo is not found.
            Assert.NotNull((await client.GetPageAsync("/Registration")).QuerySelector("#check-in-two-step"));
            var waiting = await client.GetAsync(desk);
            Assert.Equal(HttpStatusCode.Redirect, waiting.StatusCode);
            var explained = await client.GetPageAsync(waiting.Headers.Location!.OriginalString);
            Assert.Contains("The check-in desk opens only in a session that used two-step verification.", explained.QuerySelector("#access-denied")!.TextContent);
            Assert.Equal("/Profile/TwoFactor", explained.QuerySelector("#access-denied-two-step")!.GetAttribute("href"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(photo)).StatusCode);
            var scan = await client.Http.PostAsync(desk, new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = "ANYCODE" }));
            Assert.NotEqual(HttpStatusCode.OK, scan.StatusCode);

            // On in this session: the desk and the photo open.
            var setup = await client.GetPageAsync("/Profile/EnableAuthenticator");
            var key = setup.QuerySelector("#shared-key")!.TextContent.Replace(" ", "");
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(setup, "form#enable-authenticator",
                new Dictionary<string, string> { ["Input.Code"] = app.TotpCode(key, TimeSpan.FromSeconds(-30)) })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(desk)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(photo)).StatusCode);
            Assert.Null((await client.GetPageAsync("/Registration")).QuerySelector("#check-in-two-step"));
        }
    }

    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Production", "Optional", false)]
    [InlineData("Development", null, false)]
    [InlineData("Testing", "required", true)]
    public void Production_requires_it_unless_told_otherwise(string environment, string? setting, bool required)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StaffTwoStep.SettingKey] = setting }).Build();
        var host = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment };
        Assert.Equal(required, StaffTwoStep.FromConfiguration(configuration, host).Required);
        Assert.Null(StaffTwoStep.Refusal(configuration));
    }

    [Fact]
    public void A_setting_that_is_neither_required_nor_optional_stops_the_app()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StaffTwoStep.SettingKey] = "sometimes" }).Build();
        Assert.Equal("Accounts:StaffTwoStep must be Required or Optional.", StaffTwoStep.Refusal(configuration));
    }
}
