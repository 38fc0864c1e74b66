using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace WeProtect.Summit.Data.Materials;

/// <summary>What a document is, read from its bytes and never from its name: a PDF starts with "%PDF-"; a Word or
/// PowerPoint file is an OOXML package (a zip) whose [Content_Types].xml declares the main part of that kind.
/// Macro-enabled variants (.docm, .pptm) and anything else are refused.</summary>
public static class MaterialFormats
{
    private const string DocxMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string PptxMain = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";
    /// <summary>The content-types part is small; a larger one is not a real document.</summary>
    private const long ContentTypesMaxBytes = 1024 * 1024;

    public const string Refusal = "is not a PDF, a PowerPoint presentation (.pptx) or a Word document (.docx).";

    /// <summary>The type of <paramref name="content"/>, or null when it is none of the accepted ones.</summary>
    public static MaterialType? Detect(byte[] content)
    {
        if (content.AsSpan().StartsWith("%PDF-"u8)) return MaterialType.Pdf;
        if (!content.AsSpan().StartsWith("PK\x03\x04"u8)) return null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var entry = zip.GetEntry("[Content_Types].xml");
            if (entry is null || entry.Length > ContentTypesMaxBytes) return null;
            using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var types = XDocument.Load(reader).Root?.Elements()
                .Select(e => (string?)e.Attribute("ContentType")).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
            return types.Contains(DocxMain) ? MaterialType.Docx : types.Contains(PptxMain) ? MaterialType.Pptx : null;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            return null; // a damaged zip or XML: not a document we can vouch for
        }
    }

    public static string ContentType(MaterialType type) => type switch
    {
        MaterialType.Pdf => "application/pdf",
        MaterialType.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    public static string Extension(MaterialType type) => type switch
    {
        MaterialType.Pdf => ".pdf",
        MaterialType.Pptx => ".pptx",
        _ => ".docx",
    };

    /// <summary>"PDF", "PowerPoint", "Word": how the lists name the type.</summary>
    public static string Describe(MaterialType type) => type switch
    {
        MaterialType.Pdf => "PDF",
        MaterialType.Pptx => "PowerPoint",
        _ => "Word",
    };
}
