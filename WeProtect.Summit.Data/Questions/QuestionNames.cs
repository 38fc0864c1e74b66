namespace WeProtect.Summit.Data.Questions;

/// <summary>The words pages use for the question enums (from the one vocabulary, <see cref="Vocabulary.Words"/>).</summary>
public static class QuestionNames
{
    public static string DisplayName(this QuestionKind kind) => Vocabulary.Words.Name(kind);

    public static string DisplayName(this QuestionForm form) => Vocabulary.Words.Name(form);

    public static string DisplayName(this QuestionVisibility visibility) => Vocabulary.Words.Name(visibility);
}
