namespace WeProtect.Summit.Data.Desks;

/// <summary>A <see cref="DeskResult"/> carrying what the desk made or found (the booking, the endorsement…).</summary>
public sealed record DeskResult<T>(DeskAnswer Answer, string Message, DeskRefusal Refusal = DeskRefusal.None)
    : DeskResult(Answer, Message, Refusal) where T : class
{
    public T? Value { get; init; }
}
