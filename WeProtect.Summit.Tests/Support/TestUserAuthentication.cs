using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeProtect.Summit.Data.Accounts;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Signs a request in as the user named by the <see cref="Header"/> request header, without the log-in
/// page: the user is read from the database and given the claims the app's own claims factory gives at log-in
/// (roles, full name). Requests without the header are authenticated by the app's cookie as before.</summary>
public static class TestUserAuthentication
{
    public const string Header = "X-Test-User";
    public const string Scheme = "TestUser";
    private const string Selector = "TestUserOrCookie";

    public static void AddTestUserAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, Handler>(Scheme, null)
            .AddPolicyScheme(Selector, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(Header) ? Scheme : IdentityConstants.ApplicationScheme);
        // Identity made its cookie the default; route the defaults through the selector instead.
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = Selector;
            o.DefaultAuthenticateScheme = Selector;
            o.DefaultChallengeScheme = Selector;
            o.DefaultForbidScheme = Selector;
        });
    }

    private sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        UserManager<SummitUser> users, IUserClaimsPrincipalFactory<SummitUser> claims)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var userId = Request.Headers[Header].ToString();
            if (string.IsNullOrEmpty(userId)) return AuthenticateResult.NoResult();
            var user = await users.FindByIdAsync(userId);
            if (user is null) return AuthenticateResult.Fail($"No user {userId}");
            var principal = await claims.CreateAsync(user);
            return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
        }
    }
}
