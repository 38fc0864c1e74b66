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
    public Guid Version { get; private set; } = Guid.NewGuid();
    public List<ProgressEntry> Entries { get; private set; } = [];

    /// <summary>Moves the concurrency token: of two changes made from the same version, the first to commit wins.</summary>
    public void Touch() => Version = Guid.NewGuid();
}
