using System.Globalization;

namespace WeProtect.Summit.Web.Localization;

/// <summary>The one rule that chooses a count's singular or plural key: the singular for 1 in every language, and for 0
/// in French too, which counts none as one ("0 organisation a approuvé", not "0 organisations ont approuvé"). Each key
/// holds its number ("{0:N0} delegate"), so the singular key says 0 as well as 1.</summary>
public static class Plurals
{
    /// <summary>Whether <paramref name="count"/> takes the singular in <paramref name="culture"/> (the reader's interface
    /// culture when none is given).</summary>
    public static bool IsSingular(long count, CultureInfo? culture = null) =>
        count == 1 || (count == 0 && (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "fr");

    /// <summary>The key for <paramref name="count"/>: <paramref name="one"/> or <paramref name="other"/>.</summary>
    public static string Key(long count, string one, string other, CultureInfo? culture = null) =>
        IsSingular(count, culture) ? one : other;
}
