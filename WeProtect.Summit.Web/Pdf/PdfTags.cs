using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>Tagged PDF (issue 18): every PDF of the app carries a structure tree built with PDFsharp's
/// <see cref="UAManager"/> (/MarkInfo /Marked true, /StructTreeRoot), the document language in the catalog (/Lang) and
/// the title shown in the viewer's window instead of the file name (/DisplayDocTitle), so that a screen reader finds
/// headings, paragraphs, lists and figures with alternative text, in reading order.</summary>
internal static class PdfTags
{
    /// <summary>The language of the app's documents (the interface is English).</summary>
    public const string Language = "en-GB";

    /// <summary>The catalog's /Lang of a document in an interface language: English as the app's documents always were
    /// (en-GB), any other by its code.</summary>
    public static string LanguageOf(string language) => language == Data.Languages.InterfaceLanguages.Default ? Language : language;

    /// <summary>Makes <paramref name="document"/> a tagged PDF; call before its first page is added and draw through
    /// the returned builder's elements.</summary>
    public static StructureBuilder Start(PdfDocument document, string language = Language)
    {
        var manager = UAManager.ForDocument(document);
        manager.SetDocumentLanguage(language);
        document.ViewerPreferences.DisplayDocTitle = true;
        PdfText.Attach(document);
        return manager.StructureBuilder;
    }

    /// <summary>H1 to H6 for a heading level (deeper levels are H6).</summary>
    public static PdfBlockLevelElementTag Heading(int level) => level switch
    {
        <= 1 => PdfBlockLevelElementTag.Heading1,
        2 => PdfBlockLevelElementTag.Heading2,
        3 => PdfBlockLevelElementTag.Heading3,
        4 => PdfBlockLevelElementTag.Heading4,
        5 => PdfBlockLevelElementTag.Heading5,
        _ => PdfBlockLevelElementTag.Heading6,
    };
}
