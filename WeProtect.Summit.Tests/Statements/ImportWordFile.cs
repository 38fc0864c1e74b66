using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>Word files built in the tests with OpenXml, as Word writes them: styles with their built-in names,
/// numbering definitions (numbering.xml), comments, tracked changes, a table, a drawing.</summary>
public static class ImportWordFile
{
    /// <summary>List instances (numId) of <see cref="AddNumbering"/>.</summary>
    public const int Numbered = 1, Bullets = 2, NumberedRestart = 3, Letters = 4;

    /// <summary>A .docx with the given body, styles and numbering; <paramref name="more"/> adds parts.</summary>
    public static byte[] Build(IEnumerable<OpenXmlElement> body, Action<MainDocumentPart>? more = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(body));
            AddStyles(main);
            AddNumbering(main);
            more?.Invoke(main);
        }
        return stream.ToArray();
    }

    public static Paragraph P(params OpenXmlElement[] content) => new(content);

    public static Paragraph P(string text) => new(R(text));

    public static Paragraph Styled(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), R(text));

    /// <summary>An item of list <paramref name="numId"/> at <paramref name="level"/> (0 = the top).</summary>
    public static Paragraph Item(int numId, int level, params OpenXmlElement[] content) =>
        new(new OpenXmlElement[] { new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" },
            new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })) }.Concat(content));

    public static Paragraph Item(int numId, int level, string text) => Item(numId, level, R(text));

    public static Run R(string text, bool bold = false, bool italic = false)
    {
        var run = new Run();
        if (bold || italic)
        {
            var rPr = new RunProperties();
            if (bold) rPr.Append(new Bold());
            if (italic) rPr.Append(new Italic());
            run.Append(rPr);
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    public static Run B(string text) => R(text, bold: true);

    public static Run I(string text) => R(text, italic: true);

    public static Table Table(string text) =>
        new(new TableRow(new TableCell(P(text))));

    /// <summary>An inline picture as Word writes one (the image bytes are not needed to be dropped).</summary>
    public static Run Drawing() => new(new Drawing(new DocumentFormat.OpenXml.Drawing.Wordprocessing.Inline(
        new DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent { Cx = 990000L, Cy = 792000L },
        new DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties { Id = 1U, Name = "Picture 1" },
        new DocumentFormat.OpenXml.Drawing.Graphic(new DocumentFormat.OpenXml.Drawing.GraphicData { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))));

    public static void AddComment(MainDocumentPart main, string text)
    {
        var part = main.WordprocessingCommentsPart ?? main.AddNewPart<WordprocessingCommentsPart>();
        part.Comments ??= new Comments();
        part.Comments.Append(new Comment(P(text)) { Id = (part.Comments.Count() + 1).ToString(), Author = "Reviewer" });
    }

    /// <summary>Styles with Word's ids and built-in names; "Heading2" here is named "heading 2" as in Word.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = new Styles();
        foreach (var (id, name) in new[] { ("Normal", "Normal"), ("Title", "Title"), ("Heading1", "heading 1"), ("Heading2", "heading 2"),
                     ("Heading3", "heading 3"), ("ListParagraph", "List Paragraph") })
        {
            var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
            if (id != "Normal") style.Append(new BasedOn { Val = "Normal" });
            styles.Append(style);
        }
        // A style of the author's own, based on a heading: still that heading.
        styles.Append(new Style(new StyleName { Val = "Pledge heading" }, new BasedOn { Val = "Heading2" }) { Type = StyleValues.Paragraph, StyleId = "PledgeHeading" });
        styles.Append(new Style(new StyleName { Val = "Strong" }, new StyleRunProperties(new Bold())) { Type = StyleValues.Character, StyleId = "Strong" });
        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
    }

    /// <summary>Definition 1: decimal, lowerLetter, bullet levels; definition 2: bullets; definition 3: letters.
    /// Instance 3 is definition 1 restarted at 1 (Word's "Restart at 1").</summary>
    private static void AddNumbering(MainDocumentPart main)
    {
        static Level Level(int index, NumberFormatValues format, string text) => new(
            new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = index };
        var numbering = new Numbering(
            new AbstractNum(Level(0, NumberFormatValues.Decimal, "%1."), Level(1, NumberFormatValues.LowerLetter, "%2."), Level(2, NumberFormatValues.Bullet, "•")) { AbstractNumberId = 1 },
            new AbstractNum(Level(0, NumberFormatValues.Bullet, "•"), Level(1, NumberFormatValues.Bullet, "o")) { AbstractNumberId = 2 },
            new AbstractNum(Level(0, NumberFormatValues.LowerLetter, "%1)")) { AbstractNumberId = 3 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = Numbered },
            new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = Bullets },
            new NumberingInstance(new AbstractNumId { Val = 1 }, new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 }) { NumberID = NumberedRestart },
            new NumberingInstance(new AbstractNumId { Val = 3 }) { NumberID = Letters });
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
    }

    /// <summary>The file with one zip entry's bytes replaced.</summary>
    public static byte[] ReplaceEntry(byte[] docx, string name, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)!.Delete();
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(content);
        }
        return stream.ToArray();
    }

    /// <summary>A zip of the given entries (names and bytes), each compressed as hard as it goes.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        return stream.ToArray();
    }
}
