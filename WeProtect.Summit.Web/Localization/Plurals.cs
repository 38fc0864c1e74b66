using System.Globalization;
using System.Resources;

namespace WeProtect.Summit.Web.Localization;

/// <summary>The one rule that chooses a count's key. Every message has two English keys, the singular and the plural,
/// each holding its number ("{0:N0} delegate", "{0:N0} delegates"), so the singular key says 0 as well as 1. The
/// singular is for 1 in every language, and for 0 in French too, which counts none as one ("0 organisation a
/// approuvé"). Arabic has six categories (CLDR: zero 0, one 1, two 2, few 3–10 and many 11–99 by n mod 100, other
/// the rest: 100–102, 200…): a language that needs a form of its own for a category gives it as an extra key in its
/// own file only, the plural key with "|two", "|few"… appended (<see cref="FormKey"/>); a category without one takes
/// the plural key. So English keys stay two, and Arabic says "3 مندوبين" and "11 مندوبًا".</summary>
public static class Plurals
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    /// <summary>The category of <paramref name="count"/> in <paramref name="culture"/> (the reader's interface culture
    /// when none is given).</summary>
    public static PluralCategory Category(long count, CultureInfo? culture = null)
    {
        var n = Math.Abs(count);
        return (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName switch
        {
            "fr" => n is 0 or 1 ? PluralCategory.One : PluralCategory.Other,
            "ar" => n switch
            {
                0 => PluralCategory.Zero,
                1 => PluralCategory.One,
                2 => PluralCategory.Two,
                _ => (n % 100) switch
                {
                    >= 3 and <= 10 => PluralCategory.Few,
                    >= 11 => PluralCategory.Many,
                    _ => PluralCategory.Other,
                },
            },
            _ => n == 1 ? PluralCategory.One : PluralCategory.Other,
        };
    }

    /// <summary>Whether <paramref name="count"/> takes the singular in <paramref name="culture"/> (the reader's interface
    /// culture when none is given).</summary>
    public static bool IsSingular(long count, CultureInfo? culture = null) => Category(count, culture) == PluralCategory.One;

    /// <summary>The key for <paramref name="count"/>: <paramref name="one"/>, the language's own form of
    /// <paramref name="other"/> for the count's category when its file has one, else <paramref name="other"/>.</summary>
    public static string Key(long count, string one, string other, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var category = Category(count, culture);
        if (category == PluralCategory.One) return one;
        var form = FormKey(other, category);
        return Resources.GetString(form, culture) is not null ? form : other;
    }

    /// <summary>The key of a language's own form of a plural key for a category: "{0:N0} delegates|few".</summary>
    public static string FormKey(string other, PluralCategory category) => $"{other}|{category.ToString().ToLowerInvariant()}";
}
