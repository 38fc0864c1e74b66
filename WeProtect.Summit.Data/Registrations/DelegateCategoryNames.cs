namespace WeProtect.Summit.Data.Registrations;

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
