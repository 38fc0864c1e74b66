namespace WeProtect.Summit.Tests.Accounts;

public class PasswordResetTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private const string NewPassword = "a brand new passphrase for the summit";

    private static async Task<HttpResponseMessage> ForgotAsync(FormClient client, string email)
    {
        var page = await client.GetPageAsync("/Account/ForgotPassword");
        return await client.SubmitAsync(page, "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
    }

    private static async Task<HttpResponseMessage> ResetAsync(FormClient client, string link, string email, string password)
    {
        var page = await client.GetPageAsync(link);
        return await client.SubmitAsync(page, "form#reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });
    }

    [Fact]
    public async Task The_mailed_link_sets_a_new_password_and_the_old_one_stops_working()
    {
        var user = await app.CreateUserAsync(AccountSteps.NewEmail());
        using var client = app.CreateFormClient();

        var asked = await ForgotAsync(client, user.Email!);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var link = AccountSteps.LinkIn(Assert.Single(app.MailTo(user.Email!)), "/Account/ResetPassword");
        Assert.DoesNotContain(Uri.EscapeDataString(user.Email!), link);

        // A weak password is refused on the form, and the link still works after it.
        var weak = await AccountSteps.PageOf(await ResetAsync(client, link, user.Email!, "short"));
        Assert.NotEmpty(weak.QuerySelectorAll("form#reset-password .field-validation-error"));

        var reset = await ResetAsync(client, link, user.Email!, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.StartsWith("/Account/Login", reset.Location());

        var old = await AccountSteps.PageOf(await client.TryLogInAsync(user.Email!, SummitAppFactory.Password));
        Assert.Contains("not right", old.QuerySelector("form#login")!.TextContent);
        Assert.False(await client.IsSignedInAsync());
        await client.LogInAsync(user.Email!, NewPassword);
        Assert.True(await client.IsSignedInAsync());

        // The owner is told; the link is spent.
        Assert.Contains(app.MailTo(user.Email!), m => (m.Subject ?? "").Contains("password was changed"));
        using var replay = app.CreateFormClient();
        var again = await AccountSteps.PageOf(await ResetAsync(replay, link, user.Email!, "yet another passphrase, the third"));
        Assert.Contains("not valid", again.QuerySelector("form#reset-password")!.TextContent);
        await replay.LogInAsync(user.Email!, NewPassword);
    }

    [Fact]
    public async Task An_unknown_or_unconfirmed_address_gets_the_same_answer_and_no_mail()
    {
        var known = await app.CreateUserAsync(AccountSteps.NewEmail());
        var unknown = AccountSteps.NewEmail();
        var unconfirmed = AccountSteps.NewEmail();
        using var client = app.CreateFormClient();
        await client.RegisterAsync(unconfirmed);
        var mailBefore = app.MailTo(unconfirmed).Count;

        var forKnown = await ForgotAsync(client, known.Email!);
        var forUnknown = await ForgotAsync(client, unknown);
        var forUnconfirmed = await ForgotAsync(client, unconfirmed);
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(forKnown.Location(), forUnknown.Location());
        Assert.Equal(forKnown.Location(), forUnconfirmed.Location());
        Assert.Equal(AccountSteps.MainText(await client.GetPageAsync(forKnown.Location())),
            AccountSteps.MainText(await client.GetPageAsync(forUnknown.Location())));

        Assert.Single(app.MailTo(known.Email!));
        Assert.Empty(app.MailTo(unknown));
        Assert.Equal(mailBefore, app.MailTo(unconfirmed).Count);
    }

    [Theory]
    [InlineData("/Account/ResetPassword")]
    [InlineData("/Account/ResetPassword?code=%25%25%25")]
    public async Task A_link_without_a_usable_code_gets_a_message(string url)
    {
        using var client = app.CreateFormClient();
        Assert.NotNull((await client.GetPageAsync(url)).QuerySelector("#reset-link-invalid"));
    }

    [Fact]
    public async Task A_forged_or_borrowed_code_is_refused_on_the_form()
    {
        var victim = await app.CreateUserAsync(AccountSteps.NewEmail());
        var attacker = await app.CreateUserAsync(AccountSteps.NewEmail());
        using var client = app.CreateFormClient();

        // A well-formed code that is not a token.
        var forged = await AccountSteps.PageOf(await ResetAsync(client, "/Account/ResetPassword?code=Zm9vYmFy", victim.Email!, NewPassword));
        Assert.Contains("not valid", forged.QuerySelector("form#reset-password")!.TextContent);

        // The attacker's own valid code does not reset the victim's password.
        await ForgotAsync(client, attacker.Email!);
        var attackerLink = AccountSteps.LinkIn(Assert.Single(app.MailTo(attacker.Email!)), "/Account/ResetPassword");
        var borrowed = await AccountSteps.PageOf(await ResetAsync(client, attackerLink, victim.Email!, NewPassword));
        Assert.Contains("not valid", borrowed.QuerySelector("form#reset-password")!.TextContent);

        await client.LogInAsync(victim.Email!, SummitAppFactory.Password);
    }
}
