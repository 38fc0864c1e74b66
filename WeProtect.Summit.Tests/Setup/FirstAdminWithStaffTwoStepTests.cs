using WeProtect.Summit.Tests.Accounts;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Tests.Setup;

/// <summary>Where staff need two-step verification (production), the first administrator goes from the set-up link
/// straight to setting up an authenticator, and the administrators' pages open once it is on, in the same session.</summary>
public class FirstAdminWithStaffTwoStepTests(StaffTwoStepAppFactory app) : IClassFixture<StaffTwoStepAppFactory>
{
    [Fact]
    public async Task The_first_administrator_sets_up_an_authenticator_and_then_opens_the_administrators_pages()
    {
        var token = app.FirstAdminToken()
            ?? throw new Xunit.Sdk.XunitException("No set-up token was issued");
        using var client = app.CreateFormClient();
        var page = await client.GetPageAsync($"/Setup?token={token}");
        var created = await client.SubmitAsync(page, "form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Grace Admin", ["Input.Email"] = "grace@example.org",
            ["Input.Password"] = SummitAppFactory.Password, ["Input.ConfirmPassword"] = SummitAppFactory.Password,
        });
        Assert.Equal("/Profile/EnableAuthenticator", created.Location());
        Assert.Contains("/Account/AccessDenied", (await client.GetAsync("/Admin/Users")).Location());

        var enable = await client.GetPageAsync("/Profile/EnableAuthenticator");
        Assert.Contains("Set up two-step verification now", enable.QuerySelector("[role=status]")!.TextContent);
        var key = enable.QuerySelector("#shared-key")!.TextContent.Replace(" ", "");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(enable, "form#enable-authenticator",
            new Dictionary<string, string> { ["Input.Code"] = app.TotpCode(key) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).StatusCode);
    }
}
