using WeProtect.Summit.Web.Localization;
using System.Globalization;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Languages;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>Issue 19: the communiqué's dates line ("11–12 December 2024 · Abu Dhabi, United Arab Emirates") names the
/// host country in each PDF's language, from the country names shipped per language (Debian iso-codes' translations;
/// .NET gives no region name in a chosen language), with that language's months and comma; the English PDF's line is
/// as it always was.</summary>
public class CommuniquePlaceTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Theory]
    [InlineData("en", "United Arab Emirates", "Kosovo")]
    [InlineData("fr", "Émirats arabes unis", "Kosovo")]
    [InlineData("es", "Emiratos Árabes Unidos", "Kosovo")]
    [InlineData("ar", "الإمارات العربيّة المتحدّة", "كوسوفو")]
    public void A_country_is_named_in_each_language_a_user_assigned_code_too(string language, string uae, string kosovo)
    {
        Assert.Equal(uae, Countries.NameOf("AE", language));
        Assert.Equal(kosovo, Countries.NameOf("XK", language)); // a user-assigned code: named by scripts/country-names.py, not iso-codes
        Assert.Equal("", Countries.NameOf("XX", language));
        Assert.Equal(Countries.NameOf("AE"), Countries.NameOf("AE", null));
    }

    [Fact]
    public void Every_interface_language_but_English_ships_its_country_names()
    {
        foreach (var language in InterfaceLanguages.Codes.Where(c => c != InterfaceLanguages.Default))
        {
            Assert.True(Countries.HasNamesIn(language), $"No {Countries.FileOf(language)}: run scripts/country-names.py");
            // Most names differ from the English ones (a file of English names would pass unnoticed otherwise).
            Assert.True(Countries.All.Keys.Count(c => Countries.NameOf(c, language) != Countries.NameOf(c)) > 100, language);
        }
    }

    [Fact]
    public async Task Each_language_PDF_gives_the_place_in_its_language()
    {
        var closed = await app.ClosedStatementAsync(text: SigningData.TextForAll);
        var summit = await app.WithDbAsync(async db =>
        {
            var s = await db.Summits.SingleAsync(x => x.Id == closed.SummitId);
            (s.City, s.CountryCode) = ("Abu Dhabi", "AE");
            await db.SaveChangesAsync();
            return s;
        });
        foreach (var (language, text) in new[] { ("fr", TranslationData.French), ("es", TranslationData.French), ("ar", TranslationData.Arabic) })
        {
            var added = await app.TranslateAsync(closed.StatementId, language, text);
            Assert.True(added.Succeeded, added.Message);
        }
        var communique = await app.PublishedAsync(closed.StatementId);
        var pdfs = await app.WithDbAsync(db => db.CommuniqueTranslations.AsNoTracking().Where(t => t.CommuniqueId == communique.Id)
            .ToDictionaryAsync(t => t.Language, t => t.Pdf));
        pdfs["en"] = communique.Pdf!;

        foreach (var (language, place) in new[]
                 {
                     ("en", "Abu Dhabi, United Arab Emirates"), ("fr", "Abu Dhabi, Émirats arabes unis"),
                     ("es", "Abu Dhabi, Emiratos Árabes Unidos"), ("ar", "Abu Dhabi، الإمارات العربيّة المتحدّة"),
                 })
        {
            // The whole line: the end date's month and year in the language's culture, then the place.
            var culture = InterfaceLanguages.FormattingCulture(language);
            var line = $"{summit.EndDate.Said("d MMMM yyyy", culture)} · {place}";
            var words = ActualTextWords(pdfs[language]);
            Assert.True(words.Contains(line, StringComparison.Ordinal), $"{language}: no \"{line}\" in\n{words}");
            if (language != "en") Assert.DoesNotContain("United Arab Emirates", words);
        }
    }

    /// <summary>The words of every page as PdfPig reads them, the lines' /ActualText honoured (the logical order of
    /// right-to-left text).</summary>
    private static string ActualTextWords(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf, new UglyToad.PdfPig.ParsingOptions { UseActualText = true });
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
