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
