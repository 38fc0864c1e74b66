using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Geography;

namespace WeProtect.Summit.Data.Questions;

/// <summary>The one reading of a posted answer: what is stored for it, or why it is refused (worded for the field, a
/// <see cref="DeskText"/> said in the reader's language).</summary>
public static class AnswerRules
{
    public const int ShortTextMaxLength = 200;
    public const int LongTextMaxLength = 2000;
    public const string Yes = "Yes";
    public const string No = "No";

    /// <summary>The value to store (null: no answer) or the reason the posted <paramref name="values"/> are not an
    /// answer to <paramref name="question"/>.</summary>
    public static (string? Value, DeskText? Error) Check(RegistrationQuestion question, IReadOnlyList<string> values)
    {
        var given = values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        if (given.Count == 0)
        {
            if (!question.Required) return (null, null);
            return (null, question.Kind is QuestionKind.OneChoice or QuestionKind.SeveralChoices or QuestionKind.YesNo or QuestionKind.Country
                ? "Choose an answer: this question is required." : "Answer this question: it is required.");
        }
        if (question.Kind != QuestionKind.SeveralChoices && given.Count > 1) return (null, "Give one answer.");
        var one = given[0];
        switch (question.Kind)
        {
            case QuestionKind.ShortText:
                if (one.Any(char.IsControl)) return (null, "Give the answer on one line, without control characters.");
                if (one.Length > ShortTextMaxLength) return (null, $"The answer is longer than {ShortTextMaxLength} characters.");
                return (one, null);
            case QuestionKind.LongText:
                one = one.ReplaceLineEndings("\n");
                if (one.Any(c => char.IsControl(c) && c is not '\n' and not '\t')) return (null, "The answer holds control characters: type it again.");
                if (one.Length > LongTextMaxLength) return (null, $"The answer is longer than {LongTextMaxLength} characters.");
                return (one, null);
            case QuestionKind.OneChoice:
                return question.Choices.Contains(one, StringComparer.Ordinal) ? (one, null) : (null, "Choose one of the answers offered.");
            case QuestionKind.SeveralChoices:
                if (given.Any(g => !question.Choices.Contains(g, StringComparer.Ordinal))) return (null, "Choose only among the answers offered.");
                // Stored in the question's order, once each.
                return (string.Join('\n', question.Choices.Where(given.Contains)), null);
            case QuestionKind.YesNo:
                return one is Yes or No ? (one, null) : (null, "Answer yes or no.");
            case QuestionKind.Date:
                return DateOnly.TryParseExact(one, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : (null, "Give a date as year-month-day, e.g. 2027-03-14.");
            case QuestionKind.Country:
                var code = one.ToUpperInvariant();
                return Countries.IsKnown(code) ? (code, null) : (null, "Choose a country from the list.");
            default:
                return (null, "This question cannot be answered.");
        }
    }

    /// <summary>The posted form of a stored answer (several choices: one value each).</summary>
    public static IReadOnlyList<string> Values(string? stored) => string.IsNullOrEmpty(stored) ? [] : stored.Split('\n');

    /// <summary>A stored answer as people read it: choices joined with commas, a country by its name, a date written out.
    /// In English (a download's cell) unless a page gives the reader's <paramref name="countryName"/> and
    /// <paramref name="culture"/>.</summary>
    public static string Display(QuestionKind kind, string? stored, Func<string, string>? countryName = null, CultureInfo? culture = null) => stored is null ? "" : kind switch
    {
        QuestionKind.SeveralChoices => string.Join(", ", Values(stored)),
        QuestionKind.Country => countryName?.Invoke(stored) ?? Countries.NameOf(stored),
        QuestionKind.Date when DateOnly.TryParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            => d.ToString("d MMMM yyyy", culture ?? CultureInfo.InvariantCulture),
        _ => stored,
    };
}
