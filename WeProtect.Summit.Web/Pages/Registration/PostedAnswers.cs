using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Web.Pages.Registration;

using WeProtect.Summit.Data.Registrations;

/// <summary>Answers to the summit's questions as a form posts them: one field per question, "answer-{id}", repeated for
/// several choices. Read from the form itself rather than bound, so that a question added meanwhile or a tampered
/// field is simply a value the entity's rules judge.</summary>
public static class PostedAnswers
{
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> Read(IFormCollection form, IEnumerable<RegistrationQuestion> questions) =>
        questions.ToDictionary(q => q.Id, q => (IReadOnlyList<string>)form[Registration.AnswerField(q.Id)].OfType<string>().ToList());

    /// <summary>The stored answers, as the form shows them again.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> Of(Registration registration) =>
        registration.Answers.ToDictionary(a => a.QuestionId, a => AnswerRules.Values(a.Value));
}
