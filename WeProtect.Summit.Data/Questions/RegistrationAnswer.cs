namespace WeProtect.Summit.Data.Questions;

/// <summary>A delegate's answer to one question, stored as text (<see cref="AnswerRules"/> reads and writes it).
/// Changed only through <see cref="Registrations.Registration.Answer"/>, which checks it against the question.</summary>
public class RegistrationAnswer
{
    public const int ValueMaxLength = 4000;

    public int Id { get; private set; }
    public int RegistrationId { get; private set; }
    public int QuestionId { get; private set; }
    public RegistrationQuestion Question { get; private set; } = null!;
    public string Value { get; private set; } = "";
    public DateTime UpdatedUtc { get; private set; }

    private RegistrationAnswer() { }

    internal static RegistrationAnswer For(RegistrationQuestion question, string value, DateTime nowUtc) =>
        new() { QuestionId = question.Id, Value = value, UpdatedUtc = nowUtc };

    internal static RegistrationAnswer Copy(RegistrationAnswer other) =>
        new() { QuestionId = other.QuestionId, Value = other.Value, UpdatedUtc = other.UpdatedUtc };

    internal void Change(string value, DateTime nowUtc)
    {
        if (value == Value) return;
        (Value, UpdatedUtc) = (value, nowUtc);
    }
}
