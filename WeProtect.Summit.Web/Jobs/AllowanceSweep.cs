using WeProtect.Summit.Data.Throttling;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Every hour: forgets the per-account rate-limit windows that ended more than an hour ago (they count
/// nothing any more, and their keys are hashes of e-mail addresses, kept no longer than needed).</summary>
public sealed class AllowanceSweep(AllowanceLedger ledger, TimeProvider clock)
{
    public const string RecurringJobId = "allowance-sweep";

    public Task<int> RunAsync(CancellationToken ct) => ledger.ForgetEndedAsync(clock.GetUtcNow().UtcDateTime.AddHours(-1), ct);
}
