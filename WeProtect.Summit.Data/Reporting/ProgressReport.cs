namespace WeProtect.Summit.Data.Reporting;

/// <summary>One organisation's report in one cycle: submission number <see cref="Number"/> (1, 2, …). A draft takes
/// changes; submitting freezes it with the SHA-256 of its canonical form (<see cref="ReportHash"/>); the next
/// submission supersedes it. At most one draft per organisation and cycle: a new draft takes the next number, and
/// (cycle, organisation, number) is unique. <see cref="Version"/> is the concurrency token every change moves.</summary>
public class ProgressReport
{
    private ProgressReport() { }

    public ProgressReport(int cycleId, int organisationId, int number, string createdByUserId, DateTime createdUtc)
    {
        CycleId = cycleId;
        OrganisationId = organisationId;
        Number = number;
        CreatedByUserId = createdByUserId;
        CreatedUtc = createdUtc;
    }

    public int Id { get; private set; }
    public int CycleId { get; private set; }
    public int OrganisationId { get; private set; }
    public int Number { get; private set; }
    public ProgressReportStatus Status { get; private set; } = ProgressReportStatus.Draft;
    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public DateTime? SubmittedUtc { get; private set; }
    public string? SubmittedByUserId { get; private set; }
    /// <summary>SHA-256 (lowercase hex) of <see cref="ReportHash.Canonical"/> at submission.</summary>
    public string? ContentHash { get; private set; }
    public DateTime? SupersededUtc { get; private set; }
    /// <summary>What the public may see of this report once the cycle is published: figures only (the default), figures
    /// and narratives, or nothing. Chosen with the draft and frozen with it at submission; a new draft starts from the
    /// last submission's choice.</summary>
    public ReportPublication Publication { get; private set; } = ReportPublication.FiguresOnly;
    public ReportReview Review { get; private set; } = ReportReview.Unread;
    /// <summary>The secretariat's question when it asks for a clarification (shown to the focal points).</summary>
    public string? ReviewNote { get; private set; }
    public DateTime? ReviewedUtc { get; private set; }
    public string? ReviewedByUserId { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public List<ProgressEntry> Entries { get; private set; } = [];
    /// <summary>PDFs attached as evidence; frozen with the report at submission.</summary>
    public List<ReportAttachment> Attachments { get; private set; } = [];

    public const int ReviewNoteMaxLength = 2000;

    /// <summary>Records the secretariat's reading of the current submission, or says why it cannot: only a submitted
    /// (not superseded) report is reviewed, and a clarification needs a question.</summary>
    public DeskText? RecordReview(ReportReview review, string? note, string userId, DateTime now)
    {
        if (Status != ProgressReportStatus.Submitted)
        {
            if (Status == ProgressReportStatus.Draft) return "A draft is not reviewed: wait for its submission.";
            return "This submission was superseded by a newer one: review that one.";
        }
        var text = (note ?? "").Trim();
        if (review == ReportReview.ClarificationAsked && text.Length == 0) return "Write the question the focal point should answer.";
        if (text.Length > ReviewNoteMaxLength) return $"The note is longer than {ReviewNoteMaxLength} characters.";
        if (review == ReportReview.Unread || !Enum.IsDefined(review)) return "Choose accept or ask for a clarification.";
        Review = review;
        ReviewNote = text.Length == 0 ? null : text;
        ReviewedUtc = now;
        ReviewedByUserId = userId;
        Touch();
        return null;
    }

    /// <summary>The members' consent to show this report's narratives (and evidence) on the public pages.</summary>
    public bool NarrativesPublic => Publication == ReportPublication.FiguresAndNarratives;

    /// <summary>Sets what the public may see of this draft, or says why not: a submitted report keeps its choice (a
    /// new submission changes it).</summary>
    public string? Choose(ReportPublication publication)
    {
        if (!Enum.IsDefined(publication)) return "Choose what may be published of this report.";
        if (Status != ProgressReportStatus.Draft) return "A submitted report keeps its choice of publication: save a change to start a new draft, and choose there.";
        Publication = publication;
        return null;
    }

    /// <summary>Moves the concurrency token: of two changes made from the same version, the first to commit wins.</summary>
    public void Touch() => Version = Guid.NewGuid();
}
