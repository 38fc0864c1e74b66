using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WeProtect.Summit.Data.Desks;
using M = DocumentFormat.OpenXml.Math;

namespace WeProtect.Summit.Data.Statements.Import;

/// <summary>Walks a Word document's body and writes it in the statement grammar, counting everything it converts
/// and everything it leaves out, for the report.</summary>
internal sealed partial class DocxStatementWriter
{
    private sealed record Segment(string Text, bool Bold, bool Italic, string? Url);

    /// <summary>One open list level above the next item: which list, which level, how wide its marker is.</summary>
    private sealed record ListLevel(int List, int Level, int Width, string Format);

    private enum Kind { Title, Heading, Paragraph, Item, Marker }

    /// <summary>A block as written, on its (1-based) line, for the markers the drafter is told to add.</summary>
    private sealed record Written(Kind Kind, int Line, string Text, bool HasMarker);

    private readonly MainDocumentPart main;
    private readonly DocxStyles styles;
    private readonly DocxNumbering numbering;
    private readonly List<string> lines = [];
    private readonly List<Written> written = [];
    /// <summary>The list levels open after the last line, or null when the last block was not a list item.</summary>
    private List<ListLevel>? open;
    private string? title;
    private int paragraphs, headings, numbered, lettered, bullets, otherNumbered, emphasis, links, tracked;
    private int tables, images, textBoxes, footnotes, endnotes, fields, equations, symbols, embedded;
    private int deepHeadings, extraTitles, numberedHeadings, otherLinks, escapedLines, nestedItems, typedMarkers;

    public DocxStatementWriter(MainDocumentPart main)
    {
        this.main = main;
        styles = new DocxStyles(main.StyleDefinitionsPart?.Styles);
        numbering = new DocxNumbering(main.NumberingDefinitionsPart?.Numbering);
    }

    public DocxImportResult Write()
    {
        var body = main.Document?.Body;
        foreach (var element in body?.ChildElements ?? [])
            Block(element);
        var text = StatementText.Canonicalise(string.Join('\n', lines));
        if (Encoding.UTF8.GetByteCount(text) > StatementText.MaxBytes)
            return DocxImportResult.Refused(DocxStatementImport.TextTooLargeMessage);
        return new DocxImportResult(text, null, Converted(), Dropped()) { Markers = DocxMarkerAdvice.For(AdviceBlocks()) };
    }

    private void Block(OpenXmlElement element)
    {
        switch (element)
        {
            case Paragraph p: Paragraph(p); break;
            case Table: tables++; open = null; break;
            case SdtBlock sdt: foreach (var child in sdt.SdtContentBlock?.ChildElements ?? []) Block(child); break;
            case CustomXmlBlock custom: foreach (var child in custom.ChildElements) Block(child); break;
            case AltChunk: embedded++; break;
        }
    }

    private void Paragraph(Paragraph p)
    {
        var segments = new List<Segment>();
        Inline(p, segments, null);
        var styleId = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var level = styles.HeadingLevel(styleId);
        var label = Numbering(p, styleId) is { } n ? numbering.Next(n.NumId, n.Level) : null;
        if (segments.All(s => string.IsNullOrWhiteSpace(s.Text))) return;

        if (level == DocxStyles.TitleLevel && title is null || level == 1 && title is null)
        {
            if (label is not null) numberedHeadings++;
            var (words, marker) = TypedMarker(Raw(segments), TitleMarker());
            title = Plain(words);
            AddBlock("# " + title + marker);
            Record(Kind.Title, title, marker.Length > 0);
            return;
        }
        if (level is 1 or 2)
        {
            if (label is not null) numberedHeadings++;
            headings++;
            var (words, marker) = TypedMarker(Raw(segments), HeadingMarker());
            var heading = Plain(words);
            AddBlock("## " + heading + marker);
            Record(Kind.Heading, heading, marker.Length > 0);
            return;
        }
        // A marker the drafter already typed in Word on a line of its own ({commitments}, {closing}, …) is kept.
        if (label is null && level == DocxStyles.BodyLevel && MarkerLine().Match(Raw(segments).Trim()) is { Success: true } typed)
        {
            typedMarkers++;
            AddBlock(typed.Value);
            Record(Kind.Marker, typed.Value, true);
            return;
        }
        if (level == DocxStyles.TitleLevel) extraTitles++;
        else if (level >= 3) deepHeadings++;

        var content = EscapeLineStart(Render(segments));
        if (label is null || level != DocxStyles.BodyLevel || label.Format is "none")
        {
            paragraphs++;
            AddBlock(content);
            Record(Kind.Paragraph, content, false);
            return;
        }
        Item(label, content);
    }

