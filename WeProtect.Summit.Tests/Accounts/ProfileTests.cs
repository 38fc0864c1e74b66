namespace WeProtect.Summit.Tests.Accounts;

public class ProfileTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Theory]
    [InlineData("/Profile/Index")]
    [InlineData("/Profile/ChangePassword")]
    [InlineData("/Profile/TwoFactor")]
    [InlineData("/Profile/EnableAuthenticator")]
    [InlineData("/Profile/RecoveryCodes")]
    [InlineData("/Profile/ResetRecoveryCodes")]
    [InlineData("/Profile/Disable2fa")]
    public async Task Profile_pages_need_a_signed_in_user(string url)
    {
        using var client = app.CreateFormClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Location());
    }

    [Fact]
    public async Task Name_and_position_are_edited_and_validated()
    {
        var user = await app.CreateUserAsync(AccountSteps.NewEmail(), "Original Name");
        using var client = app.CreateFormClient();
        await client.LogInAsync(user.Email!, SummitAppFactory.Password);

        var page = await client.GetPageAsync("/Profile/Index");
        Assert.Equal(user.Email, page.QuerySelector("#email")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("#email")!.HasAttribute("readonly"));
        Assert.NotNull(page.QuerySelector("a[href='/Profile/ChangePassword']"));
        Assert.NotNull(page.QuerySelector("a[href='/Profile/TwoFactor']"));

        foreach (var (name, position) in new[] { ("", "Minister"), ("   ", "Minister"), (new string('n', 201), "Minister"), ("Fine Name", new string('p', 201)) })
        {
            var response = await client.SubmitAsync(page, "form#profile", new Dictionary<string, string>
            {
                ["Input.FullName"] = name, ["Input.Position"] = position,
            });
            var again = await AccountSteps.PageOf(response);
            Assert.NotEmpty(again.QuerySelectorAll("form#profile .field-validation-error"));
            var saved = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
            Assert.Equal("Original Name", saved.FullName);
            Assert.Null(saved.Position);
        }

        var (ok, shown) = await client.SubmitAndFollowAsync(page, "form#profile", new Dictionary<string, string>
        {
            ["Input.FullName"] = "  Renamed Person ", ["Input.Position"] = "Minister of Justice",
        });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("Renamed Person", shown.QuerySelector("#Input_FullName")!.GetAttribute("value"));
        var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal("Renamed Person", stored.FullName);
        Assert.Equal("Minister of Justice", stored.Position);
        // The header shows the new name: the sign-in was refreshed.
        Assert.Contains("Renamed Person", shown.QuerySelector("nav")!.TextContent);

        // The language alone: the trail says so, and names no value.
        await client.SubmitAndFollowAsync(shown, "form#profile", new Dictionary<string, string> { ["Input.Language"] = "fr" });
        var summaries = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "account.profile-updated" && e.SubjectId == user.Id).OrderBy(e => e.Sequence).Select(e => e.Summary).ToListAsync());
        Assert.Equal(["Profile changed: name, position", "Profile changed: language"], summaries);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var user = await app.CreateUserAsync(AccountSteps.NewEmail());
        using var client = app.CreateFormClient();
        await client.LogInAsync(user.Email!, SummitAppFactory.Password);
        const string next = "the next passphrase for this account";

        var page = await client.GetPageAsync("/Profile/ChangePassword");
        var wrong = await AccountSteps.PageOf(await client.SubmitAsync(page, "form#change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "not the current password", ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = next,
        }));
        Assert.Contains("not your current password", wrong.QuerySelector("form#change-password")!.TextContent);

        var changed = await client.SubmitAsync(wrong, "form#change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = SummitAppFactory.Password, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = next,
        });
        Assert.Contains(changed.Location(), new[] { "/Profile", "/Profile/Index" });
        Assert.True(await client.IsSignedInAsync());
        Assert.Contains(app.MailTo(user.Email!), m => (m.Subject ?? "").Contains("password was changed"));
        await client.LogOutAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.TryLogInAsync(user.Email!, SummitAppFactory.Password)).StatusCode);
        await client.LogInAsync(user.Email!, next);
    }
}
