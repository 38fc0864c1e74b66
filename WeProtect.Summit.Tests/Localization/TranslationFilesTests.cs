using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using WeProtect.Summit.Data.Languages;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>The compiled translations (the satellite assemblies built from SharedResource.&lt;language&gt;.resx):
/// every key of the neutral (English) file in every language and no key anywhere else, nothing left empty, the same
/// placeholders on both sides.</summary>
public partial class TranslationFilesTests
{
    private static readonly ResourceManager Resources =
        new("WeProtect.Summit.Web.Localization.SharedResource", typeof(Program).Assembly);

    private static Dictionary<string, string> Entries(CultureInfo culture)
    {
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new Xunit.Sdk.XunitException($"No translations for \"{culture.Name}\": add Localization/SharedResource.{culture.Name}.resx");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
    }

    public static TheoryData<string> Translated() => [.. InterfaceLanguages.Codes.Where(c => c != InterfaceLanguages.Default)];

    /// <summary>The page-by-page language tests (<see cref="EnglishLeft.Languages"/>) run in every language of the app,
    /// so that a language added to InterfaceLanguages is checked there too.</summary>
    [Fact]
    public void The_English_left_tests_run_in_every_other_language_of_the_app()
    {
        Assert.Equal(Translated().Cast<object[]>().Select(row => (string)row[0]), EnglishLeft.Languages().Cast<object[]>().Select(row => (string)row[0]));
    }

    /// <summary>The build keeps only the first of two keys that differ in case ("ministers", "Ministers") and warns; the
    /// second then falls back to English in every language.</summary>
    [Fact]
    public void No_two_keys_of_a_file_differ_only_in_case()
    {
        var folder = Path.Combine(WeProtect.Summit.Tests.Statements.StatementExample.RepositoryRoot(), "WeProtect.Summit.Web", "Localization");
        var clashes = Directory.EnumerateFiles(folder, "SharedResource*.resx")
            .SelectMany(resx => System.Xml.Linq.XDocument.Load(resx).Root!.Elements("data")
                .Select(d => (string)d.Attribute("name")!)
                .GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
                .Select(g => $"{Path.GetFileName(resx)}: {string.Join(" / ", g)}"))
            .ToList();
        Assert.True(clashes.Count == 0, string.Join(" | ", clashes));
    }

    [Fact]
    public void The_neutral_file_is_English_and_holds_every_key_as_its_own_value()
    {
        var neutral = Entries(CultureInfo.InvariantCulture);
        Assert.True(neutral.Count > 100, $"only {neutral.Count} keys");
        var different = neutral.Where(e => e.Key != e.Value).Select(e => e.Key).ToList();
        Assert.True(different.Count == 0, "The key is the English text: " + string.Join(" | ", different));
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void Every_key_is_translated_and_no_translation_lacks_a_key(string language)
    {
        var neutral = Entries(CultureInfo.InvariantCulture);
        var translated = Entries(CultureInfo.GetCultureInfo(language));
        var missing = neutral.Keys.Except(translated.Keys).ToList();
        // A language's own plural forms ("{0:N0} delegates|few", Plurals) are its file's alone.
        var extra = translated.Keys.Except(neutral.Keys).Where(k => !IsPluralForm(k, neutral, language)).ToList();
        var empty = translated.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).ToList();
        Assert.True(missing.Count == 0, $"Missing in {language}: " + string.Join(" | ", missing));
        Assert.True(extra.Count == 0, $"In {language} but not in SharedResource.resx: " + string.Join(" | ", extra));
        Assert.True(empty.Count == 0, $"Empty in {language}: " + string.Join(" | ", empty));
    }

    /// <summary>A key of a language's own plural form: a plural key of the neutral file, with a category the language
    /// has (no "|few" in French) other than One, which is the singular key.</summary>
    private static bool IsPluralForm(string key, Dictionary<string, string> neutral, string language)
    {
        var bar = key.LastIndexOf('|');
        if (bar < 0 || !neutral.ContainsKey(key[..bar])) return false;
        var culture = InterfaceLanguages.FormattingCulture(language);
        var categories = Enumerable.Range(0, 200).Select(n => WeProtect.Summit.Web.Localization.Plurals.Category(n, culture))
            .Where(c => c != WeProtect.Summit.Web.Localization.PluralCategory.One).Distinct();
        return categories.Any(c => WeProtect.Summit.Web.Localization.Plurals.FormKey(key[..bar], c) == key);
    }

