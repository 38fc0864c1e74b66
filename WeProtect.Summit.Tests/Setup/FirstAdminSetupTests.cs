using Microsoft.AspNetCore.Identity;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Tests.Setup;

public class FirstAdminSetupTests : IClassFixture<SummitAppFactory>
{
    private readonly SummitAppFactory app;

    public FirstAdminSetupTests(SummitAppFactory app) => this.app = app;

    private string CurrentToken()
    {
        return app.FirstAdminToken()
            ?? throw new Xunit.Sdk.XunitException("No set-up token was issued");
    }

    [Fact]
    public async Task The_link_creates_the_first_admin_once_and_then_answers_404()
    {
        using var client = app.CreateFormClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Setup")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Setup?token=guess")).StatusCode);

        var token = CurrentToken();
        var page = await client.GetPageAsync($"/Setup?token={token}");

        // A weak password is refused on the page and does not use the link up.
        var (weak, weakPage) = await client.SubmitAndFollowAsync(page, "form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Ada Admin", ["Input.Email"] = "ada@example.org",
            ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "short",
        });
        Assert.True(weak.StatusCode == HttpStatusCode.OK, $"{weak.StatusCode} {weak.Headers.Location} {weak.RequestMessage?.RequestUri}");
        Assert.Contains("Password", weakPage.QuerySelector("form")!.TextContent);

        // A name with a right-to-left override (which would show reversed in the audit trail) is refused the same way.
        var (spoofed, spoofedPage) = await client.SubmitAndFollowAsync(weakPage, "form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Ada \u202EnimdA", ["Input.Email"] = "ada@example.org",
            ["Input.Password"] = SummitAppFactory.Password, ["Input.ConfirmPassword"] = SummitAppFactory.Password,
        });
        Assert.Equal(HttpStatusCode.OK, spoofed.StatusCode);
        Assert.Contains("Your full name", spoofedPage.QuerySelector("[data-valmsg-for='Input.FullName']")!.TextContent);

        var created = await client.SubmitAsync(weakPage, "form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Ada Admin", ["Input.Email"] = "ada@example.org",
            ["Input.Password"] = SummitAppFactory.Password, ["Input.ConfirmPassword"] = SummitAppFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>();
            var ada = await users.FindByEmailAsync("ada@example.org");
            Assert.NotNull(ada);
            Assert.True(await users.IsInRoleAsync(ada!, Roles.Admin));
            Assert.True(await users.IsInRoleAsync(ada!, Roles.Organiser));
            // Its language is saved as any new account's: a summit's default language does not change its pages.
            Assert.Equal("en", ada!.PreferredLanguage);
        }

        // The same link, and any other, is now dead.
        using var other = app.CreateFormClient();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Setup?token={token}")).StatusCode);
        var replay = await other.SubmitAsync(page, "form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Mallory", ["Input.Email"] = "mallory@example.org",
            ["Input.Password"] = SummitAppFactory.Password, ["Input.ConfirmPassword"] = SummitAppFactory.Password,
        });
        Assert.True(replay.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"replay gave {replay.StatusCode}");
        Assert.Null(await app.WithDbAsync(db => Task.FromResult(db.Users.FirstOrDefault(u => u.Email == "mallory@example.org"))));
    }
}
