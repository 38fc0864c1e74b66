using PdfSharp.Pdf.IO;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>Opens an uploaded PDF with PDFsharp's reader (read-only, nothing kept): a file that only looks like a PDF,
/// a damaged one or a password-protected one is refused with a sentence, never an exception.</summary>
public sealed class PdfReaderCheck : IPdfCheck
{
    public string? Refuse(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
            return document.PageCount > 0 ? null : "has no pages.";
        }
        // The reader throws many types on hostile input (format, index, cast, null reference deep inside the
        // parser): any of them means "cannot be read", and the user gets that sentence, never a 500.
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            return ex is PdfReaderException && ex.Message.Contains("password", StringComparison.OrdinalIgnoreCase)
                ? "is protected by a password: attach a copy without one."
                : "could not be read as a PDF (it is damaged, or not a PDF).";
        }
    }
}
