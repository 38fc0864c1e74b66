using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>Adds the user's full name to the sign-in cookie, for the header and the audit trail.</summary>
public sealed class SummitClaimsFactory(UserManager<SummitUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SummitUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SummitUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimsPrincipalExtensions.FullNameClaim, user.FullName));
        return identity;
    }
}
