using Microsoft.AspNetCore.Localization;
using WeProtect.Summit.Data.Languages;

namespace WeProtect.Summit.Web.Localization;

/// <summary>Chooses the language of a request, in this order: the signed-in user's saved preference (read by
/// <see cref="Accounts.SessionCheck"/> with the security stamp, so no query of its own), the switcher's cookie, the
/// browser's Accept-Language (by quality), the default language of the summit the address names, English. The
/// result pairs the language (UI culture) with the culture that formats its dates and numbers.</summary>
public sealed class SummitCultureProvider : RequestCultureProvider
{
    /// <summary>Where SessionCheck leaves the signed-in user's preference for this request.</summary>
    public const string PreferenceItem = "summit.language-preference";

    public const string CookieName = ".AspNetCore.Culture";

    /// <summary>Pages whose "id" is a summit's; elsewhere a summit is named "summitId".</summary>
    private static readonly HashSet<string> SummitIdPages = ["/Summits/Details", "/Summits/Participants", "/Summits/Manage/Edit"];

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = httpContext.Items[PreferenceItem] as string
            ?? FromCookie(httpContext)
            ?? FromAcceptLanguage(httpContext)
            ?? await FromSummitAsync(httpContext)
            ?? InterfaceLanguages.Default;
        return Result(language);
    }

    public static ProviderCultureResult Result(string language) =>
        new(InterfaceLanguages.Get(language).FormattingCulture, InterfaceLanguages.Get(language).Code);

    private static string? FromCookie(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName, out var value)
        && CookieRequestCultureProvider.ParseCookieValue(value) is { } parsed
            ? InterfaceLanguages.Match(parsed.UICultures.FirstOrDefault().Value)
            : null;

    private static string? FromAcceptLanguage(HttpContext context)
    {
        var header = context.Request.GetTypedHeaders().AcceptLanguage;
        return header.Where(h => (h.Quality ?? 1) > 0).OrderByDescending(h => h.Quality ?? 1)
            .Select(h => InterfaceLanguages.Match(h.Value.Value)).FirstOrDefault(l => l is not null);
    }

    private static async Task<string?> FromSummitAsync(HttpContext context)
    {
        var name = context.GetRouteValue("page") is string page && SummitIdPages.Contains(page) ? "id" : "summitId";
        if (context.GetRouteValue(name)?.ToString() is not { } text || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return null;
        var language = await context.RequestServices.GetRequiredService<SummitLanguages>().DefaultOfAsync(id, summitId =>
            context.RequestServices.GetRequiredService<SummitDbContext>().Summits.AsNoTracking()
                .Where(s => s.Id == summitId).Select(s => s.DefaultLanguage).FirstOrDefaultAsync(context.RequestAborted));
        return InterfaceLanguages.Match(language);
    }
}
