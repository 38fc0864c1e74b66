using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>The one-line confirmation shown after a redirect ("Summit saved."), carried in TempData's cookie.
/// The layout reads TempData only when that cookie came with the request: reading it otherwise would answer
/// every page with a cookie-deleting header, which keeps public pages out of the output cache.
/// Pages write it with <see cref="ShowStatus"/> (or through <see cref="PageAnswers"/>), views read it with
/// <see cref="Of"/>: nothing else touches the TempData key.</summary>
public static class StatusMessage
{
    public const string CookieName = "summit.status";
    private const string Key = "Status";

    public static bool IsPending(HttpContext context) => context.Request.Cookies.ContainsKey(CookieName);

    /// <summary>Shows <paramref name="message"/> on the next page the browser opens (after the redirect), in the
    /// request's language where it has a translation (<see cref="Localization.Translations"/>).</summary>
    public static void ShowStatus(this PageModel page, string message) =>
        page.TempData[Key] = Localization.Translations.OrKey(page.HttpContext, message);

    /// <summary>Whether a status message is already waiting (set earlier in this request).</summary>
    public static bool HasStatus(this PageModel page) => page.TempData.Peek(Key) is string;

    /// <summary>The waiting status message, if any.</summary>
    public static string? Of(ITempDataDictionary tempData) => tempData[Key] as string;
}
