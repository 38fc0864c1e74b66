using System.Net;
using WeProtect.Summit.Tests.Accounts;
using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Security;

/// <summary>Rate limits per client address and per account: over the limit, 429 with Retry-After and a page that
/// says when to try again; once the window has passed (the clock moved), accepted again. The tests run one after
/// another in this class, each starting after every earlier window has ended.</summary>
public class RateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var seconds = int.Parse(response.Headers.GetValues("Retry-After").Single());
        Assert.InRange(seconds, 1, (int)RateLimitedAppFactory.Window.TotalSeconds);
        var page = await FormClient.ParseAsync(response);
        Assert.Contains("Too many attempts", page.QuerySelector("h1")!.TextContent);
        Assert.Contains($"wait {seconds} seconds", page.Body!.TextContent);
    }

    private static Task<HttpResponseMessage> LogInAsync(FormClient client, string email, string password = "not the password at all") =>
        client.TryLogInAsync(email, password);

    [Fact]
    public async Task Log_in_is_limited_per_account_the_same_for_known_and_unknown_addresses_then_allowed_again()
    {
        app.StartAfresh();
        var user = await app.CreateUserAsync(AccountTestKit.NewEmail());
        var unknown = AccountTestKit.NewEmail();
        using var client = app.CreateFormClient();
        for (var i = 0; i < RateLimitedAppFactory.AccountLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await LogInAsync(client, user.Email!)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await LogInAsync(client, unknown)).StatusCode);
        }
        // Another spelling of the same address is the same account; the right password does not get through either.
        await AssertRefusedAsync(await LogInAsync(client, "  " + user.Email!.ToUpperInvariant()));
        await AssertRefusedAsync(await LogInAsync(client, unknown));
        using var owner = app.CreateFormClient();
        await AssertRefusedAsync(await LogInAsync(owner, user.Email!, SummitAppFactory.Password));

        app.Clock.Advance(RateLimitedAppFactory.Window + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync(owner, user.Email!, SummitAppFactory.Password)).StatusCode);
    }

    [Fact]
    public async Task Two_factor_codes_are_limited_per_account()
    {
        app.StartAfresh();
        var user = await app.CreateUserAsync(AccountTestKit.NewEmail());
        var key = await app.EnableTwoFactorAsync(user);
        using var client = app.CreateFormClient();
        var first = await LogInAsync(client, user.Email!, SummitAppFactory.Password);
        var second = first.Headers.Location!.OriginalString;
        for (var i = 0; i < RateLimitedAppFactory.AccountLimit; i++)
        {
            var page = await client.GetPageAsync(second);
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(page, "form#login-2fa", new Dictionary<string, string> { ["Input.Code"] = TwoFactor.WrongTotpCode(key) })).StatusCode);
        }
        var form = await client.GetPageAsync(second);
        await AssertRefusedAsync(await client.SubmitAsync(form, "form#login-2fa", new Dictionary<string, string> { ["Input.Code"] = TwoFactor.TotpCode(key) }));
        // The same account from another browser, after a fresh first step, is still refused.
        using var other = app.CreateFormClient();
        var again = await LogInAsync(other, user.Email!, SummitAppFactory.Password);
        var otherForm = await other.GetPageAsync(again.Headers.Location!.OriginalString);
        await AssertRefusedAsync(await other.SubmitAsync(otherForm, "form#login-2fa", new Dictionary<string, string> { ["Input.Code"] = TwoFactor.TotpCode(key) }));
    }

    [Theory]
    [InlineData("/Account/Register", "form#register", "Input.Email")]
    [InlineData("/Account/ForgotPassword", "form#forgot-password", "Input.Email")]
    [InlineData("/Account/ResendConfirmation", "form#resend-confirmation", "Input.Email")]
    public async Task Account_e_mails_are_limited_per_address_given(string url, string form, string field)
    {
        app.StartAfresh();
        var email = AccountTestKit.NewEmail();
        await app.CreateUserAsync(email);
        using var client = app.CreateFormClient();
        var values = new Dictionary<string, string> { [field] = email };
        if (form == "form#register")
        {
            values["Input.FullName"] = "Someone Trying";
            values["Input.Password"] = values["Input.ConfirmPassword"] = SummitAppFactory.Password;
        }
        var mailBefore = app.MailTo(email).Count;
        for (var i = 0; i < RateLimitedAppFactory.AccountLimit; i++)
            Assert.True((int)(await client.SubmitAsync(await client.GetPageAsync(url), form, values)).StatusCode < 400);
        await AssertRefusedAsync(await client.SubmitAsync(await client.GetPageAsync(url), form, values));
        var mailAfter = app.MailTo(email).Count;
        Assert.True(mailAfter - mailBefore <= RateLimitedAppFactory.AccountLimit, $"{mailAfter - mailBefore} mails");

        app.Clock.Advance(RateLimitedAppFactory.Window + TimeSpan.FromSeconds(1));
        Assert.True((int)(await client.SubmitAsync(await client.GetPageAsync(url), form, values)).StatusCode < 400);
    }

    /// <summary>Per client address: every limited form and download, whatever account it names.</summary>
    [Theory]
    [InlineData("login")]
    [InlineData("register")]
    [InlineData("forgot")]
    [InlineData("resend")]
    [InlineData("verify")]
    [InlineData("download")]
    public async Task Each_limited_request_is_limited_per_client_address(string kind)
    {
        app.StartAfresh();
        using var client = app.CreateFormClient();
        async Task<HttpResponseMessage> Send()
        {
            var email = AccountTestKit.NewEmail(); // a fresh account each time: only the address limit applies
            switch (kind)
            {
                case "login": return await LogInAsync(client, email);
                case "register": return await client.RegisterAsync(email);
                case "forgot": return await client.SubmitAsync(await client.GetPageAsync("/Account/ForgotPassword"), "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
                case "resend": return await client.SubmitAsync(await client.GetPageAsync("/Account/ResendConfirmation"), "form#resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = email });
                case "verify":
                    return await client.SubmitAsync(await client.GetPageAsync("/Communiques/Verify"), "form#verify-form", files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("a.pdf", "not a pdf"u8.ToArray()) });
                default: return await client.GetAsync("/Communiques/1/pdf");
            }
        }
        for (var i = 0; i < RateLimitedAppFactory.AddressLimit; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Send()).StatusCode);
        await AssertRefusedAsync(await Send());

        app.Clock.Advance(RateLimitedAppFactory.Window + TimeSpan.FromSeconds(1));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Send()).StatusCode);
    }

    [Fact]
    public async Task Pages_themselves_are_not_limited()
    {
        app.StartAfresh();
        using var client = app.CreateFormClient();
        for (var i = 0; i < RateLimitedAppFactory.AddressLimit * 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }
}
