namespace WeProtect.Summit.Data.Registrations;

/// <summary>What a person attends a summit as. Heads of delegation and delegates count against an
/// organisation's delegation quota; the other categories do not.</summary>
public enum DelegateCategory
{
    HeadOfDelegation,
    Delegate,
    Observer,
    Press,
    Facilitator,
    Staff,
}

public static class DelegateCategoryNames
{
    public static string DisplayName(this DelegateCategory category) => category switch
    {
        DelegateCategory.HeadOfDelegation => "Head of delegation",
        DelegateCategory.Delegate => "Delegate",
        DelegateCategory.Observer => "Observer",
        DelegateCategory.Press => "Press",
        DelegateCategory.Facilitator => "Facilitator",
        DelegateCategory.Staff => "Staff",
        _ => category.ToString(),
    };
}
