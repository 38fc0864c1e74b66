namespace WeProtect.Summit.Data.Registrations;

/// <summary>A place in a delegation, taken and given back by conditional updates, never by counting first.</summary>
public static class QuotaPlaces
{
    /// <summary>Takes one place of the category's kind in the quota; false when it has none left.</summary>
    public static async Task<bool> TakeAsync(this IQueryable<DelegationQuota> quota, DelegateCategory category, CancellationToken ct) =>
        (category == DelegateCategory.HeadOfDelegation
            ? await quota.Where(q => q.ApprovedHeads < q.HeadsOfDelegation)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.ApprovedHeads, q => q.ApprovedHeads + 1), ct)
            : await quota.Where(q => q.ApprovedDelegates < q.Delegates)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.ApprovedDelegates, q => q.ApprovedDelegates + 1), ct)) > 0;

    /// <summary>Gives one place of the category's kind back.</summary>
    public static Task<int> ReleaseAsync(this IQueryable<DelegationQuota> quota, DelegateCategory category, CancellationToken ct) =>
        category == DelegateCategory.HeadOfDelegation
            ? quota.Where(q => q.ApprovedHeads > 0).ExecuteUpdateAsync(s => s.SetProperty(q => q.ApprovedHeads, q => q.ApprovedHeads - 1), ct)
            : quota.Where(q => q.ApprovedDelegates > 0).ExecuteUpdateAsync(s => s.SetProperty(q => q.ApprovedDelegates, q => q.ApprovedDelegates - 1), ct);

    /// <summary>Takes one nomination place of the category's kind; false when the focal point has nominated all.</summary>
    public static async Task<bool> NominateAsync(this IQueryable<DelegationQuota> quota, DelegateCategory category, CancellationToken ct) =>
        (category == DelegateCategory.HeadOfDelegation
            ? await quota.Where(q => q.NominatedHeads < q.HeadsOfDelegation)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.NominatedHeads, q => q.NominatedHeads + 1), ct)
            : await quota.Where(q => q.NominatedDelegates < q.Delegates)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.NominatedDelegates, q => q.NominatedDelegates + 1), ct)) > 0;

    /// <summary>Gives one nomination place of the category's kind back (a withdrawn nomination).</summary>
    public static Task<int> ReturnNominationAsync(this IQueryable<DelegationQuota> quota, DelegateCategory category, CancellationToken ct) =>
        category == DelegateCategory.HeadOfDelegation
            ? quota.Where(q => q.NominatedHeads > 0).ExecuteUpdateAsync(s => s.SetProperty(q => q.NominatedHeads, q => q.NominatedHeads - 1), ct)
            : quota.Where(q => q.NominatedDelegates > 0).ExecuteUpdateAsync(s => s.SetProperty(q => q.NominatedDelegates, q => q.NominatedDelegates - 1), ct);
}
