using System.Diagnostics;

namespace WeProtect.Summit.Tests.Pdf;

/// <summary>poppler-utils run on a PDF: <c>pdfinfo</c> (is the file tagged) and <c>pdftotext</c> (the text as a
/// reader extracts it). A machine without poppler-utils fails the test (scripts/test.sh installs it).</summary>
internal static class Poppler
{
    public static Task<string> PdfinfoAsync(byte[] pdf) => RunAsync("pdfinfo", pdf);

    /// <summary>The text in poppler's reading order (its default layout analysis).</summary>
    public static Task<string> PdftotextAsync(byte[] pdf) => RunAsync("pdftotext", pdf, "-");

    private static async Task<string> RunAsync(string tool, byte[] pdf, params string[] after)
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
