using UglyToad.PdfPig;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Third-party readers of the PDFs: poppler's <c>pdfsig</c> for the signature, PdfPig for the text.</summary>
internal static class PdfTools
{
    /// <summary>pdfsig's report on the file. pdfsig exits 0 whether the signature is valid or not, so the report is
    /// what the tests read. A machine without poppler-utils fails the test (scripts/test.sh installs it).</summary>
    public static Task<string> PdfsigAsync(byte[] pdf) => Poppler.RunAsync("pdfsig", pdf, mustSucceed: false);

    /// <summary>The words of every page, in reading order, joined by single spaces (PdfPig's GetWords; page.Text
    /// runs lines together).</summary>
    public static string Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    /// <summary>The words above the footer of every page (the footer's "Page n of m" left out), so that a paragraph
    /// split over two pages reads as one.</summary>
    public static string BodyWords(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Where(w => w.BoundingBox.Bottom > 80).Select(w => w.Text))));
    }

    /// <summary>Each page's footer line (the words below the body).</summary>
    public static IReadOnlyList<string> Footers(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(" ", p.GetWords().Where(w => w.BoundingBox.Bottom <= 80).Select(w => w.Text))).ToList();
    }

    /// <summary>How many times <paramref name="phrase"/> occurs as whole words in <paramref name="words"/>.</summary>
    public static int CountPhrase(string words, string phrase) => Count(" " + words + " ", " " + phrase + " ");

    /// <summary>Where <paramref name="phrase"/> starts as whole words in <paramref name="words"/>, or -1.</summary>
    public static int PositionOf(string words, string phrase) => (" " + words + " ").IndexOf(" " + phrase + " ", StringComparison.Ordinal);

    public static int PageCount(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    public static int Count(string haystack, string needle)
    {
        var count = 0;
        for (var i = haystack.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(needle, i + needle.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
