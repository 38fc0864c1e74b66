using System.Net;
using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Accounts;

public class LoginTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var user = await app.CreateUserAsync(AccountSteps.NewEmail());
        using var client = app.CreateFormClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var page = await AccountSteps.PageOf(await client.TryLogInAsync(user.Email!, $"wrong password number {attempt}"));
            Assert.Contains("not right", page.QuerySelector("form#login")!.TextContent);
            Assert.Null(page.QuerySelector("#locked-out"));
        }
        var fifth = await AccountSteps.PageOf(await client.TryLogInAsync(user.Email!, "wrong password number 5"));
        Assert.NotNull(fifth.QuerySelector("#locked-out"));

        var sixth = await client.TryLogInAsync(user.Email!, SummitAppFactory.Password);
        var sixthPage = await AccountSteps.PageOf(sixth);
        var locked = sixthPage.QuerySelector("#locked-out");
        Assert.NotNull(locked);
        Assert.Matches(@"Try again after \d{2}:\d{2} UTC", locked!.TextContent);
        Assert.False(await client.IsSignedInAsync());

        // Another browser fares no better.
        using var other = app.CreateFormClient();
        Assert.NotNull((await AccountSteps.PageOf(await other.TryLogInAsync(user.Email!, SummitAppFactory.Password))).QuerySelector("#locked-out"));
        Assert.False(await other.IsSignedInAsync());
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_as_a_wrong_password()
    {
        var user = await app.CreateUserAsync(AccountSteps.NewEmail());
        using var client = app.CreateFormClient();
        var unknown = await AccountSteps.PageOf(await client.TryLogInAsync(AccountSteps.NewEmail(), "some password or other"));
        var wrong = await AccountSteps.PageOf(await client.TryLogInAsync(user.Email!, "some password or other"));
        Assert.Equal(unknown.QuerySelector(".validation-summary-errors")!.TextContent.Trim(),
            wrong.QuerySelector(".validation-summary-errors")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://evil.example/Account/Login")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("http:evil.example")]
    public async Task Log_in_never_redirects_off_site(string returnUrl)
    {
        var user = await app.CreateUserAsync(AccountSteps.NewEmail());
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
        var user = await app.CreateUserAsync(AccountSteps.NewEmail());
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
            var page = await AccountSteps.PageOf(await client.TryLogInAsync(email, password));
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
