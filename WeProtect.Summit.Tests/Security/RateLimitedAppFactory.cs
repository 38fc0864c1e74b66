using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using System.Net;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Tests.Security;

/// <summary>The app with tight rate limits (<see cref="AddressLimit"/> per address for every action,
/// <see cref="AccountLimit"/> per account) set through configuration, on the factory's clock (<see cref="SummitAppFactory.Clock"/>), which the tests move.</summary>
public sealed class RateLimitedAppFactory : SummitAppFactory
{
    public const int AddressLimit = 10;
    public const int AccountLimit = 3;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>The request header a test sets to come from another client address (the test server has none).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>Every window of the previous test has passed.</summary>
    public void StartAfresh() => Clock.Advance(TimeSpan.FromHours(1));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var action in Enum.GetNames<RateLimitedAction>())
        {
            builder.UseSetting($"RateLimits:{action}:PermitLimit", AddressLimit.ToString());
            builder.UseSetting($"RateLimits:{action}:Window", Window.ToString());
            builder.UseSetting($"RateLimits:{action}:AccountWindow", Window.ToString());
        }
        foreach (var action in new[] { RateLimitedAction.LogIn, RateLimitedAction.TwoFactor, RateLimitedAction.Register, RateLimitedAction.ForgotPassword, RateLimitedAction.ResendConfirmation, RateLimitedAction.Upload })
            builder.UseSetting($"RateLimits:{action}:AccountPermitLimit", AccountLimit.ToString());
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ClientAddressFilter()));
    }

    /// <summary>A client that comes from <paramref name="address"/>.</summary>
    public FormClient CreateFormClientFrom(string address)
    {
        var client = CreateFormClient();
        client.Http.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address)) context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}
