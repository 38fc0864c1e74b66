using WeProtect.Summit.Tests.Accounts;
using WeProtect.Summit.Tests.Signing;

namespace WeProtect.Summit.Tests.Security;

/// <summary>Personal data and secrets never reach a log line: registration, confirmation, failed and successful
/// log-ins, a reset request, two-step log-in, signing and bad input with CR/LF and terminal escapes, then every line
/// the app logged (Information and up, see <see cref="LogCollector"/>) is searched.</summary>
public class LogContentTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task No_address_name_token_secret_or_passport_number_in_any_log_line()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var name = $"Loggable Person{tag}";
        var email = $"logged-{tag}@example.org";
        var secrets = new List<string> { name, email, tag, SummitAppFactory.Password, "wrong horse battery staple" };

        // Registration, confirmation, log-in with a wrong then the right password.
        using var client = app.CreateFormClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.RegisterAsync(email, name)).StatusCode);
        var confirm = AccountSteps.LinkIn(Assert.Single(app.MailTo(email)), "/Account/ConfirmEmail");
        secrets.Add(Uri.UnescapeDataString(confirm.Split("code=")[1].Split('&')[0]));
        await client.GetPageAsync(confirm);
        await client.TryLogInAsync(email, "wrong horse battery staple");
        await client.TryLogInAsync($"unknown-{tag}@example.org\r\n\u001b[31mFAKE LINE", "x\r\ny");
        await client.LogInAsync(email, SummitAppFactory.Password);

        // A reset request for the address.
        using var anonymous = app.CreateFormClient();
        await anonymous.SubmitAsync(await anonymous.GetPageAsync("/Account/ForgotPassword"), "form#forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email });
        var reset = AccountSteps.LinkIn(app.MailTo(email).Last(), "/Account/ResetPassword");
        secrets.Add(Uri.UnescapeDataString(reset.Split("code=")[1].Split('&')[0]));

        // Two-step log-in and a signature by a signatory whose name is known.
        var (statement, _) = await app.OpenStatementAsync();
        var organisation = await app.OrganisationAsync();
        var signer = await app.CreateUserAsync($"signer-{tag}@example.org", $"Signing Person{tag}");
        secrets.AddRange([signer.Email!, signer.FullName]);
        var key = await app.EnableTwoFactorAsync(signer);
        secrets.Add(key);
        Assert.True((await app.GrantAsync(signer, organisation.Id)).Succeeded);
        using var signing = app.CreateFormClient();
        await signing.LogInWithTwoFactorAsync(app, signer.Email!, key);
        var sign = await signing.GetPageAsync(SigningData.SignUrl(statement.Id, organisation.Id));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var signed = await signing.SignAsync(sign, app.TotpCode(key, TimeSpan.FromSeconds(30)), name: $"Printed Name{tag}", position: "Minister\r\n\u001b[2J");
        Assert.True((int)signed.StatusCode < 500);

        var lines = app.Log.Lines.ToList();
        Assert.NotEmpty(lines);
        var leaks = LogLeaks.In(lines, secrets);
        Assert.True(leaks.Count == 0, LogLeaks.Describe(leaks, lines.Count));
    }

}
