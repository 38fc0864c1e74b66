using System.Diagnostics;

namespace WeProtect.Summit.Tests.Support;

/// <summary>poppler-utils run on a PDF: <c>pdfinfo</c> (is the file tagged), <c>pdftotext</c> (the text as a
/// reader extracts it) and, through <see cref="PdfTools.PdfsigAsync"/>, <c>pdfsig</c>. A machine without poppler-utils
/// fails the test (scripts/test.sh installs it).</summary>
internal static class Poppler
{
    public static Task<string> PdfinfoAsync(byte[] pdf) => RunAsync("pdfinfo", pdf, mustSucceed: true);

    /// <summary>The text in poppler's reading order (its default layout analysis).</summary>
    public static Task<string> PdftotextAsync(byte[] pdf) => RunAsync("pdftotext", pdf, mustSucceed: true, "-");

    /// <summary>Every word with its box (<c>pdftotext -bbox</c>): where the lines of a page stand, e.g. against which margin.</summary>
    public static async Task<IReadOnlyList<PdfWordBox>> WordBoxesAsync(byte[] pdf)
    {
        var html = await RunAsync("pdftotext", pdf, mustSucceed: true, "-bbox", "-");
        var words = new List<PdfWordBox>();
        var page = 0;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html,
                     @"<page |<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""([\d.]+)"">(.*?)</word>"))
        {
            if (m.Value.StartsWith("<page", StringComparison.Ordinal)) { page++; continue; }
            double D(int group) => double.Parse(m.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
            words.Add(new PdfWordBox(page, WebUtility.HtmlDecode(m.Groups[5].Value), D(1), D(2), D(3), D(4)));
        }
        return words;
    }

    /// <summary>Runs <paramref name="tool"/> on the PDF: its output, failing the test on a non-zero exit when
    /// <paramref name="mustSucceed"/>; otherwise its output and error output together, whatever it exits with.</summary>
    public static async Task<string> RunAsync(string tool, byte[] pdf, bool mustSucceed, params string[] after)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{tool}-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool, [path, .. after]) { RedirectStandardOutput = true, RedirectStandardError = true };
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"{tool} (poppler-utils) is needed by this test and is not installed: {ex.Message}");
            }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                if (!mustSucceed) return await output + await error;
                Assert.True(process.ExitCode == 0, $"{tool} failed: {await error}");
                return await output;
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
