using System.Globalization;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Communiques;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Pdf;

/// <summary>Issue 19: the Arabic communiqué is laid out right to left, as its page is with <c>dir="rtl"</c>: the title,
/// the dates line, paragraphs, headings and the "Agreed by" list stand against the right margin (indents and list labels
/// counted from it), Latin names keep their word order, and the footer's page number moves to the left. Read from the
/// text positions pdftotext gives (<c>-bbox</c>). An English communiqué keeps an Arabic name on the left, and reading the
/// Arabic lines back stays exact in both, in one process.</summary>
public sealed class RightToLeftPdfTests
{
    private const string ArabicName = "مؤسسة الأمل لحماية الطفل";

    // A4 with 20 mm margins, as PdfFlow lays it out.
    private const double PageWidth = 210 / 25.4 * 72;
    private const double Margin = 20 / 25.4 * 72;
    private const double Right = PageWidth - Margin;
    private const double Tolerance = 1.5;

    private static IReadOnlyList<Signatory> Signatories()
    {
        var list = CommuniquePdfTests.Signatories().ToList();
        list.Add(new Signatory(100, ArabicName, ArabicName, Sector.CivilSociety, 100, new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), "Printed Name", "Director"));
        return AgreedBy.Order(list, CultureInfo.InvariantCulture.CompareInfo);
    }

    private static CommuniqueContent Arabic()
    {
        var english = CommuniquePdfTests.Content(SigningData.TextForAll, Signatories());
        return english with
        {
            Document = StatementParser.Parse(TranslationData.Arabic).Document!, Language = "ar",
            SummitWhenWhere = "11–12 ديسمبر 2024 · أبوظبي، الإمارات العربيّة المتحدّة",
            AuthoritativeLanguage = "en", AuthoritativeHash = english.ContentHash,
        };
    }

    /// <summary>The words of the first line (on any page) that holds every one of <paramref name="words"/> and nothing else
    /// but its list label.</summary>
    private static List<PdfWordBox> Line(IReadOnlyList<PdfWordBox> boxes, params string[] words)
    {
        foreach (var first in boxes.Where(b => b.Text == words[0]))
        {
            var line = boxes.Where(first.OnLineOf).ToList();
            var text = line.Select(b => b.Text).Where(t => !IsLabel(t)).ToList();
            if (text.Count == words.Length && words.All(text.Contains)) return line;
        }
        throw new Xunit.Sdk.XunitException($"No line of exactly \"{string.Join(' ', words)}\":\n"
            + string.Join("\n", boxes.GroupBy(b => (b.Page, Math.Round(b.YMin))).Select(g => string.Join(' ', g.Select(b => b.Text)))));
    }

    private static bool IsLabel(string text) => text is "1." or ".1" or "a." or ".a" or "•";

    /// <summary>The right edge of the line's words (its label aside).</summary>
    private static double TextRight(List<PdfWordBox> line) => line.Where(b => !IsLabel(b.Text)).Max(b => b.XMax);

    /// <summary>The words with their boxes, an Arabic word's letters in logical order: <c>pdftotext -bbox</c> gives them as
    /// they stand on the line, right to left (its plain text output reorders them).</summary>
    private static async Task<List<PdfWordBox>> WordsAsync(byte[] pdf) =>
        (await Poppler.WordBoxesAsync(pdf)).Select(b => HasArabic(b.Text) ? b with { Text = new string(b.Text.Reverse().ToArray()) } : b).ToList();

    private static bool HasArabic(string text) => text.Any(c => c is >= '\u0600' and <= '\u06FF');

    [Fact]
    public async Task An_Arabic_communique_stands_against_the_right_margin_and_an_English_one_against_the_left()
    {
        var pdf = CommuniquePdf.Render(Arabic());
        var boxes = await WordsAsync(pdf);

        // The title (H1), the dates line, the preamble, a section heading and "Agreed by:" with a sector heading: flush right.
        Assert.InRange(TextRight(Line(boxes, "بيان", "العمل")), Right - Tolerance, Right + Tolerance);
        var dates = boxes.First(b => b.Text == "ديسمبر");
        Assert.InRange(boxes.Where(dates.OnLineOf).Max(b => b.XMax), Right - Tolerance, Right + Tolerance);
        Assert.InRange(TextRight(Line(boxes, TranslationData.ArabicPreamble.Split(' '))), Right - Tolerance, Right + Tolerance);
        Assert.InRange(TextRight(Line(boxes, "يلتزم", "جميع", "الأعضاء", "بما", "يلي")), Right - Tolerance, Right + Tolerance);
        var agreedBy = boxes.First(b => b.Text.StartsWith("الجهات", StringComparison.Ordinal));
        Assert.InRange(boxes.Where(agreedBy.OnLineOf).Max(b => b.XMax), Right - Tolerance, Right + Tolerance);
        Assert.InRange(TextRight(Line(boxes, "الحكومات")), Right - Tolerance, Right + Tolerance);

        // A numbered commitment: its text 22 pt in from the right margin, its number hanging on the right; a lettered item
        // 42 pt in, its letter at 24 pt.
        var commitment = Line(boxes, "وضع", "الأطفال", "أولا");
        Assert.InRange(TextRight(commitment), Right - 22 - Tolerance, Right - 22 + Tolerance);
        var number = Assert.Single(commitment, b => IsLabel(b.Text));
        Assert.InRange(number.XMax, Right - Tolerance, Right + Tolerance);
        Assert.True(number.XMin > TextRight(commitment), "the number stands right of the text");
        var item = Line(boxes, "الاستماع", "إلى", "الأطفال");
        Assert.InRange(TextRight(item), Right - 42 - Tolerance, Right - 42 + Tolerance);
        Assert.InRange(Assert.Single(item, b => IsLabel(b.Text)).XMax, Right - 24 - Tolerance, Right - 24 + Tolerance);

        // The "Agreed by" list, indented 12 pt from the right: an Arabic name, and a Latin one in its own word order.
        Assert.InRange(TextRight(Line(boxes, ArabicName.Split(' '))), Right - 12 - Tolerance, Right - 12 + Tolerance);
        var norway = Line(boxes, "Kingdom", "of", "Norway");
        Assert.Equal(["Kingdom", "of", "Norway"], norway.OrderBy(b => b.XMin).Select(b => b.Text));
        Assert.InRange(norway.Max(b => b.XMax), Right - 12 - Tolerance, Right - 12 + Tolerance);

        // No Arabic line of the body starts at the left margin: every one ends at most 42 pt from the right margin.
        // (A raised mark such as a shadda is a "word" of its own to pdftotext, a little above its line.)
        foreach (var word in boxes.Where(b => HasArabic(b.Text) && !b.Text.All(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)))
            Assert.True(boxes.Where(word.OnLineOf).Max(b => b.XMax) > Right - 42 - Tolerance, $"\"{word.Text}\" stands on a line away from the right margin");

        // The footer: the title on the right, "Page 1 of n" on the left.
        var footerTop = boxes.Where(b => b.Page == 1).Max(b => b.YMin);
        var footer = boxes.Where(b => b.Page == 1 && Math.Abs(b.YMin - footerTop) < 1).ToList();
        Assert.InRange(footer.Max(b => b.XMax), Right - Tolerance, Right + Tolerance);
        Assert.InRange(footer.Where(b => b.Text == "الصفحة").Select(b => b.XMin).Single(), Margin - Tolerance, PageWidth / 2);
        Assert.InRange(footer.Min(b => b.XMin), Margin - Tolerance, Margin + Tolerance);

        // Read back in logical order (pdftotext from the glyphs, PdfPig from the lines' /ActualText).
        var text = await Poppler.PdftotextAsync(pdf);
        Assert.Contains(TranslationData.ArabicPreamble, text);
        Assert.Contains(ArabicName, text);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf, new UglyToad.PdfPig.ParsingOptions { UseActualText = true }))
        {
            var words = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains(ArabicName, words);
            Assert.Contains("11–12 ديسمبر 2024 · أبوظبي، الإمارات العربيّة المتحدّة", words);
        }

        // The English communiqué, drawn after it in the same process: the Arabic name starts 12 pt from the left margin and
        // pdftotext still reads it exactly.
        var english = CommuniquePdf.Render(CommuniquePdfTests.Content(SigningData.TextForAll, Signatories()));
        var englishBoxes = await WordsAsync(english);
        Assert.InRange(Line(englishBoxes, ArabicName.Split(' ')).Min(b => b.XMin), Margin + 12 - Tolerance, Margin + 12 + Tolerance);
        Assert.InRange(Line(englishBoxes, "Kingdom", "of", "Norway").Min(b => b.XMin), Margin + 12 - Tolerance, Margin + 12 + Tolerance);
        Assert.Contains(ArabicName, await Poppler.PdftotextAsync(english));
    }

    [Fact]
    public async Task An_Arabic_declaration_in_an_English_communique_reads_from_the_right_as_written()
    {
        const string ArabicDeclaration = "تحتفظ الحكومة بحقها في تفسير الفقرة 2 وفق دستورها.";
        const string EnglishDeclaration = "Subject to ratification by parliament.";
        var signatories = Signatories().Select(s => s.FormalName == ArabicName ? s with { Declaration = ArabicDeclaration }
            : s.FormalName.Contains("Norway", StringComparison.Ordinal) ? s with { Declaration = EnglishDeclaration } : s).ToList();
        var pdf = CommuniquePdf.Render(CommuniquePdfTests.Content(SigningData.TextForAll, signatories));
        var boxes = await WordsAsync(pdf);

        // Each organisation's name on its line after its note number, against the left margin as the document runs; the
        // declaration beneath it in its own direction: the English one from the left, the Arabic one from the right.
        var english = Line(boxes, EnglishDeclaration.Split(' '));
        Assert.InRange(english.Min(b => b.XMin), Margin + 24 - Tolerance, Margin + 24 + Tolerance);
        var arabic = Line(boxes, ArabicDeclaration.Split(' '));
        Assert.InRange(arabic.Max(b => b.XMax), Right - 24 - Tolerance, Right - 24 + Tolerance);
        // Read from the right: its first word rightmost, its last (with the full stop) leftmost, where Arabic ends.
        Assert.Equal(ArabicDeclaration.Split(' '), arabic.OrderByDescending(b => b.XMax).Select(b => b.Text));
        // Read back in logical order from the line's /ActualText, as a screen reader or a copy does.
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf, new UglyToad.PdfPig.ParsingOptions { UseActualText = true });
        Assert.Contains(ArabicDeclaration, string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
    }

    [Theory]
    // Right-to-left paragraph (level 1): a Latin name keeps its order, the full stop after it goes to its left.
    [InlineData("Norway.", ".Norway")]
    // An Arabic word then a number: the number keeps its digits left to right, on the left of the word.
    [InlineData("بت 12", "12 تب")]
    public void A_right_to_left_paragraph_orders_its_runs_from_the_right(string text, string visual)
    {
        var order = PdfBidi.VisualOrder(PdfBidi.Levels(text, paragraphLevel: 1));
        Assert.Equal(visual, new string(order.Select(i => text[i]).ToArray()));
    }
}
