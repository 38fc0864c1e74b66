using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace WeProtect.Summit.Tests.Security;

/// <summary>The app in the Production environment with the settings production requires, behind a proxy at
/// <see cref="ProxyAddress"/> (every request appears to come from it).</summary>
public sealed class ProductionLikeAppFactory : SummitAppFactory
{
    public const string Host = "summit.example.org";
    public const string ProxyAddress = "10.1.2.3";

    /// <summary>Where requests appear to come from; a test may change it to play a client that is not the proxy.</summary>
    public IPAddress RemoteAddress { get; set; } = IPAddress.Parse(ProxyAddress);

    /// <summary>A production server's first start: its own migrations and key-encryption certificate.</summary>
    protected override bool StartsFromTemplate => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("PublicBaseUrl", "https://" + Host);
        builder.UseSetting("AllowedHosts", Host);
        builder.UseSetting("ForwardedHeaders:KnownProxies", ProxyAddress);
        // Production refuses the suite's cheaper password hashing; these tests log in a few times only.
        builder.UseSetting(WeProtect.Summit.Web.Accounts.PasswordHashing.IterationsKey,
            WeProtect.Summit.Web.Accounts.PasswordHashing.DefaultIterations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(this)));
    }

    private sealed class RemoteAddressFilter(ProductionLikeAppFactory factory) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) => { context.Connection.RemoteIpAddress = factory.RemoteAddress; return following(context); });
            next(app);
        };
    }
}
