using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Web.Pages.Registration;

/// <summary>The model of _QuestionFields: the questions a form asks and the values to show in them.</summary>
public sealed record QuestionFields(IReadOnlyList<RegistrationQuestion> Questions, IReadOnlyDictionary<int, IReadOnlyList<string>> Values);
