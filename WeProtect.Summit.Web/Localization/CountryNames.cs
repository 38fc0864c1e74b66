using System.Collections.Concurrent;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Languages;

namespace WeProtect.Summit.Web.Localization;

/// <summary>Country names as the page's reader reads them: in the request's language (the current UI culture, which
/// <see cref="SummitCultureProvider"/> sets), lists sorted as that language sorts ("Émirats arabes unis" among the E's
/// in French). Downloads, PDFs and the audit trail keep <see cref="Countries.NameOf(string?)"/>: they are records in
/// English whoever reads them.</summary>
public static class CountryNames
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> Lists = new(StringComparer.Ordinal);

    /// <summary>The interface language of the current UI culture; English for any other.</summary>
    public static string Language => InterfaceLanguages.Match(CultureInfo.CurrentUICulture.Name) ?? InterfaceLanguages.Default;

    /// <summary>The name of <paramref name="code"/> in the current language; "" for none or an unknown code.</summary>
    public static string Of(string? code) => Countries.NameOf(code, Language);

    /// <summary>Names compared in the current language's alphabetical order, case ignored.</summary>
    public static StringComparer Order => OrderIn(Language);

    /// <summary>Every country, named and sorted in the current language: one list per language, made once.</summary>
    public static IReadOnlyList<(string Code, string Name)> All => Lists.GetOrAdd(Language, language =>
        Countries.All.Keys.Select(code => (Code: code, Name: Countries.NameOf(code, language))).OrderBy(c => c.Name, OrderIn(language)).ToList());

    /// <summary>The given countries (a list's filter), named and sorted in the current language.</summary>
    public static IReadOnlyList<(string Code, string Name)> Sorted(IEnumerable<string> codes)
    {
        var order = Order;
        return codes.Distinct().Select(code => (Code: code, Name: Of(code))).OrderBy(c => c.Name, order).ToList();
    }

    private static StringComparer OrderIn(string language) =>
        StringComparer.Create(InterfaceLanguages.FormattingCulture(language), ignoreCase: true);
}
