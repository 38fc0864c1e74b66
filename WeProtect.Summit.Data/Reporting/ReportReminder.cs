namespace WeProtect.Summit.Data.Reporting;

/// <summary>A reminder queued to an organisation's focal points for a cycle. Unique per cycle and organisation, so
/// that however often organisers press "Remind", each organisation is reminded once.</summary>
public class ReportReminder
{
    private ReportReminder() { }

    public ReportReminder(int cycleId, int organisationId, DateTime queuedUtc, string? note)
    {
        CycleId = cycleId;
        OrganisationId = organisationId;
        QueuedUtc = queuedUtc;
        Note = note;
    }

    public int Id { get; private set; }
    public int CycleId { get; private set; }
    public int OrganisationId { get; private set; }
    public DateTime QueuedUtc { get; private set; }
    /// <summary>The organisers' note (<see cref="Notifications.OrganiserNote"/>, already cleaned and checked) for the letter; null for none.</summary>
    public string? Note { get; private set; }
}
