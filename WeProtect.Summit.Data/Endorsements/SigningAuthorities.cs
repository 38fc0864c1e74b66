using WeProtect.Summit.Data.Accounts;

namespace WeProtect.Summit.Data.Endorsements;

/// <summary>The signing-authority queries, written once. A grant is <see cref="Unrevoked"/> until an organiser revokes
/// it; a signatory is <see cref="Live"/> while their grant is unrevoked and they have two-factor authentication on —
/// only a live signatory can sign, withdraw or be invited.</summary>
public static class SigningAuthorities
{
    /// <summary>Grants not revoked (the query form of <see cref="SigningAuthority.IsLive"/>).</summary>
    public static IQueryable<SigningAuthority> Unrevoked(this IQueryable<SigningAuthority> authorities) =>
        authorities.Where(a => a.RevokedUtc == null);

    /// <summary>Live signatories: grants not revoked whose user has two-factor authentication on.</summary>
    public static IQueryable<SigningAuthority> Live(this IQueryable<SigningAuthority> authorities, IQueryable<SummitUser> users) =>
        authorities.Where(a => a.RevokedUtc == null && users.Any(u => u.Id == a.UserId && u.TwoFactorEnabled));
}
