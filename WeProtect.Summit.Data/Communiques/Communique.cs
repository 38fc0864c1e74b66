namespace WeProtect.Summit.Data.Communiques;

public enum CommuniqueStatus { Queued, Generating, Published, Failed }

/// <summary>The published artefact of a closed statement: a digitally signed PDF. The row says what must happen
/// (<see cref="CommuniqueStatus.Queued"/>); a background job renders and signs it by id, and is idempotent: once
/// published, the bytes are kept and never produced again. One communiqué per statement.</summary>
public class Communique
{
    public const int MaxAttempts = 5;

    /// <summary>How long a claim holds without renewal. The job renews it every <see cref="LeaseRenewal"/> while it
    /// runs; a node killed mid-way stops renewing, and the minutely sweep takes the row again once the lease has
    /// run out: within two minutes of the kill.</summary>
    public static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan LeaseRenewal = TimeSpan.FromSeconds(20);

    public int Id { get; set; }
    public int StatementId { get; set; }
    public Statements.Statement Statement { get; set; } = null!;
    public CommuniqueStatus Status { get; set; } = CommuniqueStatus.Queued;
    public string RequestedByUserId { get; set; } = "";
    public DateTime QueuedUtc { get; set; }
    /// <summary>When a job took it; a stale claim (a job killed mid-way) is taken again.</summary>
    public DateTime? GeneratingSinceUtc { get; set; }
    /// <summary>Until when the job that claimed it holds the claim (renewed while it runs).</summary>
    public DateTime? LeaseUntilUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? NextAttemptUtc { get; set; }
    public DateTime? FailedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }
    public byte[]? Pdf { get; set; }
    /// <summary>SHA-256 (lowercase hex) of <see cref="Pdf"/>.</summary>
    public string? Sha256 { get; set; }
    public int SignatoryCount { get; set; }
    /// <summary>SHA-1 thumbprint (uppercase hex, as Windows and OpenSSL print it) of the signing certificate.</summary>
    public string? CertificateThumbprint { get; set; }
    public string? CertificateSubject { get; set; }
    /// <summary>Signed with the self-signed development certificate, not one from a trusted authority.</summary>
    public bool SelfSignedCertificate { get; set; }
    /// <summary>The statement version the communiqué prints, and its hash.</summary>
    public int? StatementVersionId { get; set; }
    public string? ContentHash { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Rows a job should work on now: queued and due (no back-off pending), or generating with a lease that ran
    /// out (the claiming job's node stopped). The one rule for the job and the sweep.</summary>
    public static System.Linq.Expressions.Expression<Func<Communique, bool>> IsDue(DateTime nowUtc) =>
        c => (c.Status == CommuniqueStatus.Queued && (c.NextAttemptUtc == null || c.NextAttemptUtc <= nowUtc))
            || (c.Status == CommuniqueStatus.Generating && (c.LeaseUntilUtc == null || c.LeaseUntilUtc < nowUtc));

    /// <summary>Generating, but the job's lease ran out: its node stopped, and the sweep will take it again.</summary>
    public bool Interrupted(DateTime nowUtc) => Status == CommuniqueStatus.Generating && (LeaseUntilUtc is null || LeaseUntilUtc < nowUtc);
}
