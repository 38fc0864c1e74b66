namespace WeProtect.Summit.Data.Questions;

/// <summary>A question as an organiser typed it (add or edit), before the entity's rules check it.</summary>
public sealed record QuestionDraft(QuestionForm Form, QuestionKind Kind, string? Label, string? Help, IReadOnlyList<string> Choices,
    bool Required, QuestionVisibility Visibility);
