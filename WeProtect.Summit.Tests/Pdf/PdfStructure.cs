using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace WeProtect.Summit.Tests.Pdf;

/// <summary>The tagging of a PDF as a reader finds it, read back with PDFsharp's parser (not the writer's objects):
/// the catalog's /Lang, /ViewerPreferences /DisplayDocTitle and /MarkInfo /Marked, and the structure tree from
/// /StructTreeRoot with each element's type (/S), alternative text (/Alt) and marked-content references.</summary>
internal sealed record PdfStructure(string? Language, bool DisplayDocTitle, bool Marked, string Title, PdfStructure.Element Root)
{
    /// <summary>A structure element: its type ("H1", "P", "L", "LI", "Lbl", "LBody", "Figure", …), its /Alt, its
    /// child elements in order, and how many pieces of page content (MCIDs) it owns directly.</summary>
    public sealed record Element(string Type, string? Alt, IReadOnlyList<Element> Children, int ContentCount)
    {
        /// <summary>This element and all below it, in document (reading) order.</summary>
        public IEnumerable<Element> All() => Children.SelectMany(c => c.All()).Prepend(this);
    }

    /// <summary>Every element's type in reading order.</summary>
    public IReadOnlyList<string> Types => Root.All().Select(e => e.Type).ToList();

    public IEnumerable<Element> OfType(string type) => Root.All().Where(e => e.Type == type);

    public static PdfStructure Read(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var catalog = document.Internals.Catalog;
        var viewer = Dictionary(catalog.Elements["/ViewerPreferences"]);
        var mark = Dictionary(catalog.Elements["/MarkInfo"]);
        var tree = Dictionary(catalog.Elements["/StructTreeRoot"]) ?? throw new Xunit.Sdk.XunitException("The PDF has no /StructTreeRoot: it is not tagged.");
        var root = new Element("StructTreeRoot", null, Kids(tree.Elements["/K"]), 0);
        return new PdfStructure(catalog.Elements.GetString("/Lang"), viewer?.Elements.GetBoolean("/DisplayDocTitle") ?? false,
            mark?.Elements.GetBoolean("/Marked") ?? false, document.Info.Title, root);
    }

    private static PdfItem? Resolve(PdfItem? item) => item is PdfSharp.Pdf.Advanced.PdfReference reference ? reference.Value : item;

    private static PdfDictionary? Dictionary(PdfItem? item) => Resolve(item) as PdfDictionary;

    private static List<Element> Kids(PdfItem? k)
    {
        var elements = new List<Element>();
        var resolved = Resolve(k);
        foreach (var kid in resolved is PdfArray array ? array.Elements.Select(Resolve).ToList() : new List<PdfItem?> { resolved })
        {
            if (kid is PdfDictionary dictionary && dictionary.Elements.GetName("/Type") is not "/MCR" and not "/OBJR" && dictionary.Elements.ContainsKey("/S"))
                elements.Add(Of(dictionary));
        }
        return elements;
    }

    private static Element Of(PdfDictionary element)
    {
        var k = Resolve(element.Elements["/K"]);
        var items = k is PdfArray array ? array.Elements.Select(Resolve).ToList() : k is null ? new List<PdfItem?>() : new List<PdfItem?> { k };
        var content = items.Count(i => i is PdfInteger || (i is PdfDictionary d && d.Elements.GetName("/Type") == "/MCR"));
        var alt = element.Elements.ContainsKey("/Alt") ? element.Elements.GetString("/Alt") : null;
        return new Element(element.Elements.GetName("/S").TrimStart('/'), alt, Kids(element.Elements["/K"]), content);
    }
}
