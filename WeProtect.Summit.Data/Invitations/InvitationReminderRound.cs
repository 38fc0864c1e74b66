namespace WeProtect.Summit.Data.Invitations;

/// <summary>One press of "Remind" on a summit's invitations. Its key comes from the form (unique index), so that the
/// same form posted twice (a double click, a reload) reminds once.</summary>
public class InvitationReminderRound
{
    private InvitationReminderRound() { }

    public InvitationReminderRound(int summitId, Guid key, int count, DateTime nowUtc) =>
        (SummitId, Key, Count, CreatedUtc) = (summitId, key, count, nowUtc);

    public int Id { get; private set; }
    public int SummitId { get; private set; }
    public Guid Key { get; private set; }
    public int Count { get; private set; }
    public DateTime CreatedUtc { get; private set; }
}