    private (int NumId, int Level)? Numbering(Paragraph p, string? styleId)
    {
        var numPr = p.ParagraphProperties?.NumberingProperties;
        var fromStyle = styles.Numbering(styleId);
        var numId = numPr?.NumberingId?.Val?.Value ?? fromStyle?.NumId;
        var level = numPr?.NumberingLevelReference?.Val?.Value ?? fromStyle?.Level ?? 0;
        return numId is > 0 ? (numId.Value, level) : null;
    }

    private void Item(DocxNumbering.Label label, string content)
    {
        string marker;
        switch (label.Format)
        {
            case "bullet": marker = "- "; bullets++; break;
            case "decimal": marker = $"{label.Value}. "; numbered++; break;
            case "lowerLetter": marker = $"{Letters(label.Value)}. "; lettered++; break;
            default: marker = $"{Display(label.Format, label.Value)}. "; otherNumbered++; break;
        }

        // The levels this item sits under: those of its own list above its level; a lettered list of its own
        // straight after a numbered item is that item's letters (Word users often make them a second list).
        List<ListLevel> parents;
        var continues = open is not null;
        if (open is not null && open.Any(l => l.List == label.List))
            parents = open.TakeWhile(l => !(l.List == label.List && l.Level >= label.Level)).ToList();
        else if (open is not null && label is { Format: "lowerLetter", Level: 0 }
                 && open.FindLastIndex(l => l.Format == "decimal") is var d and >= 0)
            parents = open.Take(d + 1).ToList();
        else
        {
            parents = [];
            continues = false;
        }
        var indent = new string(' ', parents.Sum(l => l.Width));
        if (parents.Count > 0 && label.Format is "bullet" or "decimal")
        {
            // A bullet or number under another item would be a list inside a list, which the grammar refuses (inside
            // a commitment and anywhere else): it becomes a paragraph of the item above, indented under it after a
            // blank line (a continuation), starting with the bullet or number Word shows ("1\." stays text).
            nestedItems++;
            marker = label.Format == "bullet" ? "• " : $"{label.Value}\\. ";
            lines.Add("");
            lines.Add(indent + marker + content);
        }
        else if (continues) lines.Add(indent + marker + content);
        else AddBlock(indent + marker + content);
        if (parents.Count == 0) Record(Kind.Item, content, false);
        parents.Add(new ListLevel(label.List, label.Level, marker.Length, label.Format));
        open = parents;
    }

    private void Record(Kind kind, string text, bool hasMarker) => written.Add(new Written(kind, lines.Count, text, hasMarker));

    private IReadOnlyList<DocxMarkerAdvice.Block> AdviceBlocks() => written.Select(w => new DocxMarkerAdvice.Block(
        w.Kind switch
        {
            Kind.Title => DocxMarkerAdvice.BlockKind.Title,
            Kind.Heading => DocxMarkerAdvice.BlockKind.Heading,
            Kind.Item => DocxMarkerAdvice.BlockKind.Item,
            Kind.Marker => DocxMarkerAdvice.BlockKind.Marker,
            _ => DocxMarkerAdvice.BlockKind.Paragraph,
        }, w.Line, w.Text, w.HasMarker)).ToList();

