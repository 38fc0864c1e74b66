namespace WeProtect.Summit.Data.Desks;

/// <summary>What a desk answers: done with a message, refused with a reason (and, for a form, the broken rules
/// keyed by field), not found, or a conflict with someone else's change. Refusals are values, never exceptions; the
/// web project's <c>PageAnswers</c> turns this into a redirect with a status message or a form error. Every message is
/// a <see cref="DeskText"/> (a plain or interpolated string), so that the page says it in the reader's language.</summary>
public record DeskResult(DeskAnswer Answer, DeskText Text, DeskRefusal Refusal = DeskRefusal.None)
{
    /// <summary>The message in English (what <see cref="Text"/> says before any translation).</summary>
    public string Message => Text.ToString();

    /// <summary>The broken rules keyed by the entity's field names, for a form to show beside its fields.</summary>
    public IReadOnlyList<(string Field, DeskText Message)> Errors { get; init; } = [];

    public bool Succeeded => Answer == DeskAnswer.Done;

    public static DeskResult Done(DeskText message) => new(DeskAnswer.Done, message);

    public static DeskResult Refused(DeskText reason, DeskRefusal refusal = DeskRefusal.NotAllowed) => new(DeskAnswer.Refused, reason, refusal);

    /// <summary>Refused because the input breaks rules: the message joins them, <see cref="Errors"/> keys them by field.</summary>
    public static DeskResult Invalid(IReadOnlyList<(string Field, DeskText Message)> errors, DeskText? message = null) =>
        new(DeskAnswer.Refused, message ?? Joined(errors.Select(e => e.Message)), DeskRefusal.Invalid) { Errors = errors };

    /// <summary>The broken rules an entity's <c>Validate()</c> returns (its texts are keys without values).</summary>
    public static DeskResult Invalid(IReadOnlyList<(string Field, string Message)> errors, DeskText? message = null) =>
        Invalid([.. errors.Select(e => (e.Field, (DeskText)e.Message))], message);

    public static DeskResult NotFound(DeskText message) => new(DeskAnswer.NotFound, message);

    /// <summary>Someone else's change came first. <paramref name="what"/> names it ("this summit",
    /// $"{name}'s registration"); the wording is <see cref="ConflictMessage"/>, the same everywhere.</summary>
    public static DeskResult Conflict(DeskText what) => new(DeskAnswer.Conflict, ConflictMessage(what));

    /// <summary>The answer to a request made from a version that is no longer the saved one. When it asked for the state
    /// the entity is in already (<paramref name="alreadyAsAsked"/>: a double click, a second tab, two organisers taking
    /// the same step) it is <paramref name="done"/>, with nothing changed, so no second audit event or letter; any
    /// other stale request is the <see cref="Conflict"/> about <paramref name="what"/>.</summary>
    public static DeskResult Stale(bool alreadyAsAsked, DeskText what, DeskText done) => alreadyAsAsked ? Done(done) : Conflict(what);

    /// <summary>The one wording of a conflict, <paramref name="what"/> translated as a value of it.</summary>
    public static DeskText ConflictMessage(DeskText what) => $"Someone else changed {what} meanwhile — reload and try again. Nothing was saved.";

    /// <summary>This answer with a value: the same outcome, carrying what the desk made or found.</summary>
    public DeskResult<T> With<T>(T? value = null) where T : class => new(Answer, Text, Refusal) { Errors = Errors, Value = value };

    /// <summary>Several texts said one after the other ("{0} {1}"), each translated.</summary>
    public static DeskText Joined(IEnumerable<DeskText> texts)
    {
        var list = texts.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => list.Skip(1).Aggregate(list[0], (all, next) => $"{all} {next}"),
        };
    }
}
