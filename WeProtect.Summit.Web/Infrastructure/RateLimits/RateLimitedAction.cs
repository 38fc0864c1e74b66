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
    /// <summary>Every request to an invitation link (open, accept, ask for a fresh link): a wrong or expired token
    /// cannot be tried over and over. A real focal point opens their link a handful of times.</summary>
    InvitationLink,
    /// <summary>Every request to a summit's registration page that carries a nomination link's token
    /// (<c>?nomination=</c>): as for invitation links, a token cannot be tried over and over.</summary>
    NominationLink,
    /// <summary>A file sent to a signed-in page (a photo, a report's attachment, a Word draft, a CSV, a breakout's
    /// material): each is read, checked and stored, some re-encoded. Counted per account as well as per address, since
    /// a venue's delegates share one address.</summary>
    Upload,
}
