using System.Security.Claims;
using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Web.Infrastructure;

public static class ClaimsPrincipalExtensions
{
    public const string FullNameClaim = "full_name";

    /// <summary>The signed-in user as the audit trail records them.</summary>
    public static AuditActor ToAuditActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.FindFirstValue(FullNameClaim) ?? user.Identity?.Name ?? "unknown");
}
