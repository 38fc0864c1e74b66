using System.Globalization;

namespace WeProtect.Summit.Data.Languages;

/// <summary>The languages the interface and the e-mails speak: the one list. Adding a language is adding a line here
/// and its resource file (Web/Localization/SharedResource.&lt;code&gt;.resx); the localization tests fail until every
/// key is translated. Codes are ISO 639-1, as in <c>lang</c> attributes and Accept-Language.</summary>
public static class InterfaceLanguages
{
    /// <summary>The language of the neutral resources, and of anyone about whom nothing else is known.</summary>
    public const string Default = "en";

    public const int CodeMaxLength = 8;

    /// <summary>Each language with its own name (as the switcher shows it) and the culture that formats dates and
    /// numbers for it. English formats as in the United Kingdom, where the app always formatted; Arabic as the neutral
    /// "ar", whose calendar is the Gregorian one (ar-SA's would be Umm al-Qura).</summary>
    public static readonly IReadOnlyList<InterfaceLanguage> All =
    [
        new("en", "English", "en-GB"),
        new("fr", "Français", "fr-FR"),
        new("es", "Español", "es-ES"),
        new("ar", "العربية", "ar"),
    ];

    public static IReadOnlyList<string> Codes { get; } = All.Select(l => l.Code).ToList();

    public static bool IsSupported(string? code) => code is not null && All.Any(l => l.Code == code);

    /// <summary>The supported language of a tag such as "fr-CA" or "AR", or null.</summary>
    public static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return IsSupported(primary) ? primary : null;
    }

    /// <summary>The language someone reads the app's e-mails in: their own choice, else <paramref name="fallback"/>
    /// (a summit's default language), else <see cref="Default"/>.</summary>
    public static string ReaderLanguage(string? preferred, string? fallback = null) => Match(preferred) ?? Match(fallback) ?? Default;

    public static InterfaceLanguage Get(string? code) => All.FirstOrDefault(l => l.Code == code) ?? All[0];

    /// <summary>The culture for dates and numbers in that language.</summary>
    public static CultureInfo FormattingCulture(string? code) => CultureInfo.GetCultureInfo(Get(code).FormattingCulture);
}
