using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using WeProtect.Summit.Data.Throttling;

namespace WeProtect.Summit.Web.Infrastructure.RateLimits;

/// <summary>The limits over the <see cref="RateLimitedAttribute"/> pages, per client address and then per account (the
/// submitted e-mail address, normalised; on the two-factor pages the user the first step identified; for uploads the
/// signed-in user). Per address: ASP.NET Core's rate limiter, a <see cref="WindowLimiter"/> per partition on the app's
/// <see cref="TimeProvider"/>, held by this app instance (no static state: the tests run many apps in one process) —
/// volume, which a proxy in front may limit too. Per account: the <see cref="AllowanceLedger"/> in the database, so
/// that several web nodes share one allowance (the limits that protect an account and a mailbox). A refused request
/// gets 429 with <c>Retry-After</c> and the error page in plain words.</summary>
public static class SummitRateLimits
{
    public static IServiceCollection AddSummitRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(_ => { }).AddOptions<RateLimiterOptions>().Configure<TimeProvider, IConfiguration>((o, clock, configuration) =>
        {
            var limits = Limits(configuration);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => AddressPartition(context, limits, clock));
            o.OnRejected = (rejected, _) =>
            {
                Refuse(rejected.HttpContext, rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1));
                return ValueTask.CompletedTask;
            };
        }).Services;

    /// <summary>After routing (the page's attribute is known), before authentication.</summary>
    public static IApplicationBuilder UseSummitRateLimits(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        var limits = Limits(app.ApplicationServices.GetRequiredService<IConfiguration>());
        // The account's allowance after the address's: a request the address limit refused takes nothing from it.
        app.Use(async (context, next) =>
        {
            if (Limited(context) is { } limited && limited.Counts(context.Request)
                && limits[limited.Action] is { AccountPermitLimit: > 0 } options
                && await AccountKeyAsync(context, limited.Action) is { } key)
            {
                // Log-in attempts are counted per account from each address: a stranger who uses up an account's
                // allowance from their address cannot keep its owner out from another (the lock-out this replaced).
                // The other account forms send e-mail to the address typed, so theirs is one allowance per mailbox.
                if (limited.Action == RateLimitedAction.LogIn) key = $"{key}|{Address(context)}";
                var ledger = context.RequestServices.GetRequiredService<AllowanceLedger>();
                if (await ledger.TakeAsync($"{limited.Action}|account|{key}", options.AccountPermitLimit, options.AccountWindow, context.RequestAborted) is { } wait)
                {
                    Refuse(context, wait);
                    return;
                }
            }
            await next(context);
        });
        return app;
    }

    /// <summary>429 with the seconds to wait. No body: the status-code pages show /Error?code=429, which reads the header.</summary>
    private static void Refuse(HttpContext context, TimeSpan wait)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static Dictionary<RateLimitedAction, RateLimitOptions> Limits(IConfiguration configuration) =>
        Enum.GetValues<RateLimitedAction>().ToDictionary(a => a, a => RateLimitOptions.Read(configuration, a));

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitedAttribute? Limited(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>();

    private static RateLimitPartition<string> AddressPartition(HttpContext context, Dictionary<RateLimitedAction, RateLimitOptions> limits, TimeProvider clock)
    {
        if (Limited(context) is not { } limited || !limited.Counts(context.Request)) return RateLimitPartition.GetNoLimiter("");
        var options = limits[limited.Action];
        return RateLimitPartition.Get($"{limited.Action}|address|{Address(context)}", _ => new WindowLimiter(clock, options.PermitLimit, options.Window));
    }

    private static async Task<string?> AccountKeyAsync(HttpContext context, RateLimitedAction action)
    {
        switch (action)
        {
            case RateLimitedAction.LogIn or RateLimitedAction.Register or RateLimitedAction.ForgotPassword or RateLimitedAction.ResendConfirmation:
                if (!context.Request.HasFormContentType) return null;
                try
                {
                    // Read once here; model binding and antiforgery use the same parsed form.
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    return NormaliseEmail(form["Input.Email"].ToString());
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
                {
                    return null; // a malformed body: the page answers it
                }
            case RateLimitedAction.TwoFactor:
                var first = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
                return first.Principal?.FindFirstValue(ClaimTypes.Name);
            case RateLimitedAction.Upload:
                // The limiter runs before authentication (an address is refused before any work): read the cookie here.
                var signedIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
                return signedIn.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
            default:
                return null;
        }
    }

    /// <summary>The address as Identity compares it, so that case and spaces do not give a fresh allowance.</summary>
    public static string? NormaliseEmail(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        return (trimmed.Length > 320 ? trimmed[..320] : trimmed).ToUpperInvariant();
    }
}
