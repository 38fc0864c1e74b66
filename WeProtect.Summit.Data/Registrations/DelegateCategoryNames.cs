namespace WeProtect.Summit.Data.Registrations;

public static class DelegateCategoryNames
{
    /// <summary>The category's name, singular ("Head of delegation"): see <see cref="Vocabulary.Words"/>.</summary>
    public static string DisplayName(this DelegateCategory category) => Vocabulary.Words.Name(category);
}
