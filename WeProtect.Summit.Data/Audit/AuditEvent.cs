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
    /// <summary>The actor's name at the time, so the trail reads without joining users that may be gone.</summary>
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
}
