using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Web.Pages.Registration;

/// <summary>Answers as people read them (a country and a date in the page's language), in the questions' order, for _AnswerList (the delegate's page, the queue,
/// the focal point's page).</summary>
public sealed record AnswerList(IReadOnlyList<(string Question, string Answer, bool Retired)> Items)
{
    public static AnswerList From(IEnumerable<RegistrationQuestion> questions, IEnumerable<RegistrationAnswer> answers)
    {
        var byQuestion = answers.ToDictionary(a => a.QuestionId, a => a.Value);
        return new(questions.Where(q => byQuestion.ContainsKey(q.Id))
            .Select(q => (q.Label, AnswerRules.Display(q.Kind, byQuestion[q.Id], Localization.CountryNames.Of, CultureInfo.CurrentCulture), q.IsRetired)).ToList());
    }
}
