namespace WeProtect.Summit.Data.Retention;

/// <summary>What organisers see of a summit's retention: the last day its personal data is kept, when the erasure
/// is due, whether it has run, and each kind of data with the number of rows still holding it.</summary>
public sealed record RetentionPlan(Summits.Summit Summit, SummitRetention? Retention, DateOnly RetainUntil, DateTime ErasureDueUtc,
    IReadOnlyList<(string What, string Becomes, int Count)> Items)
{
    public bool IsErased => Retention?.IsErased == true;
    public bool IsExtended => Retention?.ExtendedUntil is not null;
    public DateOnly LatestUntil => SummitRetention.LatestUntil(Summit);
    public DateOnly EarliestUntil => RetainUntil < DateOnly.MaxValue ? RetainUntil.AddDays(1) : RetainUntil;
}
