namespace WeProtect.Summit.Data.Reporting;

/// <summary>A reminder queued to an organisation's focal points for a cycle. Unique per cycle and organisation, so
/// that however often organisers press "Remind", each organisation is reminded once.</summary>
public class ReportReminder
{
    private ReportReminder() { }

    public ReportReminder(int cycleId, int organisationId, DateTime queuedUtc)
    {
        CycleId = cycleId;
        OrganisationId = organisationId;
        QueuedUtc = queuedUtc;
    }

    public int Id { get; private set; }
    public int CycleId { get; private set; }
    public int OrganisationId { get; private set; }
    public DateTime QueuedUtc { get; private set; }
}
