using Microsoft.AspNetCore.Localization;
using WeProtect.Summit.Data.Languages;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Web.Pages;

/// <summary>The language switcher's target (the form at the foot of every page): saves the choice
/// in a cookie and, for a signed-in user, on their profile, then goes back. No antiforgery token: public pages are
/// served from the output cache, which cannot hold a visitor's own token, and a cross-site post carries no sign-in
/// cookie (SameSite=Lax), so at worst it changes a browser's language.</summary>
[IgnoreAntiforgeryToken]
public class LanguageModel(UserManager<SummitUser> users, TimeProvider clock) : PageModel
{
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
        if (!Url.IsLocalUrl(ReturnUrl)) ReturnUrl = null;
    }

    public async Task<IActionResult> OnPostAsync(string? culture)
    {
        if (InterfaceLanguages.Match(culture) is not { } language || language != culture)
            return BadRequest("Choose one of the app's languages.");
        Response.Cookies.Append(SummitCultureProvider.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(InterfaceLanguages.Get(language).FormattingCulture, language)),
            new CookieOptions
            {
                Expires = clock.GetUtcNow() + CookieLifetime, HttpOnly = true, SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps, IsEssential = true,
            });
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.PreferredLanguage != language)
        {
            user.PreferLanguage(language);
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded) return StatusCode(StatusCodes.Status409Conflict);
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
