using System.Threading.RateLimiting;

namespace WeProtect.Summit.Web.Infrastructure.RateLimits;

/// <summary>A fixed-window limiter that reads time from <see cref="TimeProvider"/> (the framework's
/// <see cref="FixedWindowRateLimiter"/> reads the system clock, which a test cannot move). No queue: a request over
/// the limit is refused at once, with the time until the window ends as <see cref="MetadataName.RetryAfter"/>.</summary>
public sealed class WindowLimiter(TimeProvider clock, int permitLimit, TimeSpan window) : RateLimiter
{
    private readonly Lock gate = new();
    private DateTimeOffset windowEnd = DateTimeOffset.MinValue;
    private int used;
    private long refused;
    private long granted;

    /// <summary>Idle once its window has passed: the partitioned limiter may then drop it (nothing is lost).</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                var now = clock.GetUtcNow();
                return now >= windowEnd ? now - (windowEnd == DateTimeOffset.MinValue ? now : windowEnd) : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (gate)
            return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, permitLimit - used), TotalFailedLeases = refused, TotalSuccessfulLeases = granted };
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (now >= windowEnd)
            {
                windowEnd = now + window;
                used = 0;
            }
            if (used + permitCount <= permitLimit)
            {
                used += permitCount;
                granted++;
                return Lease.Granted;
            }
            refused++;
            return new Lease(false, windowEnd - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
