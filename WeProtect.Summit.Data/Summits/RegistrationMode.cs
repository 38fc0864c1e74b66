namespace WeProtect.Summit.Data.Summits;

/// <summary>Who may register for a summit: anyone with an account (open), or only people nominated by an invited
/// organisation's focal point (by invitation), as intergovernmental summits run.</summary>
public enum RegistrationMode
{
    Open,
    ByInvitation,
}
