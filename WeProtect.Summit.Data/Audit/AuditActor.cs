namespace WeProtect.Summit.Data.Audit;

/// <summary>Who did something: a signed-in user, or the system itself (start-up, background jobs). For a user the
/// trail stores the id and <see cref="Role"/> only (see <see cref="AuditEvent.RolePrefix"/>): the name is looked up when
/// the trail is shown (<see cref="AuditNames"/>), so that erasing the person erases it from the trail too. <see cref="Name"/>
/// is for the records that print who acted (badge print log, comment authors), never for the trail.</summary>
public sealed record AuditActor(string? UserId, string Name, string? Role = null)
{
    public static readonly AuditActor System = new(null, "system");

    /// <summary>Someone acting on their own account (registering, changing their password…).</summary>
    public const string AccountHolder = "Account holder";

    /// <summary>What the trail stores as the actor: the system actor's name, or a user's role behind the prefix.</summary>
    public string Stored => UserId is null ? Name : AuditEvent.RolePrefix + (Role ?? "User");
}
