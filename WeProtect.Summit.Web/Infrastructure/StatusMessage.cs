using Microsoft.AspNetCore.Mvc.ViewFeatures;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>The one-line answer shown after a redirect ("Summit saved.", or why nothing was saved), carried in
/// TempData's cookie with its <see cref="StatusKind"/>. The layout reads TempData only when that cookie came with the
/// request: reading it otherwise would answer every page with a cookie-deleting header, which keeps public pages out
/// of the output cache. Pages write it with <see cref="ShowStatus(PageModel, string, StatusKind)"/> (or through
/// <see cref="PageAnswers"/>); views show it with the one partial, Pages/Shared/_Status.cshtml (its markup in _StatusLine.cshtml, which htmx answers use too) (where the page
/// places it, else at the top of the layout): nothing else touches the TempData keys.</summary>
public static class StatusMessage
{
    public const string CookieName = "summit.status";
    private const string Key = "Status";
    private const string KindKey = "StatusKind";
    // Set once the line is rendered, so that a page placing it and the layout do not both show it.
    private static readonly object Shown = new();

    public static bool IsPending(HttpContext context) => context.Request.Cookies.ContainsKey(CookieName);

    /// <summary>Shows <paramref name="message"/> on the next page the browser opens (after the redirect), in the
    /// request's language where it has a translation (<see cref="Localization.Translations"/>).</summary>
    public static void ShowStatus(this PageModel page, string message, StatusKind kind = StatusKind.Done) =>
        Keep(page, Localization.Translations.OrKey(page.HttpContext, message), kind);

    /// <summary>Shows a desk's message (translated with its values) as what it is: done, refused (or not found), or a conflict.</summary>
    public static void ShowStatus(this PageModel page, DeskResult result) =>
        Keep(page, Localization.Translations.Of(page.HttpContext, result.Text), result.Answer switch
        {
            DeskAnswer.Done => StatusKind.Done,
            DeskAnswer.Conflict => StatusKind.Conflict,
            _ => StatusKind.Refused,
        });

    private static void Keep(PageModel page, string translated, StatusKind kind)
    {
        page.TempData[Key] = translated;
        page.TempData[KindKey] = kind.ToString();
    }

    /// <summary>The waiting status line, once per request: null when there is none or it was shown already.</summary>
    public static StatusLine? Take(HttpContext context, ITempDataDictionary tempData)
    {
        if (context.Items.ContainsKey(Shown) || tempData[Key] is not string message) return null;
        context.Items[Shown] = true;
        var kind = Enum.TryParse<StatusKind>(tempData[KindKey] as string, out var k) ? k : StatusKind.Done;
        return new StatusLine(message, kind);
    }
}
