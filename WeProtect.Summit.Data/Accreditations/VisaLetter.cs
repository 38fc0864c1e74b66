using System.Linq.Expressions;

namespace WeProtect.Summit.Data.Accreditations;

/// <summary>A letter of invitation for a delegate's visa application: one per registration (a refused one may be
/// asked for again). The row is the job's source of truth (<see cref="IsDue"/>); the signed PDF holds the passport
/// number, so <see cref="Pdf"/> is personal data like the accreditation.</summary>
public class VisaLetter
{
    public const int ReasonMaxLength = 1000;
    public const int MaxAttempts = 5;
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(5);

    public int Id { get; private set; }
    public int RegistrationId { get; private set; }
    public int SummitId { get; private set; }
    public VisaLetterStatus Status { get; private set; } = VisaLetterStatus.Requested;
    public DateTime RequestedUtc { get; private set; }
    public string RequestedByUserId { get; private set; } = "";
    public DateTime? DecidedUtc { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? RefusalReason { get; private set; }
    public int Attempts { get; private set; }
    public DateTime? NextAttemptUtc { get; private set; }
    public DateTime? LeaseUntilUtc { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>The signed letter (contains the passport number).</summary>
    public byte[]? Pdf { get; private set; }
    public string? Sha256 { get; private set; }
    public string? CertificateThumbprint { get; private set; }
    public DateTime? IssuedUtc { get; private set; }
    /// <summary>Optimistic concurrency, and the job's claim token.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    private VisaLetter() { }

    public VisaLetter(int registrationId, int summitId, string requestedByUserId, DateTime nowUtc) =>
        (RegistrationId, SummitId, RequestedByUserId, RequestedUtc) = (registrationId, summitId, requestedByUserId, nowUtc);

    /// <summary>Asks again after a refusal or a withdrawal; anything else is already in hand.</summary>
    public DeskText? RequestAgain(string requestedByUserId, DateTime nowUtc)
    {
        if (Status is not (VisaLetterStatus.Refused or VisaLetterStatus.Withdrawn)) return "A letter of invitation is already requested for this registration.";
        (Status, RequestedByUserId, RequestedUtc, DecidedUtc, DecidedByUserId, RefusalReason) =
            (VisaLetterStatus.Requested, requestedByUserId, nowUtc, null, null, null);
        (Pdf, Sha256, CertificateThumbprint, IssuedUtc, Attempts, NextAttemptUtc, LastError) = (null, null, null, null, 0, null, null);
        Version = Guid.NewGuid();
        return null;
    }

    public DeskText? Approve(string? byUserId, DateTime nowUtc)
    {
        if (Status is not (VisaLetterStatus.Requested or VisaLetterStatus.Failed)) return $"{Is(Status)}: it cannot be approved.";
        (Status, DecidedUtc, DecidedByUserId, Attempts, NextAttemptUtc, LeaseUntilUtc, LastError) =
            (VisaLetterStatus.Approved, nowUtc, byUserId, 0, null, null, null);
        Version = Guid.NewGuid();
        return null;
    }

    public DeskText? Refuse(string? reason, string? byUserId, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason)) return "Give the delegate a reason for the refusal.";
        if (reason.Length > ReasonMaxLength) return $"The reason is longer than {ReasonMaxLength} characters.";
        if (Status is not (VisaLetterStatus.Requested or VisaLetterStatus.Failed)) return $"{Is(Status)}: it cannot be refused.";
        (Status, DecidedUtc, DecidedByUserId, RefusalReason) = (VisaLetterStatus.Refused, nowUtc, byUserId, reason.Trim());
        Version = Guid.NewGuid();
        return null;
    }

    /// <summary>The signed letter, stored; the job's last step.</summary>
    public void MarkIssued(byte[] pdf, string sha256, string thumbprint, DateTime nowUtc)
    {
        (Pdf, Sha256, CertificateThumbprint, IssuedUtc, Status, LeaseUntilUtc, LastError) =
            (pdf, sha256, thumbprint, nowUtc, VisaLetterStatus.Issued, null, null);
        Version = Guid.NewGuid(); // the job's update still checks its claim token, the original value
    }

