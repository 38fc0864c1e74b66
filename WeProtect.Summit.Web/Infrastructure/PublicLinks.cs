using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>Absolute links for messages (account e-mails, notifications, calendar feeds): the configured
/// <c>PublicBaseUrl</c>, else (Development, where production settings are not required) the address the server
/// listens on. Never the request's Host header.</summary>
public sealed class PublicLinks(IConfiguration configuration, IServer server)
{
    public const string DefaultOrigin = "http://localhost:5080";

    public string Origin
    {
        get
        {
            var configured = configuration[Accounts.AccountLinks.PublicBaseUrlKey];
            var origin = !string.IsNullOrWhiteSpace(configured) ? configured
                : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? DefaultOrigin;
            origin = origin.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost");
            return origin.TrimEnd('/');
        }
    }

    public string Absolute(string path) => Origin + path;

    /// <summary>The same address for calendar apps' subscriptions (<c>webcal://</c>, fetched over the origin's scheme).</summary>
    public string Webcal(string path) => "webcal://" + Absolute(path).Split("://", 2)[1];
}
