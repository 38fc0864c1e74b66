using WeProtect.Summit.Tests.Accounts;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

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
        var user = await app.CreateUserAsync(AccountSteps.NewEmail());
        var unknown = AccountSteps.NewEmail();
        using var client = app.CreateFormClientFrom("203.0.113.7");
        for (var i = 0; i < RateLimitedAppFactory.AccountLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await LogInAsync(client, user.Email!)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await LogInAsync(client, unknown)).StatusCode);
        }
        // Another spelling of the same address is the same account; from this client address the right password
        // does not get through either.
        await AssertRefusedAsync(await LogInAsync(client, "  " + user.Email!.ToUpperInvariant()));
        await AssertRefusedAsync(await LogInAsync(client, unknown));
        using var sameAddress = app.CreateFormClientFrom("203.0.113.7");
        await AssertRefusedAsync(await LogInAsync(sameAddress, user.Email!, SummitAppFactory.Password));

        app.Clock.Advance(RateLimitedAppFactory.Window + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync(sameAddress, user.Email!, SummitAppFactory.Password)).StatusCode);
    }

    /// <summary>What replaced the lock-out must not become one: a stranger who uses up a signatory's log-in allowance
    /// leaves the owner, at their own address, free to log in.</summary>
    [Fact]
    public async Task A_stranger_using_up_an_accounts_log_ins_does_not_keep_its_owner_out()
    {
        app.StartAfresh();
        var user = await app.CreateUserAsync(AccountSteps.NewEmail());
        using var stranger = app.CreateFormClientFrom("203.0.113.9");
        for (var i = 0; i < RateLimitedAppFactory.AccountLimit; i++)
            Assert.Equal(HttpStatusCode.OK, (await LogInAsync(stranger, user.Email!)).StatusCode);
        await AssertRefusedAsync(await LogInAsync(stranger, user.Email!));

        using var owner = app.CreateFormClientFrom("198.51.100.20");
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync(owner, user.Email!, SummitAppFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/Profile")).StatusCode);
    }

    [Fact]
    public async Task The_refusal_says_when_to_try_again_in_the_readers_language()
    {
        app.StartAfresh();
        var user = await app.CreateUserAsync(AccountSteps.NewEmail());
        using var client = LocalizedAppFactory.Speaking(app.CreateFormClient(), "fr");
        for (var i = 0; i < RateLimitedAppFactory.AccountLimit; i++)
            Assert.Equal(HttpStatusCode.OK, (await LogInAsync(client, user.Email!)).StatusCode);
        var refused = await LogInAsync(client, user.Email!);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        var page = await FormClient.ParseAsync(refused);
        Assert.Equal("Trop de tentatives", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"Il y a eu trop de tentatives depuis votre connexion ou pour ce compte en peu de temps. Veuillez patienter {seconds} secondes, puis réessayer.",
            page.Body!.TextContent);
    }

    [Fact]
    public async Task Two_factor_codes_are_limited_per_account()
    {
        app.StartAfresh();
        var user = await app.CreateUserAsync(AccountSteps.NewEmail());
        var key = await app.EnableTwoFactorAsync(user);
        using var client = app.CreateFormClient();
        var first = await LogInAsync(client, user.Email!, SummitAppFactory.Password);
        var second = first.Headers.Location!.OriginalString;
        for (var i = 0; i < RateLimitedAppFactory.AccountLimit; i++)
        {
            var page = await client.GetPageAsync(second);
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(page, "form#login-2fa", new Dictionary<string, string> { ["Input.Code"] = app.WrongTotpCode(key) })).StatusCode);
        }
        var form = await client.GetPageAsync(second);
        await AssertRefusedAsync(await client.SubmitAsync(form, "form#login-2fa", new Dictionary<string, string> { ["Input.Code"] = app.TotpCode(key) }));
        // The same account from another browser, after a fresh first step, is still refused.
        using var other = app.CreateFormClient();
        var again = await LogInAsync(other, user.Email!, SummitAppFactory.Password);
        var otherForm = await other.GetPageAsync(again.Headers.Location!.OriginalString);
        await AssertRefusedAsync(await other.SubmitAsync(otherForm, "form#login-2fa", new Dictionary<string, string> { ["Input.Code"] = app.TotpCode(key) }));
    }

    [Theory]
    [InlineData("/Account/Register", "form#register", "Input.Email")]
    [InlineData("/Account/ForgotPassword", "form#forgot-password", "Input.Email")]
    [InlineData("/Account/ResendConfirmation", "form#resend-confirmation", "Input.Email")]
    public async Task Account_e_mails_are_limited_per_address_given(string url, string form, string field)
    {
        app.StartAfresh();
        var email = AccountSteps.NewEmail();
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
    [InlineData("progress")]
    [InlineData("material")]
    [InlineData("attachment")]
    public async Task Each_limited_request_is_limited_per_client_address(string kind)
    {
        app.StartAfresh();
        using var client = app.CreateFormClient();
        async Task<HttpResponseMessage> Send()
        {
            var email = AccountSteps.NewEmail(); // a fresh account each time: only the address limit applies
            switch (kind)
            {
                case "login": return await LogInAsync(client, email);
                case "register": return await client.RegisterAsync(email);
                case "forgot": return await client.SubmitAsync(await client.GetPageAsync("/Account/ForgotPassword"), "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
                case "resend": return await client.SubmitAsync(await client.GetPageAsync("/Account/ResendConfirmation"), "form#resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = email });
                case "verify":
                    return await client.SubmitAsync(await client.GetPageAsync("/Communiques/Verify"), "form#verify-form", files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("a.pdf", "not a pdf"u8.ToArray()) });
                case "progress": return await client.GetAsync("/Reporting/Progress/1?handler=Csv");
                case "material": return await client.GetAsync("/Breakouts/Material/1");
                case "attachment": return await client.GetAsync("/Reporting/Attachment/1");
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
    public async Task Uploads_are_limited_per_signed_in_account_and_another_account_behind_the_same_address_still_uploads()
    {
        app.StartAfresh();
        using var first = await app.LoggedInClientAsync(Roles.Organiser);
        using var second = await app.LoggedInClientAsync(Roles.Organiser);
        static async Task<HttpResponseMessage> UploadAsync(FormClient client) =>
            await client.SubmitAsync(await client.GetPageAsync("/Organisations/Manage/Import"), "form#import-form",
                files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("organisations.csv", "not,the,header\n"u8.ToArray()) });
        for (var i = 0; i < RateLimitedAppFactory.AccountLimit; i++)
            Assert.Equal(HttpStatusCode.OK, (await UploadAsync(first)).StatusCode);
        await AssertRefusedAsync(await UploadAsync(first));
        // The same address (a venue's), another account: its own allowance. Opening the page is not an upload.
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/Organisations/Manage/Import")).StatusCode);

        app.Clock.Advance(RateLimitedAppFactory.Window + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(first)).StatusCode);
    }

    /// <summary>A file form added to a page without the upload limit fails here (the view's source says it has one,
    /// the compiled page's model must carry the attribute; the verification page has its own, anonymous, limit).</summary>
    [Fact]
    public void Every_page_with_a_file_form_limits_its_uploads()
    {
        var web = new DirectoryInfo(AppContext.BaseDirectory);
        while (web is not null && !File.Exists(Path.Combine(web.FullName, "WeProtect.Summit.slnx"))) web = web.Parent;
        var root = Path.Combine(web!.FullName, "WeProtect.Summit.Web");
        var withFiles = Directory.EnumerateFiles(Path.Combine(root, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("multipart/form-data", StringComparison.Ordinal))
            .Select(f => "/" + Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')).ToList();
        Assert.True(withFiles.Count >= 8, string.Join(", ", withFiles));
        var models = new Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemLoader().LoadItems(typeof(Program).Assembly)
            .ToDictionary(i => i.Identifier, i => i.Type.GetProperty("Model")?.PropertyType);
        var unlimited = withFiles.Where(view => models[view]?.GetCustomAttributes(typeof(RateLimitedAttribute), false)
            .Cast<RateLimitedAttribute>().SingleOrDefault()?.Action
            is not (RateLimitedAction.Upload or RateLimitedAction.Verify)).ToList();
        Assert.True(unlimited.Count == 0, "file forms without [RateLimited(RateLimitedAction.Upload)]: " + string.Join(", ", unlimited));
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
