using System.Security.Claims;
using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Web.Infrastructure;

public static class ClaimsPrincipalExtensions
{
    public const string FullNameClaim = "full_name";

    /// <summary>The signed-in user as the audit trail records them: id and role (the trail stores no name; the name is
    /// for records that print who acted, such as the badge print log).</summary>
    public static AuditActor ToAuditActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.FindFirstValue(FullNameClaim) ?? user.Identity?.Name ?? "unknown",
        user.IsInRole(Data.Accounts.Roles.Admin) ? Data.Accounts.Roles.Admin : user.IsInRole(Data.Accounts.Roles.Organiser) ? Data.Accounts.Roles.Organiser : "User");
}
