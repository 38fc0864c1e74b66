using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>Behind a TLS-terminating proxy: which proxies are believed about the client's address and scheme
/// (<c>ForwardedHeaders:KnownProxies</c>, <c>ForwardedHeaders:KnownNetworks</c>; loopback always), Secure cookies
/// and HSTS. Without a known proxy, X-Forwarded-* headers are ignored, so a client cannot claim HTTPS or another
/// address.</summary>
public static class TransportSecurity
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";
    /// <summary><c>Always</c> (the default outside Development and Testing) or <c>SameAsRequest</c> (e.g. a
    /// benchmark over plain HTTP on the loopback).</summary>
    public const string CookieSecurePolicyKey = "Cookies:SecurePolicy";

    public static void AddTransportSecurity(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in Values(configuration, KnownProxiesKey)) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in Values(configuration, KnownNetworksKey)) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            // No X-Forwarded-Host: the Host header stays the one AllowedHosts checked.
        });
        var development = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        var policy = configuration[CookieSecurePolicyKey] is { Length: > 0 } configured
            ? Enum.Parse<CookieSecurePolicy>(configured, ignoreCase: true)
            : development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = policy;
            o.HttpOnly = HttpOnlyPolicy.None; // each cookie says so itself (the auth cookie is HttpOnly)
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
    }

    /// <summary>First in the pipeline: everything after it sees the client's scheme and address.</summary>
    public static void UseForwardedClient(this WebApplication app) => app.UseForwardedHeaders();

    /// <summary>A list given either as a configuration array or as one value separated by ';' or ','.</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (section.Value is { } single) values.Add(single);
        return values.SelectMany(v => v.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
