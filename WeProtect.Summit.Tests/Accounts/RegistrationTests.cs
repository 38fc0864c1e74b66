using Microsoft.AspNetCore.Identity;

namespace WeProtect.Summit.Tests.Accounts;

public class RegistrationTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Registering_mails_a_link_that_confirms_and_only_then_log_in_works()
    {
        using var client = app.CreateFormClient();
        var email = AccountSteps.NewEmail();

        var registered = await client.RegisterAsync(email, "Amina Okafor");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var checkPage = await client.GetPageAsync(registered.Location());
        Assert.Contains("Check your e-mail", checkPage.QuerySelector("h1")!.TextContent);
        Assert.False(await client.IsSignedInAsync());

        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.False(user.EmailConfirmed);
        Assert.Equal("Amina Okafor", user.FullName);

        // Before confirming: the right password says "not confirmed" and does not sign in.
        var early = await client.TryLogInAsync(email, SummitAppFactory.Password);
        var earlyPage = await AccountSteps.PageOf(early);
        Assert.NotNull(earlyPage.QuerySelector("#not-confirmed"));
        Assert.NotNull(earlyPage.QuerySelector("#not-confirmed a[href^='/Account/ResendConfirmation']"));
        Assert.False(await client.IsSignedInAsync());

        // A wrong password on an unconfirmed account gives the generic answer: "unconfirmed" is not revealed.
        var wrong = await AccountSteps.PageOf(await client.TryLogInAsync(email, "not the password at all"));
        Assert.Null(wrong.QuerySelector("#not-confirmed"));
        Assert.Contains("not right", wrong.QuerySelector("form#login")!.TextContent);

        var mail = Assert.Single(app.MailTo(email));
        var link = AccountSteps.LinkIn(mail, "/Account/ConfirmEmail");
        Assert.DoesNotContain(SummitAppFactory.Password, mail.TextBody);
        var confirmed = await client.GetPageAsync(link);
        Assert.NotNull(confirmed.QuerySelector("#email-confirmed"));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));

        var login = await client.TryLogInAsync(email, SummitAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Location());
        Assert.True(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task An_account_created_from_the_log_in_page_returns_to_the_summit_registration_after_confirming()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var client = app.CreateFormClient();
        var target = $"/Registration/Register/{summit.Id}";
        var askedToLogIn = await client.GetAsync(target);
        Assert.Equal(HttpStatusCode.Redirect, askedToLogIn.StatusCode);
        var login = await client.GetPageAsync(askedToLogIn.Location());

        var registerUrl = login.QuerySelector("#create-account-link")!.GetAttribute("href")!;
        var form = await client.GetPageAsync(registerUrl);
        var email = AccountSteps.NewEmail();
        var registered = await client.SubmitAsync(form, "form#register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Returning Delegate", ["Input.Email"] = email,
            ["Input.Password"] = SummitAppFactory.Password, ["Input.ConfirmPassword"] = SummitAppFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var confirmed = await client.GetPageAsync(AccountSteps.LinkIn(Assert.Single(app.MailTo(email)), "/Account/ConfirmEmail"));
        Assert.NotNull(confirmed.QuerySelector("#email-confirmed"));

        var loggedIn = await client.TryLogInAsync(email, SummitAppFactory.Password, confirmed.QuerySelector("#confirmed-login-link")!.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        Assert.Equal(target, loggedIn.Location());
    }

    [Fact]
    public async Task The_log_in_page_reached_from_a_summits_registration_says_an_account_is_needed_and_links_to_create_one()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var client = app.CreateFormClient();
        var target = $"/Registration/Register/{summit.Id}";
        var askedToLogIn = await client.GetAsync(target);
        Assert.Equal(HttpStatusCode.Redirect, askedToLogIn.StatusCode);
        var login = await client.GetPageAsync(askedToLogIn.Location());

        var lead = login.QuerySelector("#login-to-register")!;
        Assert.Equal($"Log in or create an account to register for {summit.Name}.", lead.FirstChild!.TextContent.Trim());
        var create = lead.QuerySelector("a#login-to-register-create")!.GetAttribute("href")!;
        Assert.StartsWith("/Account/Register", create, StringComparison.Ordinal);
        Assert.Contains("returnUrl=" + Uri.EscapeDataString(target), create, StringComparison.OrdinalIgnoreCase);

        // Any other return address (or none, or a summit that does not exist) shows the plain log-in page.
        Assert.Null((await client.GetPageAsync("/Account/Login")).QuerySelector("#login-to-register"));
        Assert.Null((await client.GetPageAsync("/Account/Login?ReturnUrl=%2FProfile")).QuerySelector("#login-to-register"));
        Assert.Null((await client.GetPageAsync("/Account/Login?ReturnUrl=%2FRegistration%2FRegister%2F999999999")).QuerySelector("#login-to-register"));
    }

    [Fact]
    public async Task A_foreign_return_address_is_dropped_on_the_way_through_registration()
    {
        using var client = app.CreateFormClient();
        var form = await client.GetPageAsync("/Account/Register?returnUrl=https%3A%2F%2Fevil.example%2F");
        var email = AccountSteps.NewEmail();
        await client.SubmitAsync(form, "form#register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Careful Delegate", ["Input.Email"] = email,
            ["Input.Password"] = SummitAppFactory.Password, ["Input.ConfirmPassword"] = SummitAppFactory.Password,
        });
        Assert.DoesNotContain("evil.example", Assert.Single(app.MailTo(email)).TextBody);
    }

    [Fact]
    public async Task Registering_an_existing_address_looks_the_same_and_changes_nothing()
    {
        var owner = await app.CreateUserAsync(AccountSteps.NewEmail(), "Existing Owner");
        var passwordHashBefore = owner.PasswordHash;

        using var newcomer = app.CreateFormClient();
        var fresh = await newcomer.RegisterAsync(AccountSteps.NewEmail(), "New Person", "another long passphrase here");
        using var intruder = app.CreateFormClient();
        var taken = await intruder.RegisterAsync(owner.Email!.ToUpperInvariant(), "Mallory Intruder", "another long passphrase here");

        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal(fresh.Location(), taken.Location());
        var freshPage = await newcomer.GetPageAsync(fresh.Location());
        var takenPage = await intruder.GetPageAsync(taken.Location());
        Assert.Equal(AccountSteps.MainText(freshPage), AccountSteps.MainText(takenPage));

        // One account still, with its owner's name and password; the owner is told, without a confirmation link.
        var accounts = await app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.NormalizedEmail == owner.Email!.ToUpperInvariant()).ToListAsync());
        var account = Assert.Single(accounts);
        Assert.Equal("Existing Owner", account.FullName);
        Assert.Equal(passwordHashBefore, account.PasswordHash);
        var notice = Assert.Single(app.MailTo(owner.Email!));
        Assert.DoesNotContain("/Account/ConfirmEmail", notice.TextBody);
        using var ownerClient = app.CreateFormClient();
        await ownerClient.LogInAsync(owner.Email!, SummitAppFactory.Password);
    }

    [Fact]
    public async Task Registration_refuses_bad_input_on_the_form()
    {
        using var client = app.CreateFormClient();
        var email = AccountSteps.NewEmail();
        var cases = new[]
        {
            ("", email, SummitAppFactory.Password, SummitAppFactory.Password),
            (new string('x', 201), email, SummitAppFactory.Password, SummitAppFactory.Password),
            ("Short Password", email, "short", "short"),
            ("Mismatch", email, SummitAppFactory.Password, SummitAppFactory.Password + "!"),
            ("Bad Address", "not-an-address", SummitAppFactory.Password, SummitAppFactory.Password),
            ("Long Address", new string('a', 260) + "@example.org", SummitAppFactory.Password, SummitAppFactory.Password),
        };
        foreach (var (name, address, password, confirm) in cases)
        {
            var page = await client.GetPageAsync("/Account/Register");
            var response = await client.SubmitAsync(page, "form#register", new Dictionary<string, string>
            {
                ["Input.FullName"] = name, ["Input.Email"] = address, ["Input.Password"] = password, ["Input.ConfirmPassword"] = confirm,
            });
            var again = await AccountSteps.PageOf(response);
            Assert.NotEmpty(again.QuerySelectorAll("form#register .field-validation-error, form#register .validation-summary-errors li"));
        }
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.Empty(app.MailTo(email));
    }

    [Theory]
    [InlineData("/Account/ConfirmEmail")]
    [InlineData("/Account/ConfirmEmail?userId=nobody&code=Zm9v")]
    [InlineData("/Account/ConfirmEmail?userId=nobody&code=%25%25%25not-base64")]
    public async Task A_bad_confirmation_link_gets_a_message_not_an_error(string url)
    {
        using var client = app.CreateFormClient();
        var page = await client.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector("#email-not-confirmed"));
    }

    [Fact]
    public async Task A_tampered_confirmation_link_does_not_confirm()
    {
        using var client = app.CreateFormClient();
        var email = AccountSteps.NewEmail();
        await client.RegisterAsync(email);
        var link = AccountSteps.LinkIn(Assert.Single(app.MailTo(email)), "/Account/ConfirmEmail");
        var page = await client.GetPageAsync(link[..^4] + "AAAA");
        Assert.NotNull(page.QuerySelector("#email-not-confirmed"));
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task Resending_the_confirmation_answers_the_same_for_any_address()
    {
        using var client = app.CreateFormClient();
        var pending = AccountSteps.NewEmail();
        await client.RegisterAsync(pending);
        var confirmed = await app.CreateUserAsync();
        var unknown = AccountSteps.NewEmail();

        var locations = new List<string>();
        foreach (var address in new[] { pending, confirmed.Email!, unknown })
        {
            var page = await client.GetPageAsync("/Account/ResendConfirmation");
            var response = await client.SubmitAsync(page, "form#resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = address });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            locations.Add(response.Location());
        }
        Assert.Single(locations.Distinct());
        Assert.Equal(2, app.MailTo(pending).Count);
        Assert.Empty(app.MailTo(confirmed.Email!));
        Assert.Empty(app.MailTo(unknown));

        // The newest link works.
        var link = AccountSteps.LinkIn(app.MailTo(pending)[^1], "/Account/ConfirmEmail");
        Assert.NotNull((await client.GetPageAsync(link)).QuerySelector("#email-confirmed"));
    }
}
