namespace WeProtect.Summit.Data.Registrations;

/// <summary>A user who may work the check-in desk of one summit, and see nothing else of its management: granted
/// and withdrawn by organisers (<see cref="CheckInStaffDesk"/>). One row per user per summit.</summary>
public class CheckInStaff
{
    private CheckInStaff() { }

    public CheckInStaff(int summitId, string userId, string grantedByUserId, DateTime nowUtc) =>
        (SummitId, UserId, GrantedByUserId, GrantedUtc) = (summitId, userId, grantedByUserId, nowUtc);

    public int Id { get; private set; }
    public int SummitId { get; private set; }
    public string UserId { get; private set; } = "";
    public Accounts.SummitUser User { get; private set; } = null!;
    public string GrantedByUserId { get; private set; } = "";
    public DateTime GrantedUtc { get; private set; }
}
