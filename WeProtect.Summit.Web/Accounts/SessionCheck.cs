using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>Checks the sign-in cookie against the database on every request (once per request: the cookie handler
/// caches its result), so that log-out, a password reset or change, a two-factor change, a role change (each of
/// which writes a new security stamp) or a lock-out ends every session of the user at once, copied cookies
/// included; a session that has lasted <see cref="SessionLifetime"/> ends too. One indexed read of two columns; unlike Identity's SecurityStampValidator at interval zero it neither
/// rebuilds the principal nor re-issues the cookie on every request. Cost measured in bench/ (authenticated page).</summary>
public static class SessionCheck
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            await RejectAsync(context);
            return;
        }
        var db = services.GetRequiredService<SummitDbContext>();
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd, u.PreferredLanguage }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        // Identity sets and ends lock-outs by the system clock (its UserManager takes no TimeProvider), so they are
        // read by the same clock here: the app's clock (moved in tests) must not end a lock-out Identity still holds.
        // Compared here, not in SQL: SQLite cannot compare DateTimeOffset values.
        var now = TimeProvider.System.GetUtcNow();
        if (row is null || row.SecurityStamp != stamp || row.LockoutEnd > now
            || services.GetRequiredService<SessionLifetime>().IsOver(context.Properties, context.Options)) await RejectAsync(context);
        else
        {
            // Read with the stamp, for the language of this request (Localization/SummitCultureProvider).
            if (row.PreferredLanguage is not null) context.HttpContext.Items[Localization.SummitCultureProvider.PreferenceItem] = row.PreferredLanguage;
            // Staff roles only with a second factor, when it is required (for this request: the cookie stays as it is).
            var staff = services.GetRequiredService<StaffTwoStep>().ForRequest(context.Principal!);
            if (!ReferenceEquals(staff, context.Principal)) context.ReplacePrincipal(staff);
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
