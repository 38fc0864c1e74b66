namespace WeProtect.Summit.Data.Retention;

/// <summary>A user's request that their personal data be erased, carried out by an administrator
/// (<see cref="ErasureDesk"/>) with the catalogue's rules; then the account is pseudonymised and closed.</summary>
public class ErasureRequest
{
    private ErasureRequest() { }

    public ErasureRequest(string userId, DateTime nowUtc) => (UserId, RequestedUtc) = (userId, nowUtc);

    public int Id { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTime RequestedUtc { get; private set; }
    /// <summary>Set once, by a conditional update (two administrators pressing at once carry it out once).</summary>
    public DateTime? CarriedOutUtc { get; private set; }
    public string? CarriedOutByUserId { get; private set; }

    public bool IsOpen => CarriedOutUtc is null;
}
