using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Web.Localization;

/// <summary>Translation of texts that are not all translated yet (status lines, desk messages, form errors): the
/// translation where there is one, the English text otherwise.</summary>
public static class Translations
{
    public static string OrKey(HttpContext? context, string text)
    {
        if (context?.RequestServices.GetService<IStringLocalizer<SharedResource>>() is not { } localizer) return text;
        return new LenientLocalizer(localizer)[text].Value;
    }

    /// <summary>A text with values (<c>"{0} recovery codes left."</c>): the translation of the format, filled in.</summary>
    public static string OrKey(HttpContext? context, string format, params object[] values)
    {
        if (context?.RequestServices.GetService<IStringLocalizer<SharedResource>>() is not { } localizer)
            return string.Format(CultureInfo.CurrentCulture, format, values);
        return new LenientLocalizer(localizer)[format, values].Value;
    }

    /// <summary>A desk's message (<see cref="DeskText"/>): its template translated as the key, its values filled in
    /// in the request's culture, a value that is itself a desk text translated the same way.</summary>
    public static string Of(HttpContext? context, DeskText text) =>
        context?.RequestServices.GetService<IStringLocalizer<SharedResource>>() is { } localizer ? Of(localizer, text) : text.ToString();

    /// <summary>The same, where there is no request at hand but a localizer (a service called inside one).</summary>
    public static string Of(IStringLocalizer localizer, DeskText text)
    {
        var lenient = new LenientLocalizer(localizer);
        return text.Render((template, values) => values.Length == 0 ? lenient[template].Value : lenient[template, values!].Value,
            static (count, one, other) => Plurals.Key(count, one, other));
    }
}
