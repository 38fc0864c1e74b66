namespace WeProtect.Summit.Data.Audit;

/// <summary>One entry of the append-only audit trail. Each row carries the hash of the row before it and its own
/// hash, so that editing or deleting any row breaks the chain (see <see cref="AuditTrail.VerifyAsync"/>).</summary>
public class AuditEvent
{
    public long Id { get; set; }
    /// <summary>1, 2, 3…; unique, so two writers cannot both append after the same row.</summary>
    public long Sequence { get; set; }
    public DateTime OccurredUtc { get; set; }
    public string? ActorUserId { get; set; }
    /// <summary>For a system actor its name ("visa letter job"). For a user, <see cref="RolePrefix"/> and their role:
    /// the name is looked up when shown (<see cref="AuditNames"/>), so that an erased person's name is in no row. Rows
    /// written before this rule hold the user's name at the time; they are never rewritten (the chain covers them).</summary>
    public string ActorName { get; set; } = "";
    /// <summary>What happened, e.g. "summit.created", "role.granted".</summary>
    public string Action { get; set; } = "";
    public string SubjectType { get; set; } = "";
    public string SubjectId { get; set; } = "";
    /// <summary>A short human-readable account of the change.</summary>
    public string Summary { get; set; } = "";
    /// <summary>Lowercase hex SHA-256 of the previous row's canonical form; 64 zeros for the first row.</summary>
    public string PreviousHash { get; set; } = "";
    /// <summary>Lowercase hex SHA-256 of this row's canonical form.</summary>
    public string Hash { get; set; } = "";
    /// <summary>The id of the <see cref="AuditKeys"/> key that made <see cref="Mac"/>; null on rows written
    /// without keys.</summary>
    public string? MacKeyId { get; set; }
    /// <summary>Lowercase hex HMAC-SHA-256 of this row's canonical form with a key kept outside the database.</summary>
    public string? Mac { get; set; }

    /// <summary>Marks <see cref="ActorName"/> as a role, not a name.</summary>
    public const string RolePrefix = "role:";

    /// <summary>The role stored for a user actor ("Admin", "Organiser", "User", "Account holder"), or null (a system actor,
    /// or a row written before roles were stored).</summary>
    public string? ActorRole() => ActorUserId is not null && ActorName.StartsWith(RolePrefix, StringComparison.Ordinal) ? ActorName[RolePrefix.Length..] : null;

    /// <summary>The actor as stored, readable without the user table: a role, a system actor's name, or an old row's name.</summary>
    public string ActorLabel() => ActorRole() is { } role ? Vocabulary.Words.RoleName(role) : ActorName;
}
