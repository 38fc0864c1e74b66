namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>The one-line confirmation shown after a redirect ("Summit saved."), carried in TempData's cookie.
/// The layout reads TempData only when that cookie came with the request: reading it otherwise would answer
/// every page with a cookie-deleting header, which keeps public pages out of the output cache.</summary>
public static class StatusMessage
{
    public const string CookieName = "summit.status";

    public static bool IsPending(HttpContext context) => context.Request.Cookies.ContainsKey(CookieName);
}
