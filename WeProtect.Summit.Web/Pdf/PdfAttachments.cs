using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>Reads a file attached to a PDF (the document's <c>/EmbeddedFiles</c> name tree, as
/// <see cref="PdfDocument.AddEmbeddedFile(string, Stream)"/> writes it): the communiqué's audit checkpoint. Only PDFs
/// already matched to one published here are read, so the input is this app's own output.</summary>
public static class PdfAttachments
{
    /// <summary>The bytes of the attachment named <paramref name="name"/>, or null when there is none or the file does
    /// not read as a PDF.</summary>
    public static byte[]? Read(byte[] pdf, string name)
    {
        try
        {
            using var document = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Import);
            var files = document.Internals.Catalog.Elements.GetDictionary("/Names")?.Elements.GetDictionary("/EmbeddedFiles");
            if (files?.Elements.GetArray("/Names") is not { } names) return null;
            // A flat name tree: [name₁ filespec₁ name₂ filespec₂ …].
            for (var i = 0; i + 1 < names.Elements.Count; i += 2)
            {
                if (names.Elements.GetString(i) != name) continue;
                var stream = names.Elements.GetDictionary(i + 1)?.Elements.GetDictionary("/EF")?.Elements.GetDictionary("/F")?.Stream;
                return stream?.UnfilteredValue;
            }
            return null;
        }
        catch (Exception ex) when (ex is PdfReaderException or InvalidOperationException or ArgumentException or InvalidCastException or IOException)
        {
            return null;
        }
    }
}
