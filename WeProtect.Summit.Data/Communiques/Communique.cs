namespace WeProtect.Summit.Data.Communiques;

/// <summary>The published artefact of a closed statement: a digitally signed PDF. The row says what must happen
/// (<see cref="CommuniqueStatus.Queued"/>); a background job renders and signs it by id, and is idempotent: once
/// published, the bytes are kept and never produced again. One row per revision: revision 1 publishes the closed
/// statement; a statement open for late endorsements (<see cref="Statements.Statement.LateEndorsements"/>) gets
/// revisions 2, 3, … (unique per statement), each signed and kept, the earlier ones still downloadable and
/// verifiable.</summary>
public class Communique
{
    public const int MaxAttempts = 5;

    /// <summary>How long a claim holds without renewal, unless the setting <c>Communiques:LeaseSeconds</c> says
    /// otherwise (Web/Jobs/JobSettings). The job renews it every <see cref="LeaseRenewal"/> (a third) while it runs; a
    /// node killed mid-way stops renewing, and the job run again by another node or the minutely sweep takes the row
    /// again once the lease has run out: within two minutes of the kill.</summary>
    public static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan LeaseRenewal = TimeSpan.FromSeconds(20);

    public int Id { get; set; }
    public int StatementId { get; set; }
    public Statements.Statement Statement { get; set; } = null!;
    /// <summary>1 for the first publication, then 2, 3, … (unique with the statement: two organisers pressing at once
    /// make one revision).</summary>
    public int Revision { get; set; } = 1;
    public CommuniqueStatus Status { get; private set; } = CommuniqueStatus.Queued;
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
    /// <summary>The instant the job read the "Agreed by" list for this revision (not truncated like
    /// <see cref="PublishedUtc"/>): the revision's list is the list as of then (<c>AgreedBy.LoadAsync</c> with a time).</summary>
    public DateTime? ListAsOfUtc { get; set; }
    public byte[]? Pdf { get; set; }
    /// <summary>SHA-256 (lowercase hex) of <see cref="Pdf"/>.</summary>
    public string? Sha256 { get; set; }
    /// <summary>The signatory list of this revision as a signed PDF, made with the communiqué (so that the Verify page
    /// knows it by its hash), and its SHA-256.</summary>
    public byte[]? SignatoryListPdf { get; set; }
    public string? SignatoryListSha256 { get; set; }
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

    /// <summary>A job took the row (the job itself claims by a conditional update; this is the same step in memory).</summary>
    public void Claim(DateTime nowUtc)
    {
        Status = CommuniqueStatus.Generating;
        GeneratingSinceUtc = nowUtc;
        LeaseUntilUtc = nowUtc + LeaseLength;
        Attempts++;
    }

    /// <summary>The signed PDF is stored: no back-off, no error left.</summary>
    public void MarkPublished(DateTime publishedUtc)
    {
        Status = CommuniqueStatus.Published;
        PublishedUtc = publishedUtc;
        GeneratingSinceUtc = null;
        LeaseUntilUtc = null;
        NextAttemptUtc = null;
        LastError = null;
    }

    /// <summary>An attempt failed: queued again after <paramref name="backOff"/>, or failed for good once
    /// <see cref="MaxAttempts"/> attempts are spent. Returns whether it failed for good.</summary>
    public bool MarkAttemptFailed(string error, DateTime nowUtc, TimeSpan backOff)
    {
        var failed = Attempts >= MaxAttempts;
        LastError = error.Length > 2000 ? error[..2000] : error;
        GeneratingSinceUtc = null;
        LeaseUntilUtc = null;
        Status = failed ? CommuniqueStatus.Failed : CommuniqueStatus.Queued;
        NextAttemptUtc = failed ? null : nowUtc + backOff;
        FailedUtc = failed ? nowUtc : null;
        return failed;
    }

    /// <summary>A failed communiqué goes back to the queue with its attempts reset; the last error stays visible
    /// until an attempt succeeds. Returns the refusal, or null.</summary>
    public DeskText? Retry()
    {
        if (Status != CommuniqueStatus.Failed) return "Only a failed communiqué can be retried.";
        Status = CommuniqueStatus.Queued;
        Attempts = 0;
        FailedUtc = null;
        NextAttemptUtc = null;
        return null;
    }

    /// <summary>Rows a job should work on now: queued and due (no back-off pending), or generating with a lease that ran
    /// out (the claiming job's node stopped). The one rule for the job and the sweep.</summary>
    public static System.Linq.Expressions.Expression<Func<Communique, bool>> IsDue(DateTime nowUtc) =>
        c => (c.Status == CommuniqueStatus.Queued && (c.NextAttemptUtc == null || c.NextAttemptUtc <= nowUtc))
            || (c.Status == CommuniqueStatus.Generating && (c.LeaseUntilUtc == null || c.LeaseUntilUtc < nowUtc));

    /// <summary>Generating, but the job's lease ran out: its node stopped, and the sweep will take it again.</summary>
    public bool Interrupted(DateTime nowUtc) => IsInterrupted(Status, LeaseUntilUtc, nowUtc);

    public static bool IsInterrupted(CommuniqueStatus status, DateTime? leaseUntilUtc, DateTime nowUtc) =>
        status == CommuniqueStatus.Generating && (leaseUntilUtc is null || leaseUntilUtc < nowUtc);
}
