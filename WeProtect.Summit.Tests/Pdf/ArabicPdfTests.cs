using System.Globalization;
using UglyToad.PdfPig;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Tests.Communiques;
using WeProtect.Summit.Tests.Statements;
using WeProtect.Summit.Web.Infrastructure;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Pdf;

/// <summary>Issue 19, item 4: Arabic organisation names and mixed Arabic/Latin lines in the communiqué and the
/// signatory list are shaped, laid out right to left inside their left-to-right lines, and read back in logical order
/// by pdftotext and by PdfPig; the PDFs stay tagged and validly signed; Latin-only text is drawn as before.</summary>
public sealed class ArabicPdfTests : IDisposable
{
    /// <summary>"Hope Foundation for Child Protection": one right-to-left run of four words.</summary>
    private const string ArabicName = "مؤسسة الأمل لحماية الطفل";

    /// <summary>Mixed: an Arabic name with a Latin acronym between its words, and Latin words after it.</summary>
    private const string MixedName = "شبكة ECPAT العربية for Child Protection";

    private const string MixedSentence = "We welcome the declaration إعلان أبوظبي لحماية الأطفال adopted in Abu Dhabi.";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "weprotect-pdf-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private SigningCertificate Certificate() => new SigningCertificates(
        new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), new DataFolder(folder)).Current();

    private static IReadOnlyList<Signatory> Signatories()
    {
        var list = CommuniquePdfTests.Signatories().ToList();
        list.Add(new Signatory(100, ArabicName, ArabicName, Sector.CivilSociety, 100, new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), "Printed Name", "Director"));
        list.Add(new Signatory(101, MixedName, MixedName, Sector.CivilSociety, 101, new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), "Printed Name", "Director"));
        return AgreedBy.Order(list, CultureInfo.InvariantCulture.CompareInfo);
    }

    /// <summary>How many dark pixels page 1 has, rasterised by poppler at 200 dpi in grey (a PGM image).</summary>
    private static async Task<int> InkAsync(byte[] pdf)
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"ink-{Guid.NewGuid():N}");
        await Poppler.RunAsync("pdftoppm", pdf, mustSucceed: true, "-r", "200", "-gray", "-f", "1", "-l", "1", prefix);
        var image = Directory.GetFiles(Path.GetDirectoryName(prefix)!, Path.GetFileName(prefix) + "*.pgm").Single();
        try
        {
            var bytes = await File.ReadAllBytesAsync(image);
            // "P5\n<width> <height>\n255\n" then one byte per pixel.
            var header = 0;
            for (var newlines = 0; newlines < 3; header++) if (bytes[header] == '\n') newlines++;
            return bytes.Skip(header).Count(b => b < 128);
        }
        finally
        {
            File.Delete(image);
        }
    }

    [Fact]
    public async Task Every_dot_and_hamza_of_an_Arabic_name_is_drawn()
    {
        // The same letters with and without their dots: dotless beh (ٮ), alef maqsura (ى), dotless noon (ں), and alef
        // without its hamza. In Noto Naskh the dots and hamzas are components of components, which PDFsharp's font subset
        // once left out: both lines then drew the same ink.
        const string dotted = "أحمد بن نبيل الكعبي";
        const string dotless = "احمد ٮں ںٮىل الكعٮى";
        async Task<int> InkOfAsync(string name) => await InkAsync(CommuniquePdf.Render(CommuniquePdfTests.Content(SigningData.TextForAll,
            [new Signatory(1, name, name, Sector.Government, 1, new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), "Printed Name", "Minister")])));
        var withDots = await InkOfAsync(dotted);
        var withoutDots = await InkOfAsync(dotless);
        // Ten dots and a hamza at 10.5 pt and 200 dpi: well over 30 dark pixels.
        Assert.True(withDots > withoutDots + 30, $"Dotted name: {withDots} dark pixels; the same letters without dots: {withoutDots}.");
    }

    /// <summary>The text poppler extracts, without the directional marks (RLE, PDF) it puts around right-to-left runs.</summary>
    private static async Task<string> PopplerTextAsync(byte[] pdf) =>
        new((await Poppler.PdftotextAsync(pdf)).Where(c => c is < '\u202A' or > '\u202E').ToArray());

    /// <summary>PdfPig's words with the replacement text of marked content (/ActualText) honoured, joined by spaces.</summary>
    private static string PdfPigWords(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf, new ParsingOptions { UseActualText = true });
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    private static string WithoutSpaces(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>PdfPig gives each line exactly. pdftotext gives an all-Arabic line exactly; in a mixed line it gives
    /// every letter and word in logical order but moves the space at a right-to-left/left-to-right boundary (poppler's
    /// own reordering puts the space, or punctuation, that ends a right-to-left run before it, whatever the PDF: see
    /// DEVELOPERS.md), so a mixed line is compared without its spaces.</summary>
    private static async Task AssertReadInLogicalOrderAsync(byte[] pdf, params string[] lines)
    {
        var poppler = await PopplerTextAsync(pdf);
        var pig = PdfPigWords(pdf);
        foreach (var line in lines)
        {
            var mixed = line.Any(char.IsAsciiLetter);
            Assert.True(mixed ? WithoutSpaces(poppler).Contains(WithoutSpaces(line), StringComparison.Ordinal) : poppler.Contains(line, StringComparison.Ordinal),
                $"pdftotext does not give \"{line}\" in logical order:\n{poppler}");
            Assert.True(pig.Contains(line, StringComparison.Ordinal), $"PdfPig does not give \"{line}\" in logical order:\n{pig}");
        }
        // No private-use code point (the glyphs' stand-ins while drawing) reaches a reader.
        Assert.DoesNotContain(poppler, c => c is >= '\uE000' and <= '\uF8FF' || char.IsSurrogate(c));
    }

    /// <summary>The Arabic words are drawn right to left: the first letter of a word stands to the right of its last.</summary>
    private static void AssertRightToLeft(byte[] pdf, string word)
    {
        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPages().SelectMany(p => p.Letters).ToList();
        var first = letters.Where(l => l.Value == word[..1]).ToList();
        var last = letters.Where(l => l.Value == word[^1..]).ToList();
        Assert.NotEmpty(first);
        Assert.NotEmpty(last);
        // Some occurrence of the word has its first letter right of its last letter on the same line.
        Assert.Contains(first, f => last.Any(l => Math.Abs(l.StartBaseLine.Y - f.StartBaseLine.Y) < 1 && l.StartBaseLine.X < f.StartBaseLine.X));
    }

    [Fact]
    public async Task A_signed_communique_reads_Arabic_and_mixed_lines_in_logical_order_and_stays_tagged()
    {
        var content = CommuniquePdfTests.Content(StatementExample.CallToAction2024, Signatories());
        using var certificate = Certificate();
        var pdf = PdfSigner.Sign(CommuniquePdf.Render(content), certificate);

        Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(pdf));
        Assert.Matches(@"(?m)^Tagged:\s+yes$", await Poppler.PdfinfoAsync(pdf));
        await AssertReadInLogicalOrderAsync(pdf, ArabicName, MixedName);
        AssertRightToLeft(pdf, "مؤسسة");
        // Latin text is untouched: the other signatories read as before, word by word.
        Assert.Equal(1, PdfTools.CountPhrase(PdfTools.Words(pdf), "Republic of Côte d'Ivoire"));
    }

    [Fact]
    public async Task A_mixed_sentence_in_the_statement_text_reads_in_logical_order()
    {
        var text = StatementExample.CallToAction2024;
        var at = text.IndexOf("\n\n", StringComparison.Ordinal);
        text = text[..at] + "\n\n" + MixedSentence + text[at..];
        var content = CommuniquePdfTests.Content(text, CommuniquePdfTests.Signatories());
        using var certificate = Certificate();
        var pdf = PdfSigner.Sign(CommuniquePdf.Render(content), certificate);

        Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(pdf));
        await AssertReadInLogicalOrderAsync(pdf, MixedSentence);
        AssertRightToLeft(pdf, "أبوظبي");
    }

    [Fact]
    public async Task A_signed_signatory_list_reads_Arabic_and_mixed_names_in_logical_order()
    {
        var header = new SignatoryListHeader(1, "Call to Action 2024", "Global Summit", new string('a', 64), new DateTime(2026, 11, 24, 10, 30, 0, DateTimeKind.Utc), 1);
        using var certificate = Certificate();
        var pdf = PdfSigner.Sign(SignatoryLists.Pdf(header, new AgreedByList(AgreedByLayout.BySector, Signatories())), certificate);

        Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(pdf));
        Assert.Matches(@"(?m)^Tagged:\s+yes$", await Poppler.PdfinfoAsync(pdf));
        await AssertReadInLogicalOrderAsync(pdf, ArabicName, MixedName);
        AssertRightToLeft(pdf, "الطفل");
        Assert.Equal(Signatories().Count, PdfStructure.Read(pdf).OfType("LI").Count());
    }

    [Theory]
    [InlineData("abc def", new byte[] { 0, 0, 0, 0, 0, 0, 0 })]
    // An Arabic word in an English line: one right-to-left run; the spaces around it stay left to right.
    [InlineData("a بت c", new byte[] { 0, 0, 1, 1, 0, 0 })]
    // European digits after Arabic letters are Arabic digits (W2): level 2 inside the right-to-left run.
    [InlineData("ب 12 ت", new byte[] { 1, 1, 2, 2, 1, 1 })]
    public void The_bidi_levels_follow_the_Unicode_algorithm(string text, byte[] expected) =>
        Assert.Equal(expected, PdfBidi.Levels(text));

    [Theory]
    // An Arabic name ending in brackets, in an English line: without N0 the closing bracket would fall to the English
    // side and the brackets would no longer enclose the word.
    [InlineData("ب (ت) c", 0, new byte[] { 1, 1, 1, 1, 1, 0, 0 })]
    // Brackets in English text around an Arabic word stay English (the text before them is).
    [InlineData("a (ب) c", 0, new byte[] { 0, 0, 0, 1, 0, 0, 0 })]
    // In a right-to-left line, English words in brackets after English text keep their brackets left to right.
    [InlineData("a (b) ت", 1, new byte[] { 2, 2, 2, 2, 2, 1, 1 })]
    // A pair enclosing no strong letter is left to N1; unmatched brackets are ordinary neutrals.
    [InlineData("ب ( ) c", 0, new byte[] { 1, 0, 0, 0, 0, 0, 0 })]
    [InlineData("ب (ت c", 0, new byte[] { 1, 1, 1, 1, 0, 0 })]
    public void Bracket_pairs_take_the_direction_of_what_they_enclose(string text, byte paragraphLevel, byte[] expected) =>
        Assert.Equal(expected, PdfBidi.Levels(text, paragraphLevel));

    [Fact]
    public void The_visual_order_keeps_an_arabic_names_brackets_around_its_last_word()
    {
        // Logical "ب (ت) c": the whole name is one right-to-left run, drawn as ")ت( ب" and mirrored by the shaper.
        const string text = "ب (ت) c";
        var visual = new string(PdfBidi.VisualOrder(PdfBidi.Levels(text)).Select(i => text[i]).ToArray());
        Assert.Equal(")ت( ب c", visual);
    }

    [Fact]
    public void The_visual_order_reverses_right_to_left_runs_and_keeps_numbers_left_to_right_inside_them()
    {
        const string text = "a بت 12 ج";
        var visual = new string(PdfBidi.VisualOrder(PdfBidi.Levels(text)).Select(i => text[i]).ToArray());
        Assert.Equal("a ج 12 تب", visual);
    }
}
