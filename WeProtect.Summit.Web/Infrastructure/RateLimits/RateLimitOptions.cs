namespace WeProtect.Summit.Web.Infrastructure.RateLimits;

/// <summary>The limits of one <see cref="RateLimitedAction"/>: at most <see cref="PermitLimit"/> requests per client
/// address in each <see cref="Window"/>, and (account forms) at most <see cref="AccountPermitLimit"/> per account in
/// each <see cref="AccountWindow"/>. The defaults are in <see cref="Defaults"/> and the README ("Rate limits").</summary>
public sealed class RateLimitOptions
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }
    /// <summary>Zero: the action has no per-account limit.</summary>
    public int AccountPermitLimit { get; set; }
    public TimeSpan AccountWindow { get; set; }

    public static RateLimitOptions Defaults(RateLimitedAction action) => action switch
    {
        // Registration per account: a person may get the form wrong a few times; still at most ten e-mails an hour
        // to one mailbox. Generous per address (a summit venue puts many delegates behind one address), tight per account.
        RateLimitedAction.LogIn => new() { PermitLimit = 100, Window = TimeSpan.FromMinutes(1), AccountPermitLimit = 10, AccountWindow = TimeSpan.FromMinutes(15) },
        RateLimitedAction.TwoFactor => new() { PermitLimit = 100, Window = TimeSpan.FromMinutes(1), AccountPermitLimit = 10, AccountWindow = TimeSpan.FromMinutes(15) },
        RateLimitedAction.Register => new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(10), AccountPermitLimit = 10, AccountWindow = TimeSpan.FromHours(1) },
        RateLimitedAction.ForgotPassword => new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(10), AccountPermitLimit = 5, AccountWindow = TimeSpan.FromHours(1) },
        RateLimitedAction.ResendConfirmation => new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(10), AccountPermitLimit = 5, AccountWindow = TimeSpan.FromHours(1) },
        RateLimitedAction.Verify => new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) },
        RateLimitedAction.Download => new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) },
        // Tokens are 256-bit and unguessable; the limit is against scripted probing and e-mail floods (fresh links).
        RateLimitedAction.InvitationLink => new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(10) },
        // A nominee opens their link a few times; a delegation's office may share one address, hence more than above.
        RateLimitedAction.NominationLink => new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(10) },
        // Room for an organiser putting up a morning's breakout materials; a venue's delegates sending their photos at once.
        RateLimitedAction.Upload => new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(10), AccountPermitLimit = 60, AccountWindow = TimeSpan.FromMinutes(10) },
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The defaults, overridden by whatever <c>RateLimits:&lt;action&gt;</c> sets.</summary>
    public static RateLimitOptions Read(IConfiguration configuration, RateLimitedAction action)
    {
        var options = Defaults(action);
        configuration.GetSection($"RateLimits:{action}").Bind(options);
        if (options.PermitLimit < 1 || options.Window <= TimeSpan.Zero || options.AccountPermitLimit < 0
            || (options.AccountPermitLimit > 0 && options.AccountWindow <= TimeSpan.Zero))
            throw new InvalidOperationException($"RateLimits:{action}: PermitLimit must be at least 1 and windows longer than zero.");
        return options;
    }
}
