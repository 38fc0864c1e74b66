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
        return new LenientLocalizer(localizer)[format, Isolated(values)].Value;
    }

    /// <summary>A desk's message (<see cref="DeskText"/>): its template translated as the key, its values filled in
    /// in the request's culture, a value that is itself a desk text translated the same way.</summary>
    public static string Of(HttpContext? context, DeskText text) =>
        context?.RequestServices.GetService<IStringLocalizer<SharedResource>>() is { } localizer ? Of(localizer, text) : text.ToString();

    /// <summary>The same, where there is no request at hand but a localizer (a service called inside one).</summary>
    public static string Of(IStringLocalizer localizer, DeskText text)
    {
        var lenient = new LenientLocalizer(localizer);
        return text.Render((template, values) => values.Length == 0 ? lenient[template].Value : lenient[template, Isolated(values!)].Value,
            static (count, one, other) => Plurals.Key(count, one, other));
    }

    /// <summary>A plain-text line has no &lt;bdi&gt;: in a right-to-left language each text value with letters but no
    /// right-to-left one (a breakout's title, an organisation's name typed in Latin script) is wrapped in the Unicode
    /// isolates FSI…PDI, which do the same, so that "Your seat at «Age assurance and privacy» is confirmed" keeps its
    /// quotes around the English title. Numbers (even as text), and values already in the reader's script (a translated part of the
    /// message), are left alone.</summary>
    public static object[] Isolated(object[] values) => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft
        ? [.. values.Select(v => v is string text && text.Any(char.IsLetter) && !text.Any(IsRightToLeftLetter) ? Isolate(text) : v)]
        : values;

    // Hebrew, Arabic, Syriac, Thaana, N'Ko… and the Arabic presentation forms.
    private static bool IsRightToLeftLetter(char c) => c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    /// <summary>First strong isolate (U+2068) … pop directional isolate (U+2069).</summary>
    public static string Isolate(string text) => "\u2068" + text + "\u2069";
}