    [Fact]
    public void A_plural_form_key_is_a_plural_key_with_a_category_of_its_language()
    {
        var neutral = new Dictionary<string, string> { ["{0:N0} delegates"] = "{0:N0} delegates" };
        Assert.True(IsPluralForm("{0:N0} delegates|few", neutral, "ar"));
        Assert.False(IsPluralForm("{0:N0} delegates|few", neutral, "fr"));
        Assert.False(IsPluralForm("{0:N0} delegates|one", neutral, "ar"));
        Assert.False(IsPluralForm("{0:N0} delegate|few", neutral, "ar"));
        Assert.Contains(Entries(CultureInfo.GetCultureInfo("ar")).Keys, k => IsPluralForm(k, Entries(CultureInfo.InvariantCulture), "ar"));
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void Placeholders_are_the_same_in_the_translation(string language)
    {
        var entries = Entries(CultureInfo.GetCultureInfo(language));
        // A date's day-and-month pattern and its comma may be the language's own ("{0:d 'de' MMMM 'de' yyyy}",
        // "{0:d MMMM yyyy'، 'HH:mm}", see LocalizedDates), as its own entries for them say; nothing else in a placeholder may change.
        var comma = entries["{0}, {1}"].Replace("{0}", "", StringComparison.Ordinal).Replace("{1}", "", StringComparison.Ordinal);
        string AsEnglish(string value) => new[] { "d MMMM yyyy", "d MMMM" }
            .Where(english => entries.TryGetValue(english, out var own) && own != english)
            .Aggregate(value, (text, english) => text.Replace(entries[english], english, StringComparison.Ordinal))
            .Replace($"'{comma}'", ", ", StringComparison.Ordinal);
        var wrong = entries
            .Where(e => !Placeholders(e.Key).SequenceEqual(Placeholders(AsEnglish(e.Value))))
            .Select(e => $"{e.Key} → {e.Value}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>French puts a space before a colon, semicolon, question or exclamation mark ("Votre inscription : …");
    /// placeholders ({0:d MMMM}) and addresses (https:) are not sentences.</summary>
    [Fact]
    public void French_punctuation_has_its_space_before_two_part_marks()
    {
        var glued = Entries(CultureInfo.GetCultureInfo("fr"))
            .Select(e => (e.Key, Text: UrlOrPlaceholder().Replace(e.Value, " ")))
            .Where(e => GluedMark().IsMatch(e.Text)).Select(e => e.Key).ToList();
        Assert.True(glued.Count == 0, "no space before : ; ? or ! in French:\n" + string.Join("\n", glued));
        Assert.Matches(GluedMark(), "Votre inscription: http");
        Assert.DoesNotMatch(GluedMark(), UrlOrPlaceholder().Replace("Le {0:d MMMM} : voir https://example.org", " "));
    }

    /// <summary>French and Spanish never write "approuvée(s)" or "Inscrit(e)": a count takes its singular or plural key
    /// (Plurals), and a person is spoken of in words that need no gender ("Inscription le {0}", "Cette personne…").</summary>
    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public void French_and_Spanish_write_no_bracketed_endings_for_number_or_gender(string language)
    {
        var bracketed = Entries(CultureInfo.GetCultureInfo(language))
            .Where(e => BracketedEnding().IsMatch(e.Value)).Select(e => $"{e.Key} → {e.Value}").ToList();
        Assert.True(bracketed.Count == 0, $"(s), (e), (es) or (a) in {language}:\n" + string.Join("\n", bracketed));
        Assert.Matches(BracketedEnding(), "{0:N0} approuvée(s).");
        Assert.Matches(BracketedEnding(), "Ha sido designado(a)");
        Assert.DoesNotMatch(BracketedEnding(), "Signature (e-mail) de {0} (SHA-256)");
    }

    [GeneratedRegex(@"\p{L}\((s|e|es|a)\)")]
    private static partial Regex BracketedEnding();

    [System.Text.RegularExpressions.GeneratedRegex(@"\p{L}[:;?!]")]
    private static partial System.Text.RegularExpressions.Regex GluedMark();

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^{}]*\}|\b(?:https?|mailto|tel):\S*")]
    private static partial System.Text.RegularExpressions.Regex UrlOrPlaceholder();

    /// <summary>A standard reminder's wording is said whole in each delegate's language: every translation carries
    /// the same named placeholders, none the app does not know.</summary>
    [Theory]
    [MemberData(nameof(Translated))]
    public void The_standard_reminders_are_translated_with_the_same_named_placeholders(string language)
    {
        var translated = Entries(CultureInfo.GetCultureInfo(language));
        foreach (var text in Data.Messages.StandardReminders.All.SelectMany(r => new[] { r.Subject, r.Body }))
        {
            Assert.True(translated.TryGetValue(text, out var said), $"Not in SharedResource.{language}.resx: {text}");
            Assert.Empty(Data.Messages.MessageTemplate.Unknown(said));
            Assert.Equal(Named(text), Named(said));
        }
    }

    private static List<string> Named(string text) => [.. NamedPlaceholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex NamedPlaceholder();

    [Fact]
    public void Arabic_is_right_to_left_and_dates_stay_Gregorian()
    {
        Assert.True(InterfaceLanguages.Get("ar").IsRightToLeft);
        Assert.All(InterfaceLanguages.All.Where(l => l.Code != "ar"), l => Assert.False(l.IsRightToLeft));
        var day = new DateTime(2026, 6, 8);
        Assert.Contains("2026", day.ToString("d MMMM yyyy", InterfaceLanguages.FormattingCulture("ar")));
        Assert.Equal("8 juin 2026", day.ToString("d MMMM yyyy", InterfaceLanguages.FormattingCulture("fr")));
        Assert.Equal("8 de junio de 2026", day.ToString("d 'de' MMMM 'de' yyyy", InterfaceLanguages.FormattingCulture("es")));
    }

    private static List<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
