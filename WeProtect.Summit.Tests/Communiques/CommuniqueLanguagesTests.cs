using System.Globalization;
using System.Security.Cryptography;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Pdf;
using WeProtect.Summit.Web.Jobs;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>Issue 19, item 3: the communiqué is published in each language that has a translation of the signed text,
/// one signed PDF per language, listed on the communiqué's page and recognised by the Verify page; Arabic reads back in
/// logical order; the job run again publishes nothing more; no translation is added once published. Each PDF's fixed
/// words (headings, labels, page numbers) and dates are in its own language; the authoritative English PDF's are as
/// they always were.</summary>
public class CommuniqueLanguagesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Each_translated_language_gets_its_own_signed_PDF_listed_downloadable_and_verifiable()
    {
        var closed = await app.ClosedStatementAsync(text: SigningData.TextForAll);
        // Translations of the frozen text may still be added after signing closed, before publication.
        var french = await app.TranslateAsync(closed.StatementId, "fr", TranslationData.French);
        var arabic = await app.TranslateAsync(closed.StatementId, "ar", TranslationData.Arabic);
        Assert.True(french.Succeeded && arabic.Succeeded, french.Message + arabic.Message);

        var communique = await app.PublishedAsync(closed.StatementId);
        var languages = await app.WithDbAsync(db => db.CommuniqueTranslations.AsNoTracking().Where(t => t.CommuniqueId == communique.Id).OrderBy(t => t.Language).ToListAsync());
        Assert.Equal(["ar", "fr"], languages.Select(l => l.Language));
        Assert.Equal([arabic.Value!.ContentHash, french.Value!.ContentHash], languages.Select(l => l.ContentHash));
        foreach (var l in languages)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(l.Pdf)), l.Sha256);
            Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(l.Pdf));
            Assert.NotEqual(communique.Sha256, l.Sha256);
        }
        var frenchPdf = languages.Single(l => l.Language == "fr").Pdf;
        var frenchWords = PdfTools.Words(frenchPdf);
        Assert.Contains("Légiférer", frenchWords);
        Assert.Contains(closed.ContentHash, frenchWords);   // the authoritative hash, printed beside the translation's
        Assert.Contains(french.Value.ContentHash, frenchWords);
        Assert.Equal("fr", PdfStructure.Read(frenchPdf).Language);
        // Arabic: the preamble line reads back in logical order (its /ActualText, as PdfPig and screen readers read it;
        // pdftotext's reading of shaped glyphs depends on what the process drew before: see the closing notes).
        var arabicWords = ActualTextWords(languages.Single(l => l.Language == "ar").Pdf);
        Assert.Contains(TranslationData.ArabicPreamble, arabicWords);

        // The fixed words and the dates in each PDF's language, from the shared translations; the English PDF's unchanged.
        var published = communique.PublishedUtc!.Value;
        var count = closed.Organisations.Count;
        var englishWords = PdfTools.Words(communique.Pdf!);
        Assert.Contains("Agreed by:", englishWords);
        Assert.Contains("Governments", englishWords);
        Assert.Contains($"Signatories: {count}", englishWords);
        Assert.Contains("Content hash (SHA-256 of the canonical text):", englishWords);
        Assert.Contains($"Published: {published.ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"))} UTC", englishWords);
        Assert.Contains("Page 1 of ", englishWords);
        Assert.DoesNotContain("Approuvé", englishWords);
        Assert.Contains("Approuvé par :", frenchWords);
        Assert.Contains("Gouvernements", frenchWords);
        Assert.Contains($"Signataires : {count}", frenchWords);
        Assert.Contains("Langue : Français (fr), une traduction. Le texte anglais fait foi.", frenchWords);
        Assert.Contains("Empreinte de la traduction (SHA-256 de son texte canonique) :", frenchWords);
        Assert.Contains($"Publication : {published.ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("fr-FR"))} UTC", frenchWords);
        Assert.Contains("Page 1 sur ", frenchWords);
        foreach (var english in new[] { "Agreed by", "Governments", "Signatories", "Published", "a translation", "Page 1 of" })
        {
            Assert.DoesNotContain(english, frenchWords);
            Assert.DoesNotContain(english, arabicWords);
        }
        Assert.Contains("الجهات المصادِقة:", arabicWords);
        Assert.Contains("الحكومات", arabicWords);
        Assert.Contains($"عدد الموقّعين: {count}", arabicWords);
        Assert.Contains("بصمة الترجمة", arabicWords);
        // Arabic months with the Latin digits the interface shows (the "ar" culture formats as the pages do), and the
        // Arabic comma between the day and the time.
        var arabicDate = published.ToString("d MMMM yyyy'، 'HH:mm", CultureInfo.GetCultureInfo("ar"));
        Assert.Matches(@"^\d+ \p{IsArabic}+ \d{4}، \d\d:\d\d$", arabicDate);
        Assert.Contains($"تاريخ النشر: {arabicDate} UTC", arabicWords);

        // The public page lists each language's PDF; the download is the stored file.
        var reader = app.CreateFormClient();
        var page = await reader.GetPageAsync($"/Communiques/{communique.Id}");
        Assert.Equal(["ar", "fr"], page.QuerySelectorAll("#communique-languages li").Select(li => li.GetAttribute("data-language")!).Order().ToList());
        Assert.Contains("The English text is authoritative.", page.QuerySelector("#communique-languages")!.TextContent);
        var href = page.QuerySelector("#communique-languages li[data-language=fr] a")!.GetAttribute("href")!;
        var download = await reader.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(frenchPdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/Communiques/{communique.Id}/language?language=es")).StatusCode);

        // Verify knows the French PDF: which statement, which language, valid; and the English one as authoritative.
        var (_, verified) = await reader.VerifyAsync(frenchPdf, "communique-fr.pdf");
        Assert.Equal("true", verified.QuerySelector("#verify-result")!.GetAttribute("data-valid"));
        Assert.Contains(closed.Title, verified.QuerySelector("#verdict")!.TextContent);
        Assert.Equal("fr", verified.QuerySelector("#verified-language")!.GetAttribute("data-language"));
        Assert.Contains("Français, a translation. The English text is authoritative.", verified.QuerySelector("#verified-language")!.TextContent);
        // The language named as it calls itself, marked as French inside the English sentence (a screen reader says it in French).
        Assert.Equal(("fr", "Français"), (verified.QuerySelector("#verified-language bdi")!.GetAttribute("lang"), verified.QuerySelector("#verified-language bdi")!.TextContent));
        var (_, authoritative) = await reader.VerifyAsync(communique.Pdf!);
        // Said once: "the authoritative text", not followed by "The English text is authoritative." as well.
        Assert.Equal("Language version: English, the authoritative text.", authoritative.QuerySelector("#verified-language")!.TextContent.Trim());
        var changed = (byte[])frenchPdf.Clone();
        changed[changed.Length / 2] ^= 1;
        var (_, notValid) = await reader.VerifyAsync(changed);
        Assert.Equal("false", notValid.QuerySelector("#verify-result")!.GetAttribute("data-valid"));

        // The job run again publishes nothing more; and nothing is translated once published.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CommuniqueJob>().PublishAsync(communique.Id, CancellationToken.None);
        Assert.Equal(2, await app.WithDbAsync(db => db.CommuniqueTranslations.CountAsync(t => t.CommuniqueId == communique.Id)));
        var late = await app.TranslateAsync(closed.StatementId, "es", TranslationData.French);
        Assert.False(late.Succeeded);
        Assert.Contains("published", late.Message);
    }

    /// <summary>A revision's line and the dates follow the language the content names, not the thread's culture (the job
    /// renders under the invariant culture; a request or letter may have left any culture on the thread).</summary>
    [Fact]
    public void The_language_is_the_contents_not_the_threads()
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-ES");
        try
        {
            var before = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
            var english = CommuniquePdfTests.Content(SigningData.TextForAll, CommuniquePdfTests.Signatories()) with { Revision = 2, SupersedesPublishedUtc = before };
            var translated = StatementParser.Parse(TranslationData.French).Document!;
            var french = english with { Document = translated, Language = "fr", AuthoritativeLanguage = "en", AuthoritativeHash = english.ContentHash };
            var arabic = french with { Document = StatementParser.Parse(TranslationData.Arabic).Document!, Language = "ar" };

            var englishWords = PdfTools.Words(CommuniquePdf.Render(english));
            Assert.Contains("Revision 2, after late endorsements; it supersedes revision 1 published 20 November 2026, 09:00 UTC", englishWords);
            Assert.Contains("Published: 24 November 2026, 10:30 UTC (24 November 2026, 14:30 Asia/Dubai)", englishWords);
            Assert.Contains("Statement version: 3", englishWords);
            Assert.DoesNotContain("Noviembre", englishWords, StringComparison.OrdinalIgnoreCase);

            var frenchWords = PdfTools.Words(CommuniquePdf.Render(french));
            Assert.Contains("Révision 2, après des approbations tardives ; elle remplace la révision 1 publiée le 20 novembre 2026, 09:00 UTC", frenchWords);
            Assert.Contains("Publication : 24 novembre 2026, 10:30 UTC (24 novembre 2026, 14:30 Asia/Dubai)", frenchWords);
            Assert.Contains("Version de la déclaration : 3", frenchWords);

            var arabicWords = ActualTextWords(CommuniquePdf.Render(arabic));
            var ar = CultureInfo.GetCultureInfo("ar");
            Assert.Contains($"المراجعة 2، بعد مصادقات متأخرة؛ وهي تحل محل المراجعة 1 المنشورة في {before.ToString("d MMMM yyyy'، 'HH:mm", ar)} UTC", arabicWords);
            Assert.Contains("نسخة البيان: 3", arabicWords);
            Assert.DoesNotContain("Revision", arabicWords);
            Assert.False(arabicWords.Any(c => c is >= '\u0660' and <= '\u0669'), "Arabic-Indic digits: " + arabicWords); // Latin digits, as the interface shows them
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>The words of every page as PdfPig reads them with the lines' /ActualText (the logical order of shaped
    /// right-to-left text).</summary>
    private static string ActualTextWords(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf, new UglyToad.PdfPig.ParsingOptions { UseActualText = true });
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
