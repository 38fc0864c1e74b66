namespace WeProtect.Summit.Data.Reporting;

/// <summary>The cheap checks of an uploaded PDF before a reader opens it: the "%PDF-1.x" or "%PDF-2.x" header at the
/// start, and "startxref" and "%%EOF" near the end (where every PDF writer puts them). A renamed Word file, an image or
/// a truncated download fails here with a plain message.</summary>
public static class ReportPdf
{
    private const int TailBytes = 2048;

    public static string? Refuse(byte[] content)
    {
        var span = content.AsSpan();
        if (!span.StartsWith("%PDF-"u8) || span.Length < 8 || span[5] is not ((byte)'1' or (byte)'2') || span[6] != (byte)'.')
            return "is not a PDF (its content does not start as a PDF does). Only PDF files can be attached.";
        var tail = span[Math.Max(0, span.Length - TailBytes)..];
        if (tail.IndexOf("%%EOF"u8) < 0 || tail.IndexOf("startxref"u8) < 0)
            return "is not a complete PDF (it has no end-of-file marker: was the download cut short?).";
        return null;
    }
}
