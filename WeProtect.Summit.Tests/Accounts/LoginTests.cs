using System.Net;
using Microsoft.EntityFrameworkCore;
using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Accounts;

public class LoginTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Wrong_passwords_do_not_lock_the_account_so_a_stranger_cannot_lock_out_its_owner()
    {
        var user = await app.CreateUserAsync(AccountTestKit.NewEmail());
        using var stranger = app.CreateFormClient();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var page = await AccountTestKit.PageOf(await stranger.TryLogInAsync(user.Email!, $"wrong password number {attempt}"));
            Assert.Contains("not right", page.QuerySelector("form#login")!.TextContent);
            Assert.Null(page.QuerySelector("#locked-out"));
        }
        using var owner = app.CreateFormClient();
        Assert.Equal(HttpStatusCode.Redirect, (await owner.TryLogInAsync(user.Email!, SummitAppFactory.Password)).StatusCode);
        Assert.True(await owner.IsSignedInAsync());
    }

    [Fact]
    public async Task Unknown_unconfirmed_locked_and_existing_accounts_answer_a_wrong_password_alike()
    {
        var existing = await app.CreateUserAsync(AccountTestKit.NewEmail());
        var locked = await app.CreateUserAsync(AccountTestKit.NewEmail());
        var unconfirmed = await app.CreateUserAsync(AccountTestKit.NewEmail());
        await app.WithDbAsync(async db =>
        {
            var l = await db.Users.SingleAsync(u => u.Id == locked.Id);
            l.LockoutEnd = DateTimeOffset.UtcNow.AddHours(1);
            var u = await db.Users.SingleAsync(x => x.Id == unconfirmed.Id);
            u.EmailConfirmed = false;
            await db.SaveChangesAsync();
        });
        using var client = app.CreateFormClient();
        var answers = new List<string>();
        foreach (var email in new[] { AccountTestKit.NewEmail(), unconfirmed.Email!, locked.Email!, existing.Email! })
        {
            var response = await client.TryLogInAsync(email, "some password or other");
            var page = await AccountTestKit.PageOf(response);
            Assert.Null(page.QuerySelector("#locked-out"));
            Assert.Null(page.QuerySelector("#not-confirmed"));
            // The whole form, less the echoed address: the same words, the same alerts.
            answers.Add(page.QuerySelector("form#login")!.TextContent.Replace(email, "", StringComparison.Ordinal).Trim());
        }
        Assert.Single(answers.Distinct());
        Assert.Contains(Web.Pages.Account.LoginModel.WrongCredentials, answers[0]);

        // With the right password, the owner learns why.
        Assert.NotNull((await AccountTestKit.PageOf(await client.TryLogInAsync(locked.Email!, SummitAppFactory.Password))).QuerySelector("#locked-out"));
        Assert.NotNull((await AccountTestKit.PageOf(await client.TryLogInAsync(unconfirmed.Email!, SummitAppFactory.Password))).QuerySelector("#not-confirmed"));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://evil.example/Account/Login")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("http:evil.example")]
    public async Task Log_in_never_redirects_off_site(string returnUrl)
    {
        var user = await app.CreateUserAsync(AccountTestKit.NewEmail());
        using var client = app.CreateFormClient();

        // Through the query string, as a phishing link would carry it...
        var page = await client.GetPageAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var response = await client.SubmitAsync(page, "form#login", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!, ["Input.Password"] = SummitAppFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Location());
        await client.LogOutAsync();

        // ...and posted directly in the form's field.
        page = await client.GetPageAsync("/Account/Login");
        response = await client.SubmitAsync(page, "form#login", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!, ["Input.Password"] = SummitAppFactory.Password, ["ReturnUrl"] = returnUrl,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Location());
    }

    [Fact]
    public async Task Log_in_returns_to_a_local_page()
    {
        var user = await app.CreateUserAsync(AccountTestKit.NewEmail());
        using var client = app.CreateFormClient();
        var challenge = await client.GetAsync("/Profile/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);

        var page = await client.GetPageAsync(challenge.Location());
        var response = await client.SubmitAsync(page, "form#login", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!, ["Input.Password"] = SummitAppFactory.Password,
        });
        Assert.Equal("/Profile/ChangePassword", response.Location());
    }

    [Fact]
    public async Task Bad_log_in_input_is_shown_on_the_form_not_as_an_error()
    {
        using var client = app.CreateFormClient();
        foreach (var (email, password) in new[] { ("", ""), (new string('a', 300) + "@example.org", "x"), ("a@example.org", new string('p', 5000)) })
        {
            var page = await AccountTestKit.PageOf(await client.TryLogInAsync(email, password));
            Assert.NotEmpty(page.QuerySelectorAll("form#login .field-validation-error, form#login .validation-summary-errors li"));
        }
    }

    [Fact]
    public async Task Logging_out_takes_a_post()
    {
        using var client = await app.LoggedInClientAsync();
        // A GET only shows the button.
        Assert.NotNull((await client.GetPageAsync("/Account/Logout")).QuerySelector("form#logout"));
        Assert.True(await client.IsSignedInAsync());
        // A POST without the antiforgery token is refused.
        var forged = await client.Http.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(await client.IsSignedInAsync());

        var page = await client.GetPageAsync("/Profile/Index");
        var response = await client.SubmitAsync(page, "form[action='/Account/Logout']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Location());
        Assert.False(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task Access_denied_is_a_plain_page()
    {
        using var client = await app.LoggedInClientAsync();
        var page = await client.GetPageAsync("/Account/AccessDenied");
        Assert.NotNull(page.QuerySelector("#access-denied"));
    }
}
