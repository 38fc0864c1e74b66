using System.Security.Cryptography;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Pdf;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>Issue 19, item 3: the communiqué is published in each language that has a translation of the signed text,
/// one signed PDF per language, listed on the communiqué's page and recognised by the Verify page; Arabic reads back in
/// logical order; the job run again publishes nothing more; no translation is added once published.</summary>
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
        using (var arabicPdf = UglyToad.PdfPig.PdfDocument.Open(languages.Single(l => l.Language == "ar").Pdf, new UglyToad.PdfPig.ParsingOptions { UseActualText = true }))
            Assert.Contains(TranslationData.ArabicPreamble, string.Join(" ", arabicPdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));

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
        Assert.Contains("Français, a translation.", verified.QuerySelector("#verified-language")!.TextContent);
        var (_, authoritative) = await reader.VerifyAsync(communique.Pdf!);
        Assert.Contains("English, the authoritative text.", authoritative.QuerySelector("#verified-language")!.TextContent);
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
}
