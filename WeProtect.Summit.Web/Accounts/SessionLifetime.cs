using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>How long a session lasts however busy it is (<c>Accounts:SessionHours</c>, 12 by default: OWASP ASVS 3.3.2
/// level 2), on top of the cookie's 8 idle hours: a session that is used all the time would otherwise slide on for ever,
/// and a stolen cookie with it. The log-in time is kept in the cookie's properties, which a sliding renewal and a
/// re-issue of the same session (profile change, two-step verification on) carry over, and a new log-in starts afresh.
/// Read by the cookie handler's own clock.</summary>
public sealed class SessionLifetime(TimeSpan limit)
{
    public const string SettingKey = "Accounts:SessionHours";
    public const int DefaultHours = 12;
    private const string SignedInItem = "summit.signed-in";

    public TimeSpan Limit { get; } = limit;

    public static SessionLifetime FromConfiguration(IConfiguration configuration) =>
        new(TimeSpan.FromHours(Parse(configuration[SettingKey]) ?? DefaultHours));

    /// <summary>Null when the setting is fine, else the message that stops the app at start-up.</summary>
    public static string? Refusal(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[SettingKey]) || Parse(configuration[SettingKey]) is not null
            ? null
            : $"{SettingKey} must be a whole number of hours from 1 to 24.";

    /// <summary>At a sign-in: a new session notes when it began; the same session signed in again keeps its time.</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        if (!context.Properties.Items.ContainsKey(SignedInItem))
            context.Properties.Items[SignedInItem] = Now(context.Options).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    /// <summary>Whether the session of these properties has lasted its time (or carries no start: a cookie from before).</summary>
    public bool IsOver(AuthenticationProperties properties, CookieAuthenticationOptions options) =>
        !properties.Items.TryGetValue(SignedInItem, out var text)
        || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        || Now(options) - DateTimeOffset.FromUnixTimeSeconds(seconds) >= Limit;

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();

    private static int? Parse(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours is >= 1 and <= 24 ? hours : null;
}
