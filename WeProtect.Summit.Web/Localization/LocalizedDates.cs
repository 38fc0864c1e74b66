using System.Resources;

namespace WeProtect.Summit.Web.Localization;

/// <summary>A date and time said with the reader's comma. Formats such as "d MMMM yyyy, HH:mm" hold a literal Latin
/// comma that no culture changes, so Arabic read "4 ديسمبر 2026, 14:16": the comma is taken from the "{0}, {1}" key
/// (as <see cref="LocalizedList"/> joins items), which Arabic writes "، ".</summary>
public static class LocalizedDates
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    /// <summary><paramref name="value"/> in <paramref name="format"/>, its ", " the language's own comma, in
    /// <paramref name="culture"/> (the request's when none is given).</summary>
    public static string Said(this DateTime value, string format, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return value.ToString(Pattern(format, culture), culture);
    }

    /// <summary><paramref name="format"/> with each ", " replaced by the language's comma, quoted as a literal.</summary>
    public static string Pattern(string format, CultureInfo culture)
    {
        var comma = (Resources.GetString("{0}, {1}", culture) ?? "{0}, {1}").Replace("{0}", "", StringComparison.Ordinal).Replace("{1}", "", StringComparison.Ordinal);
        return comma == ", " ? format : format.Replace(", ", $"'{comma}'", StringComparison.Ordinal);
    }
}
