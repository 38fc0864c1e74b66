using WeProtect.Summit.Data.Communiques;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>How soon work held by a node that stopped without warning (kill -9, power lost) passes to another node:
/// <list type="bullet">
/// <item><c>Jobs:InvisibilityTimeoutSeconds</c> (default 300): a job a node took from the shared Hangfire queue
/// (PostgreSQL or SQL Server storage) is hidden from the other nodes for this long. The node running it renews it
/// (a sliding timeout), so a long job is never started twice; a dead node's job is run by another within it.</item>
/// <item><c>Communiques:LeaseSeconds</c> (default 60, <see cref="Communique.LeaseLength"/>): a communiqué job's claim
/// on its row, renewed every third of it while the job runs. Once it has run out, the job run again (above) or the
/// minutely <see cref="CommuniqueSweep"/> takes the row over.</item>
/// </list>
/// Keep the invisibility timeout longer than the lease: a job run again while the dead node's lease still holds finds
/// the row taken and leaves it to the sweep (a minute later). The fault test sets both to a few seconds.</summary>
public static class JobSettings
{
    public const string InvisibilityTimeoutKey = "Jobs:InvisibilityTimeoutSeconds";
    public const string CommuniqueLeaseKey = "Communiques:LeaseSeconds";
    public const string SweepSecondsKey = "Jobs:SweepSeconds";

    public static TimeSpan InvisibilityTimeout(IConfiguration configuration) =>
        Seconds(configuration, InvisibilityTimeoutKey, TimeSpan.FromMinutes(5));

    public static TimeSpan CommuniqueLease(IConfiguration configuration) =>
        Seconds(configuration, CommuniqueLeaseKey, Communique.LeaseLength);

    public static TimeSpan CommuniqueLeaseRenewal(IConfiguration configuration) => CommuniqueLease(configuration) / 3;

    /// <summary>How often the sweeps run (<c>Jobs:SweepSeconds</c>): every minute by default, or every so many seconds
    /// for a divisor of 60 (Hangfire looks for due recurring jobs every few seconds; the two-node tests use it rather
    /// than wait up to a minute for a sweep).</summary>
    public static string SweepCron(IConfiguration configuration)
    {
        var every = (int)Seconds(configuration, SweepSecondsKey, TimeSpan.FromMinutes(1)).TotalSeconds;
        return every switch
        {
            60 => Hangfire.Cron.Minutely(),
            < 60 when 60 % every == 0 => $"*/{every} * * * * *",
            _ => throw new InvalidOperationException($"{SweepSecondsKey} is '{every}': give 60 or a divisor of 60."),
        };
    }

    /// <summary>A whole number of seconds above zero, or the default when the setting is absent; anything else stops
    /// with the setting's name rather than guessing.</summary>
    private static TimeSpan Seconds(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"{key} is '{raw}': give a whole number of seconds above zero.");
    }
}