    /// <summary>A marker of the grammar typed at the end of a title or heading in Word: the words before it, and the
    /// marker (with its leading space) to write unescaped; or the whole text and an empty marker.</summary>
    private (string Words, string Marker) TypedMarker(string text, Regex marker)
    {
        var match = marker.Match(text);
        if (!match.Success || match.Index == 0) return (text, "");
        typedMarkers++;
        return (text[..match.Index], " " + match.Value.Trim());
    }

    private static string Raw(List<Segment> segments) => string.Concat(segments.Select(s => s.Text));

    private void AddBlock(string line)
    {
        if (lines.Count > 0) lines.Add("");
        lines.Add(line);
        open = null;
    }

    private void Inline(OpenXmlElement parent, List<Segment> segments, string? url)
    {
        foreach (var child in parent.ChildElements)
        {
            switch (child)
            {
                case ParagraphProperties or RunProperties: break;
                case Run run: Run(run, segments, url); break;
                case Hyperlink link: Inline(link, segments, LinkTarget(link) ?? url); break;
                case InsertedRun or MoveToRun: tracked++; Inline(child, segments, url); break;
                case DeletedRun or MoveFromRun: tracked++; break;
                case SimpleField: fields++; Inline(child, segments, url); break;
                case M.OfficeMath or M.Paragraph: equations++; break;
                default:
                    if (child.LocalName == "AlternateContent") CountDrawing(child);
                    else Inline(child, segments, url);
                    break;
            }
        }
    }

    private string? LinkTarget(Hyperlink link)
    {
        if (link.Id?.Value is not { } id) return null;
        var target = main.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri;
        var address = target?.IsAbsoluteUri == true ? target.AbsoluteUri : target?.OriginalString;
        if (address is not null && WebLink().IsMatch(address)) return address;
        otherLinks++;
        return null;
    }

