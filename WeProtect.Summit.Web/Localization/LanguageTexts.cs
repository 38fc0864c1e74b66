using System.Resources;
using WeProtect.Summit.Data.Languages;

namespace WeProtect.Summit.Web.Localization;

/// <summary>The shared translations (SharedResource.&lt;language&gt;.resx) in one language named explicitly, for a
/// document written in several languages in one go, such as the communiqué in each of its languages. Nothing here reads
/// the thread's culture: the communiqué job renders under the invariant culture on purpose (see CommuniqueJob), and each
/// language's PDF still gets that language's words and date formats. A key without a translation gives the English
/// text, as <see cref="LenientLocalizer"/> does.</summary>
public sealed class LanguageTexts
{
    /// <summary>Where a view writing a whole document in one named language (a statement's HTML export) hands these
    /// words to the partials it renders.</summary>
    public const string ViewDataKey = nameof(LanguageTexts);

    private static readonly ResourceManager Resources = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    private readonly CultureInfo words;

    /// <param name="language">An interface language's code; any other gives English.</param>
    public LanguageTexts(string? language)
    {
        Language = InterfaceLanguages.Get(InterfaceLanguages.Match(language)).Code;
        words = CultureInfo.GetCultureInfo(Language);
        Culture = InterfaceLanguages.FormattingCulture(Language);
    }

    /// <summary>The language of the request being served (its UI culture, chosen by <see cref="SummitCultureProvider"/>):
    /// for a document the reader downloads for their own use, such as an organiser's participant list.</summary>
    public static LanguageTexts OfRequest() => new(CultureInfo.CurrentUICulture.Name);

    public string Language { get; }

    /// <summary>Whether the language is written right to left (Arabic): its documents are laid out from the right margin.</summary>
    public bool RightToLeft => Culture.TextInfo.IsRightToLeft;


    /// <summary>The culture of dates and numbers in this language, as the interface formats them (en-GB for English;
    /// Arabic as "ar": Gregorian months, Latin digits).</summary>
    public CultureInfo Culture { get; }

    /// <summary>The translation of <paramref name="key"/> (the English text).</summary>
    public string this[string key] => Resources.GetString(key, words) is { Length: > 0 } text ? text : key;

    /// <summary>The translation of a text with values, filled in with this language's formats.</summary>
    public string Format(string key, params object[] values) => string.Format(Culture, this[key], values);

    /// <summary>A count in words, in the language's singular or plural form (<see cref="Plurals.Key"/>).</summary>
    public string Plural(long count, string one, string other) => Format(Plurals.Key(count, one, other, Culture), count);
}
