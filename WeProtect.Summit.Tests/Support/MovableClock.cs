namespace WeProtect.Summit.Tests.Support;

/// <summary>A clock a test moves by hand; starts at the real time. (Timers are the system's.)</summary>
public sealed class MovableClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
