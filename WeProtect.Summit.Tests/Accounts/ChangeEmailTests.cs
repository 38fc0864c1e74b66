namespace WeProtect.Summit.Tests.Accounts;

/// <summary>A user moves their account to a new address: the change waits for the link sent there (a typo or someone
/// else's address never takes the account), the old address is told both times, every session then ends and only the new
/// address logs in. Opening the link only asks (a mail scanner cannot spend it); its button moves the account. An
/// address that has an account already gets the same answer, no link, and a notice to its owner; a used, edited or
/// overtaken link changes nothing.</summary>
public class ChangeEmailTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task The_account_moves_to_the_new_address_only_when_its_link_is_opened()
    {
        var oldAddress = AccountSteps.NewEmail();
        var newAddress = AccountSteps.NewEmail();
        var user = await app.CreateUserAsync(oldAddress, "Mover Person");
        using var client = await app.LogInAsync(user);
        using var other = await app.LogInAsync(user);

        var profile = await client.GetPageAsync("/Profile");
        var form = await client.GetPageAsync(profile.QuerySelector("#change-email-link")!.GetAttribute("href")!);
        var (_, asked) = await client.SubmitAndFollowAsync(form, "form#change-email",
            new Dictionary<string, string> { ["Input.Email"] = newAddress, ["Input.Password"] = SummitAppFactory.Password });
        Assert.Contains($"We sent a link to {newAddress}.", asked.QuerySelector("[role=status]")!.TextContent);

        // Nothing moves yet: the old address still logs in; it is told what was asked.
        Assert.Equal(oldAddress, await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Email).SingleAsync()));
        Assert.Contains(newAddress, Assert.Single(app.MailTo(oldAddress), m => m.Subject == "A new e-mail address was asked for your account").TextBody);
        var confirm = Assert.Single(app.MailTo(newAddress), m => m.Subject == "Confirm your new e-mail address");
        var link = AccountSteps.LinkIn(confirm, "/Account/ConfirmEmailChange");
        Assert.True(await other.IsSignedInAsync());

        // An edited link (another address) changes nothing.
        using var anonymous = app.CreateFormClient();
        var editedLink = System.Text.RegularExpressions.Regex.Replace(link, "email=[^&]+", "email=" + Uri.EscapeDataString(AccountSteps.NewEmail()));
        Assert.NotEqual(link, editedLink);
        var edited = await anonymous.GetPageAsync(editedLink);
        Assert.NotNull(edited.QuerySelector("#email-not-changed"));

        // Opening the link (as a mail scanner does) only asks; the button moves the account.
        var ready = await anonymous.GetPageAsync(link);
        Assert.Contains(newAddress, ready.QuerySelector("#email-change-ready")!.TextContent);
        Assert.Equal(oldAddress, await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Email).SingleAsync()));
        Assert.True(await other.IsSignedInAsync());
        var (_, changed) = await anonymous.SubmitAndFollowAsync(ready, "form#confirm-email-change");
        Assert.Contains($"Your account now uses {newAddress}.", changed.QuerySelector("#email-changed")!.TextContent);
        var row = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal((newAddress, newAddress, true), (row.Email, row.UserName, row.EmailConfirmed));
        Assert.Contains(newAddress, Assert.Single(app.MailTo(oldAddress), m => m.Subject == "Your e-mail address was changed").TextBody);

        // Every session ended; only the new address logs in; the link is spent.
        Assert.False(await client.IsSignedInAsync());
        Assert.False(await other.IsSignedInAsync());
        using var fresh = app.CreateFormClient();
        Assert.NotEqual("/", (await fresh.TryLogInAsync(oldAddress, SummitAppFactory.Password)).Location());
        Assert.Equal("/", (await fresh.TryLogInAsync(newAddress, SummitAppFactory.Password)).Location());
        Assert.NotNull((await anonymous.GetPageAsync(link)).QuerySelector("#email-not-changed"));
        var (_, again) = await anonymous.SubmitAndFollowAsync(ready, "form#confirm-email-change");
        Assert.NotNull(again.QuerySelector("#email-not-changed"));
        Assert.Equal(["account.email-change-asked", "account.email-changed"], await app.WithDbAsync(db => db.AuditEvents
            .Where(e => e.SubjectId == user.Id && e.Action.StartsWith("account.email-change")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync()));
    }

    /// <summary>Confirmed in the browser that is signed in, the answer says every session ended and shows this one ended too.</summary>
    [Fact]
    public async Task Confirmed_in_the_signed_in_browser_the_answer_shows_it_signed_out()
    {
        var newAddress = AccountSteps.NewEmail();
        var user = await app.CreateUserAsync(AccountSteps.NewEmail(), "Same Browser");
        using var client = await app.LogInAsync(user);
        var form = await client.GetPageAsync("/Profile/ChangeEmail");
        await client.SubmitAndFollowAsync(form, "form#change-email",
            new Dictionary<string, string> { ["Input.Email"] = newAddress, ["Input.Password"] = SummitAppFactory.Password });
        var link = AccountSteps.LinkIn(Assert.Single(app.MailTo(newAddress), m => m.Subject == "Confirm your new e-mail address"), "/Account/ConfirmEmailChange");
        var ready = await client.GetPageAsync(link);
        Assert.NotNull(ready.QuerySelector("form[action='/Account/Logout']"));

        var (_, changed) = await client.SubmitAndFollowAsync(ready, "form#confirm-email-change");

        Assert.Contains($"Your account now uses {newAddress}.", changed.QuerySelector("#email-changed")!.TextContent);
        Assert.Null(changed.QuerySelector("form[action='/Account/Logout']"));
        Assert.False(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task A_wrong_password_the_same_address_or_a_bad_one_is_refused_and_sends_nothing()
    {
        var address = AccountSteps.NewEmail();
        var user = await app.CreateUserAsync(address, "Careful Person");
        using var client = await app.LogInAsync(user);
        var form = await client.GetPageAsync("/Profile/ChangeEmail");
        async Task<string> RefusedAsync(string email, string password, string field)
        {
            var response = await client.SubmitAsync(form, "form#change-email", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await FormClient.ParseAsync(response)).QuerySelector($"[data-valmsg-for='{field}']")!.TextContent;
        }
        var target = AccountSteps.NewEmail();
        Assert.Contains("That is not your current password.", await RefusedAsync(target, "not the password at all", "Input.Password"));
        Assert.Contains("That is already your e-mail address.", await RefusedAsync(address.ToUpperInvariant(), SummitAppFactory.Password, "Input.Email"));
        Assert.Contains("such as name@example.org", await RefusedAsync("not an address", SummitAppFactory.Password, "Input.Email"));
        Assert.Empty(app.MailTo(target));
        Assert.Empty(app.MailTo(address));
    }

    [Fact]
    public async Task An_address_with_an_account_gets_the_same_answer_no_link_and_its_owner_a_notice()
    {
        var owner = await app.CreateUserAsync(AccountSteps.NewEmail(), "Owner Person");
        var user = await app.CreateUserAsync(AccountSteps.NewEmail(), "Taker Person");
        using var client = await app.LogInAsync(user);
        var (_, asked) = await client.SubmitAndFollowAsync(await client.GetPageAsync("/Profile/ChangeEmail"), "form#change-email",
            new Dictionary<string, string> { ["Input.Email"] = owner.Email!, ["Input.Password"] = SummitAppFactory.Password });
        Assert.Contains($"We sent a link to {owner.Email}.", asked.QuerySelector("[role=status]")!.TextContent);
        var notice = Assert.Single(app.MailTo(owner.Email!));
        Assert.Equal("Someone tried to use your e-mail address", notice.Subject);
        Assert.DoesNotContain("/Account/ConfirmEmailChange", notice.TextBody);
        Assert.Empty(app.MailTo(user.Email!));

        // A link whose address was taken after it was sent changes nothing, whether it is taken before it is opened or
        // between opening it and pressing the button.
        var third = await app.CreateUserAsync(AccountSteps.NewEmail(), "Third Person");
        using var thirdClient = await app.LogInAsync(third);
        var wanted = AccountSteps.NewEmail();
        await thirdClient.SubmitAsync(await thirdClient.GetPageAsync("/Profile/ChangeEmail"), "form#change-email",
            new Dictionary<string, string> { ["Input.Email"] = wanted, ["Input.Password"] = SummitAppFactory.Password });
        var link = AccountSteps.LinkIn(Assert.Single(app.MailTo(wanted)), "/Account/ConfirmEmailChange");
        using var anonymous = app.CreateFormClient();
        var ready = await anonymous.GetPageAsync(link);
        await app.CreateUserAsync(wanted, "Quicker Person");
        var (_, pressed) = await anonymous.SubmitAndFollowAsync(ready, "form#confirm-email-change");
        Assert.Contains("used by another account", pressed.QuerySelector("#email-not-changed")!.TextContent);
        Assert.Contains("used by another account", (await anonymous.GetPageAsync(link)).QuerySelector("#email-not-changed")!.TextContent);
        Assert.Contains("used by another account", (await anonymous.GetPageAsync(link)).QuerySelector("#email-not-changed")!.TextContent);
        Assert.Equal(third.Email, await app.WithDbAsync(db => db.Users.Where(u => u.Id == third.Id).Select(u => u.Email).SingleAsync()));
    }
}
