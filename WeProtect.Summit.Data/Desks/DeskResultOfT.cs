namespace WeProtect.Summit.Data.Desks;

/// <summary>A <see cref="DeskResult"/> carrying what the desk made or found (the booking, the endorsement…).</summary>
public sealed record DeskResult<T>(DeskAnswer Answer, DeskText Text, DeskRefusal Refusal = DeskRefusal.None)
    : DeskResult(Answer, Text, Refusal) where T : class
{
    public T? Value { get; init; }
}
