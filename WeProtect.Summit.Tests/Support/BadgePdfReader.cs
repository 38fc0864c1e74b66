using System.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Reads badge PDFs back: text per page (PdfPig words), the fonts as poppler's <c>pdffonts</c> lists them,
/// and the QR module matrix of the page's image.</summary>
public static class BadgePdfReader
{
    public static bool IsPdf(byte[] bytes) => bytes.Length > 5 && System.Text.Encoding.ASCII.GetString(bytes, 0, 5) == "%PDF-";

    /// <summary>Each page's words joined by single spaces, so that multi-word values can be searched for.</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))).ToList();
    }

    public static IReadOnlyList<(double Width, double Height)> PageSizes(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => (p.Width, p.Height)).ToList();
    }

    /// <summary>pdffonts' rows: (name, embedded, unicode map).</summary>
    public static IReadOnlyList<(string Name, bool Embedded, bool Unicode)> Fonts(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"badge-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdffonts", [path]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start) ?? throw new Xunit.Sdk.XunitException("pdffonts did not start (apt-get install poppler-utils)");
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"pdffonts failed: {process.StandardError.ReadToEnd()}");
            // name  type  encoding  emb sub uni object ID — the name may hold spaces ("ABCDEF+Noto Sans,Bold"), so read
            // the fixed columns from the right.
            return output.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).Select(line =>
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var n = parts.Length; // … emb sub uni num gen
                return (Name: line[..Math.Min(line.Length, 36)].Trim(), Embedded: parts[n - 5] == "yes", Unicode: parts[n - 3] == "yes");
            }).ToList();
        }
        finally { File.Delete(path); }
    }

    /// <summary>The QR code on a page, as the module matrix its image holds (true = dark): the image is sampled at the
    /// centre of each module of <paramref name="pixelsPerModule"/> pixels.</summary>
    public static bool[,] QrModules(byte[] pdf, int pageNumber, int pixelsPerModule)
    {
        using var document = PdfDocument.Open(pdf);
        var image = Assert.Single(document.GetPage(pageNumber).GetImages());
        return Modules(image, pixelsPerModule);
    }

    private static bool[,] Modules(IPdfImage image, int pixelsPerModule)
    {
        Assert.True(image.TryGetBytesAsMemory(out var memory), "The QR image's data could not be decoded");
        var bytes = memory.Span;
        var (width, height) = (image.WidthInSamples, image.HeightInSamples);
        Assert.Equal(8, image.BitsPerComponent);
        var components = bytes.Length / (width * height);
        Assert.True(components is 1 or 3, $"Unexpected image layout: {bytes.Length} bytes for {width}×{height}");
        Assert.Equal(0, width % pixelsPerModule);
        var size = width / pixelsPerModule;
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
            {
                var px = x * pixelsPerModule + pixelsPerModule / 2;
                var py = y * pixelsPerModule + pixelsPerModule / 2;
                var offset = (py * width + px) * components;
                var sum = 0;
                for (var c = 0; c < components; c++) sum += bytes[offset + c];
                modules[y, x] = sum / components < 128;
            }
        return modules;
    }

    public static string Draw(bool[,] m)
    {
        var sb = new System.Text.StringBuilder();
        for (var y = 0; y < m.GetLength(0); y++)
        {
            for (var x = 0; x < m.GetLength(1); x++) sb.Append(m[y, x] ? '#' : '.');
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
