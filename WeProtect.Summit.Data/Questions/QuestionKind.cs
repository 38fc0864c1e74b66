namespace WeProtect.Summit.Data.Questions;

/// <summary>What kind of answer a registration question takes (stored by name).</summary>
public enum QuestionKind
{
    ShortText,
    LongText,
    OneChoice,
    SeveralChoices,
    YesNo,
    Date,
    Country,
}
