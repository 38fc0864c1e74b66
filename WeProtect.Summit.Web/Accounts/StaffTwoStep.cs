using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>Whether organisers and administrators must have proved a second factor in their session before they open a
/// management page (<c>Accounts:StaffTwoStep</c>: <c>Required</c> or <c>Optional</c>). They read passport numbers,
/// access and dietary needs and every delegate's details: a guessed or phished password alone must not open them.
/// Required by default in production; optional by default elsewhere (a developer's first administrator works at once).
/// A session proves it by Identity's "amr" claim "mfa", which the two-step log-in sets and which turning two-step
/// verification on in a session sets too (<see cref="SignInAsProvenAsync"/>).</summary>
public sealed class StaffTwoStep(bool required)
{
    public const string SettingKey = "Accounts:StaffTwoStep";
    private const string AuthenticationMethodReference = "amr";
    private const string MultiFactor = "mfa";

    public bool Required { get; } = required;

    public static StaffTwoStep FromConfiguration(IConfiguration configuration, IHostEnvironment environment) =>
        new(Parse(configuration[SettingKey]) ?? environment.IsProduction());

    /// <summary>Null when the setting is fine, else the message that stops the app at start-up.</summary>
    public static string? Refusal(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[SettingKey]) || Parse(configuration[SettingKey]) is not null
            ? null
            : $"{SettingKey} must be Required or Optional.";

    /// <summary>The claim that says a session's staff roles are withheld until a second factor is proved.</summary>
    private const string WithheldClaim = "summit:staff-roles-withheld";

    private static readonly string[] StaffRoles = [Roles.Organiser, Roles.Admin];

    /// <summary>The session's principal for this request: as it is, or, when a second factor is required and this session
    /// has not proved one, without its organiser and administrator roles. Every policy and every role check then treats
    /// the person as any signed-in user, in one place (<see cref="SessionCheck"/> applies it to each request).</summary>
    public ClaimsPrincipal ForRequest(ClaimsPrincipal principal)
    {
        if (SessionProven(principal) || !StaffRoles.Any(principal.IsInRole)) return principal;
        var identity = (ClaimsIdentity)principal.Identity!;
        var kept = new ClaimsIdentity(identity.Claims.Where(c => !(c.Type == identity.RoleClaimType && StaffRoles.Contains(c.Value))),
            identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType);
        kept.AddClaim(new Claim(WithheldClaim, "true"));
        return new ClaimsPrincipal(kept);
    }

    /// <summary>Whether this session may open what staff open: two-step verification is not required, or the session
    /// proved a second factor. Check-in staff, who hold a grant rather than a role, are held to it by
    /// <see cref="CheckInAccess"/>.</summary>
    public bool SessionProven(ClaimsPrincipal principal) => !Required || principal.HasClaim(AuthenticationMethodReference, MultiFactor);

    /// <summary>Whether this request's staff roles were withheld (the pages then say how to get them back).</summary>
    public static bool Withheld(ClaimsPrincipal user) => user.HasClaim(WithheldClaim, "true");

    /// <summary>Whether <paramref name="user"/> holds a staff role whose pages this setting guards, by the database.</summary>
    public static async Task<bool> IsStaffAsync(UserManager<SummitUser> users, SummitUser user)
    {
        foreach (var role in StaffRoles)
            if (await users.IsInRoleAsync(user, role)) return true;
        return false;
    }

    /// <summary>Signs the user in again as having proved their authenticator (they just typed its code), keeping the
    /// session's other properties: turning two-step verification on opens the staff pages without logging in again.</summary>
    public static async Task SignInAsProvenAsync(SignInManager<SummitUser> signIn, HttpContext context, SummitUser user)
    {
        var current = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await signIn.SignInWithClaimsAsync(user, current.Properties, ProvenClaims());
    }

    /// <summary>The claims of a session that has proved a second factor, as Identity's two-step log-in writes them.</summary>
    public static Claim[] ProvenClaims() => [new(AuthenticationMethodReference, MultiFactor)];

    private static bool? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "required" => true,
        "optional" => false,
        _ => null,
    };
}
