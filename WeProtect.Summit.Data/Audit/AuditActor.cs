namespace WeProtect.Summit.Data.Audit;

/// <summary>Who did something: a signed-in user, or the system itself (start-up, background jobs).</summary>
public sealed record AuditActor(string? UserId, string Name)
{
    public static readonly AuditActor System = new(null, "system");
}