    private void Run(Run run, List<Segment> segments, string? url)
    {
        var rPr = run.RunProperties;
        var (styleBold, styleItalic) = styles.RunFormat(rPr?.RunStyle?.Val?.Value);
        var bold = rPr?.Bold is { } b ? b.Val?.Value ?? true : styleBold ?? false;
        var italic = rPr?.Italic is { } i ? i.Val?.Value ?? true : styleItalic ?? false;
        void Add(string text) => segments.Add(new Segment(text, bold, italic, url));
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case Text t: Add(t.Text); break;
                case TabChar or CarriageReturn or PositionalTab: Add(" "); break;
                case Break br: if (br.Type is null || br.Type.InnerText == "textWrapping") Add(" "); break;
                case NoBreakHyphen: Add("\u2011"); break;
                case FieldChar fc when fc.FieldCharType?.InnerText == "begin": fields++; break;
                case FootnoteReference: footnotes++; break;
                case EndnoteReference: endnotes++; break;
                case SymbolChar: symbols++; break;
                case Drawing or Picture or EmbeddedObject: CountDrawing(child); break;
                default: if (child.LocalName == "AlternateContent") CountDrawing(child); break;
            }
        }
    }

    private void CountDrawing(OpenXmlElement drawing)
    {
        if (drawing.Descendants().Any(e => e.LocalName == "txbxContent")) textBoxes++;
        else images++;
    }

    /// <summary>Text with bold, italic and links as Markdown: runs of one formatting merged, whitespace kept outside
    /// the markers, a space between two bold runs made part of the bold.</summary>
    private string Render(List<Segment> segments)
    {
        var merged = new List<Segment>();
        for (var k = 0; k < segments.Count; k++)
        {
            var s = segments[k];
            if (string.IsNullOrWhiteSpace(s.Text) && k > 0 && k < segments.Count - 1
                && Same(segments[k - 1], segments[k + 1]) && s.Url == segments[k - 1].Url)
                s = s with { Bold = segments[k - 1].Bold, Italic = segments[k - 1].Italic };
            if (merged.Count > 0 && Same(merged[^1], s) && merged[^1].Url == s.Url)
                merged[^1] = merged[^1] with { Text = merged[^1].Text + s.Text };
            else merged.Add(s);
        }

        var output = new StringBuilder();
        for (var k = 0; k < merged.Count;)
        {
            var url = merged[k].Url;
            var inner = new StringBuilder();
            for (; k < merged.Count && merged[k].Url == url; k++) inner.Append(Emphasis(merged[k]));
            var text = inner.ToString();
            if (url is null || string.IsNullOrWhiteSpace(text)) output.Append(text);
            else
            {
                links++;
                var core = text.Trim();
                output.Append(text[..text.IndexOf(core[0])]).Append('[').Append(core).Append("](")
                    .Append(url.Replace(" ", "%20").Replace("(", "%28").Replace(")", "%29")).Append(')')
                    .Append(text[(text.LastIndexOf(core[^1]) + 1)..]);
            }
        }
        return Collapse(output.ToString());
    }

    private static bool Same(Segment a, Segment b) => a.Bold == b.Bold && a.Italic == b.Italic;

    private string Emphasis(Segment s)
    {
        var escaped = Escape(s.Text);
        if (!s.Bold && !s.Italic) return escaped;
        var core = escaped.Trim();
        if (core.Length == 0) return escaped;
        emphasis++;
        var start = escaped.IndexOf(core, StringComparison.Ordinal);
        var marker = s.Bold && s.Italic ? "***" : s.Bold ? "**" : "*";
        return escaped[..start] + marker + core + marker + escaped[(start + core.Length)..];
    }

    /// <summary>A heading or title: its words only (the grammar's headings are plain), markup characters escaped
    /// (a brace too, so that no text of the file becomes an audience marker).</summary>
    private static string Plain(string text) =>
        Collapse(Escape(text).Replace("{", "\\{"));

    /// <summary>Characters that inline Markdown would read as markup: a backslash before each.</summary>
    private static string Escape(string text)
    {
        var b = new StringBuilder(text.Length);
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            var intraword = k > 0 && k < text.Length - 1
                && char.IsLetterOrDigit(text[k - 1]) && char.IsLetterOrDigit(text[k + 1]);
            if (c is '\\' or '*' or '`' or '[' or ']' or '<' || c == '_' && !intraword) b.Append('\\');
            b.Append(c);
        }
        return b.ToString();
    }

    /// <summary>A paragraph that starts with what the grammar reads as markup at a line start (#, &gt;, {, a line of
    /// dashes, a code fence) gets a backslash, so that it stays text. Typed numbers and dashes stay as typed.</summary>
    private string EscapeLineStart(string line)
    {
        if (line.Length == 0) return line;
        if (line[0] is '#' or '>' or '{' or '=' or '|' || line.StartsWith("~~~", StringComparison.Ordinal)
            || Dashes().IsMatch(line))
        {
            escapedLines++;
            return "\\" + line;
        }
        return line;
    }

    /// <summary>One line: no line ends, no leading or trailing spaces.</summary>
    private static string Collapse(string text) => text.Replace('\n', ' ').Replace('\r', ' ').Trim();

    private static string Letters(int value)
    {
        // Word's lettering: a … z, then aa … zz, bbb …
        if (value < 1) return value.ToString();
        var letter = (char)('a' + (value - 1) % 26);
        return new string(letter, (value - 1) / 26 + 1);
    }

    private static string Display(string format, int value) => format switch
    {
        "upperLetter" => Letters(value).ToUpperInvariant(),
        "lowerRoman" => Roman(value).ToLowerInvariant(),
        "upperRoman" => Roman(value),
        _ => value.ToString(),
    };

    private static string Roman(int value)
    {
        if (value is < 1 or > 3999) return value.ToString();
        var b = new StringBuilder();
        foreach (var (n, s) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                     (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            for (; value >= n; value -= n) b.Append(s);
        return b.ToString();
    }

    // Each count as "Paragraphs: 7": one sentence per kind to translate, and no plural to get right in any language.
    private List<DeskText> Converted()
    {
        var list = new List<DeskText>();
        if (title is not null) list.Add($"Title: {title}");
        Note(list, headings, n => $"Headings (##): {n:N0}, their markers under “Markers to add”");
        Note(list, typedMarkers, n => $"Markers typed in the file ({{…}}), kept: {n:N0}");
        Note(list, paragraphs, n => $"Paragraphs: {n:N0}");
        Note(list, numbered, n => $"Numbered items: {n:N0}");
        Note(list, lettered, n => $"Lettered items: {n:N0}");
        Note(list, bullets, n => $"Bullets: {n:N0}");
        Note(list, emphasis, n => $"Bold or italic passages: {n:N0}");
        Note(list, links, n => $"Links: {n:N0}");
        Note(list, tracked, n => $"Tracked changes accepted (insertions kept, deletions dropped): {n:N0}");
        return list;
    }

    private List<DeskText> Dropped()
    {
        var list = new List<DeskText>();
        if (title is null)
            list.Add("No title (a paragraph in the Title or Heading 1 style) was found: add a line “# Title” at the top.");
        Note(list, tables, n => $"Tables (their text is not in the draft): {n:N0}");
        Note(list, images, n => $"Images or drawings: {n:N0}");
        Note(list, textBoxes, n => $"Text boxes (their text is not in the draft): {n:N0}");
        Note(list, main.WordprocessingCommentsPart?.Comments?.Elements<Comment>().Count() ?? 0, n => $"Comments: {n:N0}");
        Note(list, footnotes, n => $"Footnotes: {n:N0}");
        Note(list, endnotes, n => $"Endnotes: {n:N0}");
        Note(list, fields, n => $"Fields, their codes dropped and the text Word showed kept: {n:N0}");
        Note(list, equations, n => $"Equations: {n:N0}");
        Note(list, symbols, n => $"Symbol characters: {n:N0}");
        Note(list, embedded, n => $"Embedded documents: {n:N0}");
        var parts = main.HeaderParts.Concat<OpenXmlPart>(main.FooterParts);
        if (parts.Any(p => !string.IsNullOrWhiteSpace(p.RootElement?.InnerText)))
            list.Add("Page headers and footers");
        Note(list, deepHeadings, n => $"Headings of level 3 or deeper, written as plain paragraphs (the format has two heading levels): {n:N0}");
        Note(list, extraTitles, n => $"Further paragraphs in the Title style, written as plain paragraphs: {n:N0}");
        Note(list, numberedHeadings, n => $"Headings' automatic numbers: {n:N0}");
        Note(list, otherNumbered, n => $"List items numbered with capitals or Roman numerals, written with their numbers as text (check them): {n:N0}");
        Note(list, nestedItems, n => $"Bullets or numbers nested under other items, written as paragraphs of those items starting with “•” or their numbers (the format has no lists inside a list): {n:N0}");
        Note(list, otherLinks, n => $"Links that are not web or e-mail addresses (their text kept): {n:N0}");
        Note(list, escapedLines, n => $"Paragraphs starting with a character the format reads as markup (#, >, {{, …), kept as text with a backslash: {n:N0}");
        return list;
    }

    private static void Note(List<DeskText> list, int count, Func<int, DeskText> line)
    {
        if (count > 0) list.Add(line(count));
    }

    [GeneratedRegex(@"^(https?://|mailto:)", RegexOptions.IgnoreCase)]
    private static partial Regex WebLink();

    /// <summary>The grammar's markers as a drafter may type them in Word (docs/statement-format.md).</summary>
    [GeneratedRegex(@"\s*\{\s*audience\s*=\s*[a-z-]+\s*\}\s*$")]
    private static partial Regex TitleMarker();

    [GeneratedRegex(@"\s*\{(\s*audience\s*=\s*[a-z-]+\s*|commitments|part|closing)\}\s*$")]
    private static partial Regex HeadingMarker();

    [GeneratedRegex(@"^\{(\s*audience\s*=\s*[a-z-]+\s*|commitments|closing)\}$")]
    private static partial Regex MarkerLine();

    [GeneratedRegex(@"^(-\s*){3,}$|^```")]
    private static partial Regex Dashes();
}
