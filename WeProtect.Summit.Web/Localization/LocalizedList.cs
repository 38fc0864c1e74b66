using Microsoft.Extensions.Localization;

namespace WeProtect.Summit.Web.Localization;

/// <summary>Items said one after another as the reader's language lists them: through the "{0}, {1}" key, so that
/// Arabic joins them with its own comma ("دبي، الإمارات") and never a Latin one.</summary>
public static class LocalizedList
{
    public static string List(this IStringLocalizer localizer, params IEnumerable<string> items) =>
        items.Where(i => i.Length > 0).Aggregate("", (said, next) => said.Length == 0 ? next : localizer["{0}, {1}", said, next].Value);
}
