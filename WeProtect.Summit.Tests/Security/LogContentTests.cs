using System.Net;
using System.Text.RegularExpressions;
using WeProtect.Summit.Tests.Accounts;
using WeProtect.Summit.Tests.Signing;
using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Security;

/// <summary>Personal data and secrets never reach a log line: registration, confirmation, failed and successful
/// log-ins, a reset request, two-step log-in, signing and bad input with CR/LF and terminal escapes, then every line
/// the app logged (Information and up, see <see cref="LogCollector"/>) is searched.</summary>
public partial class LogContentTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
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
        var confirm = AccountTestKit.LinkIn(Assert.Single(app.MailTo(email)), "/Account/ConfirmEmail");
        secrets.Add(Uri.UnescapeDataString(confirm.Split("code=")[1].Split('&')[0]));
        await client.GetPageAsync(confirm);
        await client.TryLogInAsync(email, "wrong horse battery staple");
        await client.TryLogInAsync($"unknown-{tag}@example.org\r\n\u001b[31mFAKE LINE", "x\r\ny");
        await client.LogInAsync(email, SummitAppFactory.Password);

        // A reset request for the address.
        using var anonymous = app.CreateFormClient();
        await anonymous.SubmitAsync(await anonymous.GetPageAsync("/Account/ForgotPassword"), "form#forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email });
        var reset = AccountTestKit.LinkIn(app.MailTo(email).Last(), "/Account/ResetPassword");
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
        await signing.LogInWithTwoFactorAsync(signer.Email!, key);
        var sign = await signing.GetPageAsync(SigningTestData.SignUrl(statement.Id, organisation.Id));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var signed = await signing.SignAsync(sign, TwoFactor.TotpCode(key, DateTime.UtcNow.AddSeconds(30)), name: $"Printed Name{tag}", position: "Minister\r\n\u001b[2J");
        Assert.True((int)signed.StatusCode < 500);

        var lines = app.Log.Lines.ToList();
        Assert.NotEmpty(lines);
        var leaks = lines.Where(line => secrets.Any(s => line.Contains(s, StringComparison.OrdinalIgnoreCase))
            || EmailPattern().IsMatch(line) || PassportPattern().IsMatch(line) || line.Contains('\u001b') || line.Contains("FAKE LINE")).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} of {lines.Count} log lines carry personal data or escapes:\n" + string.Join("\n", leaks.Take(20)));
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+")]
    private static partial Regex EmailPattern();

    /// <summary>A passport-like number: one or two capitals then 6 to 9 digits.</summary>
    [GeneratedRegex(@"\b[A-Z]{1,2}\d{6,9}\b")]
    private static partial Regex PassportPattern();
}
