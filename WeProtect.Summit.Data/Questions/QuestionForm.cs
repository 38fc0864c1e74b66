namespace WeProtect.Summit.Data.Questions;

/// <summary>Which form asks a question: the registration form, or the travel form an approved delegate fills.</summary>
public enum QuestionForm
{
    Registration,
    Travel,
}
