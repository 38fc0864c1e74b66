namespace WeProtect.Summit.Web.Infrastructure.RateLimits;

/// <summary>The requests that are rate-limited, each with its own limits (configuration section
/// <c>RateLimits:&lt;name&gt;</c>, see <see cref="RateLimitOptions"/>).</summary>
public enum RateLimitedAction
{
    LogIn,
    TwoFactor,
    Register,
    ForgotPassword,
    ResendConfirmation,
    Verify,
    Download,
}
