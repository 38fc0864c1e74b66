using System.Diagnostics;
using System.Text.RegularExpressions;
using WeProtect.Summit.Tests.Accounts;

namespace WeProtect.Summit.Tests.Security;

/// <summary>Every e-mailed link and calendar address is built from PublicBaseUrl, never from the request's Host header; a production
/// server without PublicBaseUrl and real AllowedHosts refuses to start.</summary>
public sealed partial class PublicLinkTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private const string ForgedHost = "evil.example";

    private static IReadOnlyList<string> Links(MimeKit.MimeMessage message) =>
        AnyLink().Matches(message.TextBody ?? "").Select(m => m.Value).ToList();

    private static void AssertLinksArePublic(MimeKit.MimeMessage message, string expectedPath)
    {
        var links = Links(message);
        Assert.Contains(links, l => l.StartsWith(SummitAppFactory.PublicBaseUrl + expectedPath, StringComparison.Ordinal));
        Assert.All(links, l => Assert.StartsWith(SummitAppFactory.PublicBaseUrl + "/", l));
        Assert.DoesNotContain(ForgedHost, message.TextBody ?? "");
        Assert.DoesNotContain(ForgedHost, message.HtmlBody ?? "");
    }

    /// <summary>A client whose every request carries a forged Host header (the test server answers any host).</summary>
    private FormClient ForgedHostClient()
    {
        var client = app.CreateFormClient();
        client.Http.DefaultRequestHeaders.Host = ForgedHost;
        return client;
    }

    [Fact]
    public async Task A_forged_host_on_forgotten_password_does_not_reach_the_reset_link()
    {
        var user = await app.CreateUserAsync();
        using var client = ForgedHostClient();
        var page = await client.GetPageAsync("/Account/ForgotPassword");
        await client.SubmitAsync(page, "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email! });
        AssertLinksArePublic(Assert.Single(app.MailTo(user.Email!)), "/Account/ResetPassword?code=");
    }

    [Fact]
    public async Task A_forged_host_on_registration_and_resent_confirmation_does_not_reach_the_confirmation_link()
    {
        var email = AccountSteps.NewEmail();
        using var client = ForgedHostClient();
        await client.RegisterAsync(email);
        AssertLinksArePublic(Assert.Single(app.MailTo(email)), "/Account/ConfirmEmail?");

        var page = await client.GetPageAsync("/Account/ResendConfirmation");
        await client.SubmitAsync(page, "form#resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = email });
        var mail = app.MailTo(email);
        Assert.Equal(2, mail.Count);
        AssertLinksArePublic(mail[1], "/Account/ConfirmEmail?");
    }

    [Fact]
    public async Task A_forged_host_does_not_reach_the_calendar_addresses_on_the_page_or_in_the_feed()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit);
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id);
        Assert.True((await app.BookAsync(breakout.Id, user)).Succeeded);
        using var client = ForgedHostClient();
        await client.LogInAsync(user.Email!, SummitAppFactory.Password);
        var page = await client.GetPageAsync($"/Registration/Details/{registration.Id}");
        var feed = page.QuerySelector("#calendar-https")!.GetAttribute("value")!;
        Assert.StartsWith(SummitAppFactory.PublicBaseUrl + "/calendar/", feed);
        Assert.StartsWith("webcal://" + new Uri(SummitAppFactory.PublicBaseUrl).Authority + "/calendar/", page.GetElementById("calendar-webcal")!.GetAttribute("href")!);

        var ics = await (await client.GetAsync(new Uri(feed).PathAndQuery)).Content.ReadAsStringAsync();
        Assert.Contains("URL:" + SummitAppFactory.PublicBaseUrl + "/Breakouts/Session/" + breakout.Id, ics);
        Assert.DoesNotContain(ForgedHost, ics);
        Assert.DoesNotContain(ForgedHost, await (await client.GetAsync($"/Breakouts/Agenda/{summit.Id}.ics")).Content.ReadAsStringAsync());
    }

    [Fact]
    public void Production_without_PublicBaseUrl_and_AllowedHosts_refuses_to_start_with_a_message()
    {
        var (exitCode, errors) = RunProduction(new Dictionary<string, string> { ["AllowedHosts"] = "*" });
        Assert.NotEqual(0, exitCode);
        Assert.Contains("PublicBaseUrl is not set", errors);
        Assert.Contains("AllowedHosts must list the real host names", errors);
        Assert.DoesNotContain("   at ", errors); // a message, not a stack trace

        var (_, onlyHosts) = RunProduction(new Dictionary<string, string> { ["PublicBaseUrl"] = "https://summit.example.org", ["AllowedHosts"] = "*" });
        Assert.DoesNotContain("PublicBaseUrl is not set", onlyHosts);
        Assert.Contains("AllowedHosts must list the real host names", onlyHosts);
    }

    /// <summary>Starts the built app (the same assembly the tests load) as a process in Production and waits for
    /// it to stop: with the settings missing it stops at once.</summary>
    private static (int ExitCode, string Errors) RunProduction(Dictionary<string, string> settings)
    {
        var dll = typeof(Program).Assembly.Location;
        var data = Path.Combine(Path.GetTempPath(), "weprotect-summit-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__DataFolder"] = data;
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The app started in Production without its required settings.");
        }
        try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return (process.ExitCode, errors.Result);
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex AnyLink();
}
