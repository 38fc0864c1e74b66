namespace WeProtect.Summit.Data.Questions;

/// <summary>The words pages use for the question enums.</summary>
public static class QuestionNames
{
    public static string DisplayName(this QuestionKind kind) => kind switch
    {
        QuestionKind.ShortText => "Short text",
        QuestionKind.LongText => "Long text",
        QuestionKind.OneChoice => "One choice",
        QuestionKind.SeveralChoices => "Several choices",
        QuestionKind.YesNo => "Yes or no",
        QuestionKind.Date => "Date",
        QuestionKind.Country => "Country",
        _ => kind.ToString(),
    };

    public static string DisplayName(this QuestionForm form) => form switch
    {
        QuestionForm.Registration => "Registration form",
        QuestionForm.Travel => "Travel form (after approval)",
        _ => form.ToString(),
    };

    public static string DisplayName(this QuestionVisibility visibility) => visibility switch
    {
        QuestionVisibility.Organisers => "Organisers only",
        QuestionVisibility.FocalPoint => "Organisers and the delegation's focal point",
        _ => visibility.ToString(),
    };
}
