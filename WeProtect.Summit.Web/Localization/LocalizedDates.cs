using System.Resources;

namespace WeProtect.Summit.Web.Localization;

/// <summary>A date and time said in the reader's language. Formats are written once, in English order ("d MMMM yyyy,
/// HH:mm"); two things in them differ by language and are taken from the resources: the day-and-month patterns
/// (Spanish says "8 de junio de 2026", not "8 junio 2026": the keys "d MMMM yyyy" and "d MMMM"), and the literal Latin
/// comma, which no culture changes, so Arabic read "4 ديسمبر 2026, 14:16": the comma is taken from the "{0}, {1}" key
/// (as <see cref="LocalizedList"/> joins items), which Arabic writes "، ".</summary>
public static class LocalizedDates
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    /// <summary>The day-and-month patterns a language may say otherwise, longest first.</summary>
    private static readonly string[] DayAndMonth = ["d MMMM yyyy", "d MMMM"];

    /// <summary><paramref name="value"/> in <paramref name="format"/>, said in <paramref name="culture"/> (the request's
    /// when none is given).</summary>
    public static string Said(this DateTime value, string format, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return value.ToString(Pattern(format, culture), culture);
    }

    /// <inheritdoc cref="Said(DateTime, string, CultureInfo?)"/>
    public static string Said(this DateOnly value, string format, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return value.ToString(Pattern(format, culture), culture);
    }

    /// <summary><paramref name="format"/> with its day-and-month pattern as the language says it and each ", "
    /// replaced by the language's comma, quoted as a literal.</summary>
    public static string Pattern(string format, CultureInfo culture)
    {
        foreach (var english in DayAndMonth)
        {
            var at = format.IndexOf(english, StringComparison.Ordinal);
            if (at < 0) continue;
            var said = Resources.GetString(english, culture) ?? english;
            format = string.Concat(format.AsSpan(0, at), said, format.AsSpan(at + english.Length));
            break;
        }
        var comma = (Resources.GetString("{0}, {1}", culture) ?? "{0}, {1}").Replace("{0}", "", StringComparison.Ordinal).Replace("{1}", "", StringComparison.Ordinal);
        return comma == ", " ? format : format.Replace(", ", $"'{comma}'", StringComparison.Ordinal);
    }
}
