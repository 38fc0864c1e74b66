using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Tests.Accounts;

/// <summary>A session ends after 8 idle hours and, however busy, 12 hours after its log-in; a new log-in starts a new
/// 12 hours. The sign-in cookie's clock is moved here (<see cref="SessionClockAppFactory.CookieClock"/>).</summary>
public class SessionLifetimeTests(SessionLifetimeTests.SessionClockAppFactory app) : IClassFixture<SessionLifetimeTests.SessionClockAppFactory>
{
    /// <summary>The app with the sign-in cookie on a clock of its own, which the tests move.</summary>
    public sealed class SessionClockAppFactory : SummitAppFactory
    {
        public FakeTimeProvider CookieClock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.PostConfigure<CookieAuthenticationOptions>(
                IdentityConstants.ApplicationScheme, o => o.TimeProvider = CookieClock));
        }
    }

    [Fact]
    public async Task A_busy_session_ends_twelve_hours_after_its_log_in_and_an_idle_one_after_eight()
    {
        var user = await app.CreateUserAsync(null, "Busy Person");
        using var busy = await app.LogInAsync(user);
        // Used every four hours (each use slides the cookie on): still signed in at 11 hours…
        foreach (var step in new[] { 0, 4, 4, 3 })
        {
            app.CookieClock.Advance(TimeSpan.FromHours(step));
            Assert.True(await busy.IsSignedInAsync(), $"signed out {step} hours after the last use");
        }
        // …and not at 12, however recently used.
        app.CookieClock.Advance(TimeSpan.FromHours(1));
        Assert.False(await busy.IsSignedInAsync());

        // A new log-in starts a new 12 hours; left alone for 8 hours, it ends too.
        await busy.LogInAsync(user.Email!, SummitAppFactory.Password);
        Assert.True(await busy.IsSignedInAsync());
        app.CookieClock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        Assert.False(await busy.IsSignedInAsync());
    }

    [Theory]
    [InlineData(null, 12)]
    [InlineData("8", 8)]
    public void The_limit_is_twelve_hours_unless_configured(string? setting, int hours)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [SessionLifetime.SettingKey] = setting }).Build();
        Assert.Null(SessionLifetime.Refusal(configuration));
        Assert.Equal(TimeSpan.FromHours(hours), SessionLifetime.FromConfiguration(configuration).Limit);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("25")]
    [InlineData("twelve")]
    public void A_limit_that_is_not_1_to_24_hours_stops_the_app(string setting)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [SessionLifetime.SettingKey] = setting }).Build();
        Assert.Equal("Accounts:SessionHours must be a whole number of hours from 1 to 24.", SessionLifetime.Refusal(configuration));
    }
}
