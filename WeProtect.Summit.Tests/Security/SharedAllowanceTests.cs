using Microsoft.AspNetCore.Mvc.Testing;
using WeProtect.Summit.Tests.Accounts;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Tests.Security;

/// <summary>An account's allowance (log-ins, password-reset e-mails) is one for every web node sharing the database:
/// two apps on one database (the second made with <c>WithWebHostBuilder</c>, which shares it) count against the
/// same allowance, one after the other and all at once. With a count per node, a stranger would get the allowance
/// once per node. Again on PostgreSQL in <see cref="SharedAllowanceOnPostgresTests"/>.</summary>
public class SharedAllowanceTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static readonly RateLimitOptions LogIn = RateLimitOptions.Defaults(RateLimitedAction.LogIn);
    private static readonly RateLimitOptions Reset = RateLimitOptions.Defaults(RateLimitedAction.ForgotPassword);

    private FormClient SecondNodeClient() =>
        new(app.WithWebHostBuilder(_ => { }).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    [Fact]
    public async Task Wrong_passwords_tried_on_two_nodes_use_up_one_allowance_and_the_right_one_then_waits_on_both()
    {
        var user = await app.CreateUserAsync(AccountSteps.NewEmail());
        using var first = app.CreateFormClient();
        using var second = SecondNodeClient();
        for (var i = 0; i < LogIn.AccountPermitLimit; i++)
            Assert.Equal(HttpStatusCode.OK, (await (i % 2 == 0 ? first : second).TryLogInAsync(user.Email!, "not the password at all")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.TryLogInAsync(user.Email!, SummitAppFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await second.TryLogInAsync(user.Email!, SummitAppFactory.Password)).StatusCode);

        app.Clock.Advance(LogIn.AccountWindow + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await second.TryLogInAsync(user.Email!, SummitAppFactory.Password)).StatusCode);
    }

    [Fact]
    public async Task Reset_requests_for_one_mailbox_sent_to_two_nodes_at_once_get_exactly_the_allowance()
    {
        var email = AccountSteps.NewEmail();
        await app.CreateUserAsync(email);
        var attempts = Reset.AccountPermitLimit * 3;
        var clients = Enumerable.Range(0, attempts).Select(i => i % 2 == 0 ? app.CreateFormClient() : SecondNodeClient()).ToList();
        try
        {
            // Each client has its form (and antiforgery token) first, so that the posts themselves go out together.
            var forms = await Task.WhenAll(clients.Select(c => c.GetPageAsync("/Account/ForgotPassword")));
            var answers = await Task.WhenAll(clients.Select((c, i) =>
                c.SubmitAsync(forms[i], "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = email })));

            Assert.Equal(Reset.AccountPermitLimit, answers.Count(a => a.StatusCode != HttpStatusCode.TooManyRequests));
            Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, $"{(int)a.StatusCode}"));
            Assert.Equal(attempts - Reset.AccountPermitLimit, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }

    [Fact]
    public async Task The_database_keeps_no_address_and_the_sweep_forgets_ended_windows()
    {
        var email = AccountSteps.NewEmail();
        await app.CreateUserAsync(email);
        using var client = app.CreateFormClient();
        await client.SubmitAsync(await client.GetPageAsync("/Account/ForgotPassword"), "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        var keys = await app.WithDbAsync(db => db.Allowances.Select(a => a.Key).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Matches("^[0-9A-F]{64}$", k));
        Assert.DoesNotContain(keys, k => k.Contains(email, StringComparison.OrdinalIgnoreCase));

        app.Clock.Advance(Reset.AccountWindow + TimeSpan.FromHours(2));
        using (var scope = app.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<WeProtect.Summit.Web.Jobs.AllowanceSweep>().RunAsync(CancellationToken.None) > 0);
        Assert.Equal(0, await app.WithDbAsync(db => db.Allowances.CountAsync(a => a.WindowEndsUtc < app.UtcNow.AddHours(-1))));
    }
}
