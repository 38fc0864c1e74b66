using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>Absolute links for account e-mails: always from <see cref="PublicLinks"/> (the configured
/// <c>PublicBaseUrl</c>), never from the request's Host header, which a client can forge to have a victim mailed a
/// reset link to the attacker's site.</summary>
public static class AccountLinks
{
    /// <summary>Configuration key of the public address (e.g. https://summit.example.org). Required in production
    /// (<see cref="Infrastructure.ProductionSettings"/>).</summary>
    public const string PublicBaseUrlKey = "PublicBaseUrl";

    public static string Absolute(HttpRequest request, IConfiguration configuration, string relativeUrl) =>
        request.HttpContext.RequestServices.GetRequiredService<Infrastructure.PublicLinks>().Absolute(relativeUrl);
}
