using Microsoft.Extensions.Options;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>How many PBKDF2 rounds a password hash costs (<c>Accounts:PasswordHashIterations</c>; Identity's 100,000 by
/// default, OWASP now advises 600,000). The count is stored in each hash: hashes made with another count are still
/// read, and rewritten with this one at the next log-in. Production refuses fewer than the default; tests use fewer so
/// that thousands of log-ins do not spend minutes of CPU on hashing.</summary>
public sealed class PasswordHashing(IOptions<PasswordHasherOptions> options)
{
    public const string IterationsKey = "Accounts:PasswordHashIterations";
    public const int DefaultIterations = 100_000;
    private const int Least = 1_000;

    /// <summary>The configured count; the default when none is set or it is not valid (start-up refuses that first).</summary>
    public static int Iterations(IConfiguration configuration) => Parse(configuration[IterationsKey]) ?? DefaultIterations;

    /// <summary>Null when the setting is fine, else the message that stops the app at start-up.</summary>
    public static string? Refusal(IConfiguration configuration, IHostEnvironment environment)
    {
        var text = configuration[IterationsKey];
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Parse(text) is not { } count)
            return $"{IterationsKey} must be a whole number of at least {Least:N0} (default {DefaultIterations:N0}).";
        return environment.IsProduction() && count < DefaultIterations
            ? $"{IterationsKey} is {count:N0}: a production server hashes passwords with at least {DefaultIterations:N0} rounds."
            : null;
    }

    /// <summary>A hash of nothing anyone types, made with the configured count: checking a password against it for an
    /// unknown address takes as long as for a real account, so the timing does not tell which addresses have one.</summary>
    public string TimingDummyHash => dummy.Value;

    private readonly Lazy<string> dummy = new(() =>
        new PasswordHasher<SummitUser>(options).HashPassword(new SummitUser(), "not a real password, for timing only"));

    private static int? Parse(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= Least ? count : null;
}
