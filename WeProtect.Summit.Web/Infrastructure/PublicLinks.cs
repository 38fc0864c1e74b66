using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>Absolute links for messages written outside a request (background jobs): the configured
/// <c>PublicBaseUrl</c>, else the address the server listens on.</summary>
public sealed class PublicLinks(IConfiguration configuration, IServer server)
{
    public string Absolute(string path)
    {
        var configured = configuration["PublicBaseUrl"];
        var origin = !string.IsNullOrWhiteSpace(configured) ? configured
            : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080";
        origin = origin.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost");
        return origin.TrimEnd('/') + path;
    }
}