    /// <summary>The travel document the letter prints changed (or its registration ended): the letter no longer holds. Its record (hash, dates)
    /// is kept apart, so that the Verify page still names it withdrawn after a new letter is issued; the PDF goes.</summary>
    public VisaLetterWithdrawal? Withdraw(DateTime nowUtc)
    {
        if (Status != VisaLetterStatus.Issued || Sha256 is null || IssuedUtc is null) return null;
        var withdrawal = new VisaLetterWithdrawal(Id, SummitId, Sha256, CertificateThumbprint, IssuedUtc.Value, nowUtc);
        (Status, Pdf) = (VisaLetterStatus.Withdrawn, null);
        Version = Guid.NewGuid();
        return withdrawal;
    }

    /// <summary>The registration the letter is for is no longer approved (rejected, cancelled): an issued letter is
    /// withdrawn as for a changed document (<paramref name="withdrawal"/> keeps its hash for the Verify page); a request
    /// not yet issued is withdrawn before it is (a new claim token, so a job at work cannot issue it). False when
    /// nothing was left to withdraw (refused, already withdrawn).</summary>
    public bool WithdrawForEndedRegistration(DateTime nowUtc, out VisaLetterWithdrawal? withdrawal)
    {
        withdrawal = null;
        if (Status == VisaLetterStatus.Issued)
        {
            withdrawal = Withdraw(nowUtc);
            return withdrawal is not null;
        }
        if (Status is VisaLetterStatus.Refused or VisaLetterStatus.Withdrawn) return false;
        (Status, LeaseUntilUtc, NextAttemptUtc) = (VisaLetterStatus.Withdrawn, null, null);
        Version = Guid.NewGuid();
        return true;
    }

    /// <summary>An attempt failed: back in line after <paramref name="backOff"/>, or failed for good after
    /// <see cref="MaxAttempts"/> (an organiser approves it again). True when failed for good.</summary>
    public bool MarkAttemptFailed(string error, DateTime nowUtc, TimeSpan backOff)
    {
        LastError = error.Length > 500 ? error[..500] : error;
        LeaseUntilUtc = null;
        Version = Guid.NewGuid();
        if (Attempts >= MaxAttempts)
        {
            Status = VisaLetterStatus.Failed;
            NextAttemptUtc = null;
            return true;
        }
        Status = VisaLetterStatus.Approved;
        NextAttemptUtc = nowUtc + backOff;
        return false;
    }

    /// <summary>What the job may take: approved and due, or generating with its lease run out (a job that died).</summary>
    public static Expression<Func<VisaLetter, bool>> IsDue(DateTime nowUtc) => v =>
        (v.Status == VisaLetterStatus.Approved && (v.NextAttemptUtc == null || v.NextAttemptUtc <= nowUtc))
        || (v.Status == VisaLetterStatus.Generating && v.LeaseUntilUtc < nowUtc);

    public static string Describe(VisaLetterStatus status) => status switch
    {
        VisaLetterStatus.Requested => "requested, awaiting the secretariat",
        VisaLetterStatus.Approved or VisaLetterStatus.Generating => "approved, being prepared",
        VisaLetterStatus.Issued => "issued",
        VisaLetterStatus.Refused => "refused",
        VisaLetterStatus.Withdrawn => "withdrawn: the travel document changed or the registration ended",
        _ => "failed: the secretariat will try again",
    };

    /// <summary>Where the request stands, said before "it cannot be approved": one sentence per status, translated whole.</summary>
    private static DeskText Is(VisaLetterStatus status) => status switch
    {
        VisaLetterStatus.Requested => (DeskText)"This request awaits the secretariat",
        VisaLetterStatus.Approved or VisaLetterStatus.Generating => (DeskText)"This request is already approved and the letter is being prepared",
        VisaLetterStatus.Issued => (DeskText)"This letter is already issued",
        VisaLetterStatus.Refused => (DeskText)"This request was already refused",
        VisaLetterStatus.Withdrawn => (DeskText)"This letter was withdrawn: the travel document changed or the registration ended",
        _ => (DeskText)"This letter could not be prepared: the secretariat will try again",
    };
}
