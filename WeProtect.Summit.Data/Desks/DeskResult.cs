namespace WeProtect.Summit.Data.Desks;

/// <summary>What a desk answers: done with a message, refused with a reason (and, for a form, the broken rules
/// keyed by field), not found, or a conflict with someone else's change. Refusals are values, never exceptions; the
/// web project's <c>PageAnswers</c> turns this into a redirect with a status message or a form error.</summary>
public record DeskResult(DeskAnswer Answer, string Message, DeskRefusal Refusal = DeskRefusal.None)
{
    /// <summary>The broken rules keyed by the entity's field names, for a form to show beside its fields.</summary>
    public IReadOnlyList<(string Field, string Message)> Errors { get; init; } = [];

    public bool Succeeded => Answer == DeskAnswer.Done;

    public static DeskResult Done(string message) => new(DeskAnswer.Done, message);

    public static DeskResult Refused(string reason, DeskRefusal refusal = DeskRefusal.NotAllowed) => new(DeskAnswer.Refused, reason, refusal);

    /// <summary>Refused because the input breaks rules: the message joins them, <see cref="Errors"/> keys them by field.</summary>
    public static DeskResult Invalid(IReadOnlyList<(string Field, string Message)> errors, string? message = null) =>
        new(DeskAnswer.Refused, message ?? string.Join(" ", errors.Select(e => e.Message)), DeskRefusal.Invalid) { Errors = errors };

    public static DeskResult NotFound(string message) => new(DeskAnswer.NotFound, message);

    /// <summary>Someone else's change came first. <paramref name="what"/> names it ("this summit",
    /// "Ana Lima's registration"); the wording is <see cref="ConflictMessage"/>, the same everywhere.</summary>
    public static DeskResult Conflict(string what) => new(DeskAnswer.Conflict, ConflictMessage(what));

    /// <summary>The one wording of a conflict.</summary>
    public static string ConflictMessage(string what) => $"Someone else changed {what} meanwhile — reload and try again. Nothing was saved.";

    /// <summary>This answer with a value: the same outcome, carrying what the desk made or found.</summary>
    public DeskResult<T> With<T>(T? value = null) where T : class => new(Answer, Message, Refusal) { Errors = Errors, Value = value };
}
