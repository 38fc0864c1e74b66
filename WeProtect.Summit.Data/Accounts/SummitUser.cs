using Microsoft.AspNetCore.Identity;

namespace WeProtect.Summit.Data.Accounts;

/// <summary>A person with an account: delegate, signatory, organiser or administrator.</summary>
public class SummitUser : IdentityUser
{
    public const int FullNameMaxLength = 200;
    public const int PositionMaxLength = 200;

    public string FullName { get; set; } = "";
    public string? Position { get; set; }
    public int? OrganisationId { get; set; }
    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
    /// <summary>The last authenticator time step (Unix seconds / 30) accepted from this user, for anything (log-in,
    /// signing, withdrawal): a code is good once, and never one older than the last used (RFC 6238, section 5.2).
    /// Claimed by a conditional update (AuthenticatorCodes in the web project).</summary>
    public long? LastTotpStep { get; set; }
}
