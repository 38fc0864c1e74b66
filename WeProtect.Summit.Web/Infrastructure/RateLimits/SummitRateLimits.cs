using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace WeProtect.Summit.Web.Infrastructure.RateLimits;

/// <summary>ASP.NET Core's rate limiter over the <see cref="RateLimitedAttribute"/> pages: one chained limiter, per
/// client address and per account (the submitted e-mail address, normalised; on the two-factor pages the user the
/// first step identified; for uploads the signed-in user). Every partition is a <see cref="WindowLimiter"/> on the app's <see cref="TimeProvider"/>,
/// held by this app instance (no static state: the tests run many apps in one process). A refused request gets 429
/// with <c>Retry-After</c> and the error page in plain words.</summary>
public static class SummitRateLimits
{
    /// <summary>The per-account key of the request, worked out before the limiter (it needs the form, read
    /// asynchronously; the limiter's partitioner is synchronous).</summary>
    private const string AccountKeyItem = "summit.rate-limit.account";

    public static IServiceCollection AddSummitRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(_ => { }).AddOptions<RateLimiterOptions>().Configure<TimeProvider, IConfiguration>((o, clock, configuration) =>
        {
            var limits = Enum.GetValues<RateLimitedAction>().ToDictionary(a => a, a => RateLimitOptions.Read(configuration, a));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits, clock, account: false)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits, clock, account: true)));
            o.OnRejected = (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                // No body: the status-code pages show /Error?code=429, which reads the header.
                return ValueTask.CompletedTask;
            };
        }).Services;

    /// <summary>After routing (the page's attribute is known), before authentication.</summary>
    public static IApplicationBuilder UseSummitRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (Limited(context) is { } limited && limited.Counts(context.Request))
            {
                var key = await AccountKeyAsync(context, limited.Action);
                if (key is not null) context.Items[AccountKeyItem] = key;
            }
            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static RateLimitedAttribute? Limited(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>();

    private static RateLimitPartition<string> Partition(HttpContext context, Dictionary<RateLimitedAction, RateLimitOptions> limits, TimeProvider clock, bool account)
    {
        if (Limited(context) is not { } limited || !limited.Counts(context.Request)) return RateLimitPartition.GetNoLimiter("");
        var options = limits[limited.Action];
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (account)
        {
            if (options.AccountPermitLimit == 0 || context.Items[AccountKeyItem] is not string key) return RateLimitPartition.GetNoLimiter("");
            // Log-in attempts are counted per account from each address: a stranger who uses up an account's
            // allowance from their address cannot keep its owner out from another (the lock-out this replaced).
            // The other account forms send e-mail to the address typed, so theirs is one allowance per mailbox.
            if (limited.Action == RateLimitedAction.LogIn) key = $"{key}|{address}";
            return RateLimitPartition.Get($"{limited.Action}|account|{key}", _ => new WindowLimiter(clock, options.AccountPermitLimit, options.AccountWindow));
        }
        return RateLimitPartition.Get($"{limited.Action}|address|{address}", _ => new WindowLimiter(clock, options.PermitLimit, options.Window));
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
