using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Languages;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Finds English left in a translated page: the page opened in English and in another language, a text of
/// the page's own (not a name, a title or another value of the data) that reads the same in both is English left in the
/// view. So a sentence added later in English only fails too, without anyone listing it. Text in an element whose
/// <c>lang</c> is another language (a statement's text) is data.</summary>
public static partial class EnglishLeft
{
    /// <summary>Every interface language but English, read from the app's one list (InterfaceLanguages): a language
    /// added there is compared with English by every test that takes its languages from here.</summary>
    public static TheoryData<string> Languages() => [.. InterfaceLanguages.Codes.Where(c => c != InterfaceLanguages.Default)];

    /// <summary>Words that are the same in English and the language (checked: the translation is this word); a
    /// language without such words has no entry (<see cref="SameWords"/>).</summary>
    private static readonly Dictionary<string, string[]> SameWord = new()
    {
        ["fr"] = ["Participants", "Documents", "Badge", "Version", "Braille", "Halal", "Organisation", "Organisations", "Communiqués", "Photo", "Cycle", "Actions",
            "Communiqué", "Dates", "Date", "Consultation", "Quotas", "Badges", "Versions", "Publication"],
        ["es"] = ["Braille", "Halal", "Kosher", "Hotel", "No", "Sector"],
    };

    /// <summary>The words of <paramref name="language"/> that are the same in English (none unless listed).</summary>
    public static IReadOnlyList<string> SameWords(string language) => SameWord.GetValueOrDefault(language) ?? [];

    /// <summary>Adds to <paramref name="failures"/> what the translated page left in English (a text of its own, not
    /// data, the same in both), a text with no translation, or a wrong <c>lang</c>.</summary>
    public static void Compare(string url, IHtmlDocument english, IHtmlDocument translated, string language, IEnumerable<string> data, List<string> failures)
    {
        if (translated.DocumentElement.GetAttribute("lang") != language) failures.Add($"{url}: lang={translated.DocumentElement.GetAttribute("lang")}");
        if (translated.Source.Text.Contains(MissingKeyMarker.Marker, StringComparison.Ordinal)) failures.Add($"{url}: a text with no translation");
        var englishTexts = Texts(english, "en").ToHashSet();
        var left = Texts(translated, language)
            .Where(englishTexts.Contains)
            .Where(t => IsWords(WithoutData(t, data)) && !SameWords(language).Contains(t))
            .Distinct().ToList();
        if (left.Count > 0) failures.Add($"{url}: English left: " + string.Join(" | ", left));
    }

    /// <summary>Every country's name as a page in <paramref name="language"/> writes it: data, not a text of the view. Not
    /// the English names: a translated page that still wrote them would then pass.</summary>
    public static IEnumerable<string> CountryNames(string language) => Countries.All.Keys.Select(code => Countries.NameOf(code, language));

    /// <summary>The page at <paramref name="url"/> asked for in <paramref name="language"/> (Accept-Language), which must answer 200.</summary>
    public static async Task<IHtmlDocument> PageAsync(FormClient client, string url, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue(language));
        var response = await client.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} in {language}: {(int)response.StatusCode}");
        return await FormClient.ParseAsync(response);
    }

    /// <summary>The page's own texts in <c>main</c>: text nodes and the labels of controls, whitespace collapsed;
    /// not a hash or other code, not a list's data options, not text in an element of another language.</summary>
    private static IEnumerable<string> Texts(IHtmlDocument page, string language)
    {
        var main = page.QuerySelector("main")!;
        foreach (var node in main.Descendants<IText>())
        {
            var parent = node.ParentElement!;
            if (parent.Closest("code, script, style") is not null) continue;
            if (parent.Closest("option") is IHtmlOptionElement option && option.Value != "") continue;
            if (InAnotherLanguage(page, parent, language)) continue;
            var text = Space().Replace(node.Data, " ").Trim();
            if (text.Length > 0) yield return text;
        }
        foreach (var element in main.QuerySelectorAll("[aria-label], [title], [placeholder]").Where(e => !InAnotherLanguage(page, e, language)))
            foreach (var name in new[] { "aria-label", "title", "placeholder" })
                if (element.GetAttribute(name) is { Length: > 0 } label) yield return Space().Replace(label, " ").Trim();
    }

    private static bool InAnotherLanguage(IHtmlDocument page, IElement element, string language) =>
        element.Closest("[lang]") is { } marked && marked != page.DocumentElement && marked.GetAttribute("lang") != language;

    private static string WithoutData(string text, IEnumerable<string> data) =>
        data.Where(d => d.Length > 1).OrderByDescending(d => d.Length).Aggregate(text, (t, d) => t.Replace(d, " ", StringComparison.Ordinal));

    /// <summary>Has a word of two letters or more (not a number, a time, a code such as UTC or PDF, or a file format's
    /// name such as CSV, Markdown).</summary>
    private static bool IsWords(string text) => Word().Matches(text).Any(m => m.Value is not ("UTC" or "PDF" or "SHA" or "ics" or "webcal" or "CSV" or "JSON" or "Excel" or "Markdown" or "HTML"));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();
}
