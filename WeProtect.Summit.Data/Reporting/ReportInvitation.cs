namespace WeProtect.Summit.Data.Reporting;

/// <summary>An invitation to report in a cycle, queued to one focal point when the cycle opens (or when they are
/// granted while it is open). Unique per cycle and focal point, so that the desk at opening or granting and the
/// sweep on every node invite each focal point once.</summary>
public class ReportInvitation
{
    private ReportInvitation() { }

    public ReportInvitation(int cycleId, int focalPointId, DateTime queuedUtc)
    {
        CycleId = cycleId;
        FocalPointId = focalPointId;
        QueuedUtc = queuedUtc;
    }

    public int Id { get; private set; }
    public int CycleId { get; private set; }
    public int FocalPointId { get; private set; }
    public DateTime QueuedUtc { get; private set; }
}
