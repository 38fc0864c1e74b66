using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>Flowing text on A4 pages for the long documents (communiqué, signatory list): paragraphs are wrapped at
/// spaces to the line width (a word longer than a line is broken between characters, so no text is ever cut off),
/// and a new page starts whenever the next line would cross the bottom margin. A heading is kept on the page of
/// what follows it: it is drawn only once the next block comes, and goes to a new page with that block's first lines
/// (all of a short paragraph, else its first two) when they would not fit under it — so consecutive headings ("Agreed
/// by:", then "Governments") go over together with the first name. A short paragraph (up to
/// <see cref="KeepTogetherLines"/> lines) is never split between pages. <see cref="Finish"/> writes "Page n of m" on
/// every page once the number of pages is known.
///
/// Fonts are the embedded Noto Sans with Unicode encoding (<see cref="SummitFonts"/>).
///
/// The PDF is tagged (<see cref="PdfTags"/>): every paragraph is a P, every heading an H1–H6, labelled paragraphs
/// inside <see cref="BeginList"/>/<see cref="EndList"/> are list items (LI with Lbl and LBody), in drawing order,
/// which is the reading order; rules and the footer are artifacts that a screen reader skips.</summary>
internal sealed class PdfFlow : IDisposable
{
    public const int KeepTogetherLines = 4;

    public static readonly double PageWidth = XUnit.FromMillimeter(210).Point;
    public static readonly double PageHeight = XUnit.FromMillimeter(297).Point;
    public static readonly double Margin = XUnit.FromMillimeter(20).Point;
    private static readonly double FooterHeight = XUnit.FromMillimeter(10).Point;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    /// <summary>A document in a right-to-left language (the Arabic communiqué), as <c>dir="rtl"</c> on a page: every
    /// line stands against the right margin (indents count from it, labels such as "3." hang on the right) and is laid
    /// out by the bidi algorithm at paragraph level 1; the footer's title is on the right, its page number on the left.</summary>
    public bool RightToLeft { get; init; }

    /// <summary>While true, each paragraph and heading takes its direction from its own first strong letter (as
    /// <c>dir="auto"</c> on a page) instead of the document's: for what people wrote (a declaration, a statement's
    /// text), never for the document's fixed words. An Arabic declaration in an English communiqué is then laid out
    /// from the right margin with its punctuation where it is written.</summary>
    public bool DirectionFromText { get; set; }

    /// <summary>The direction a paragraph of <paramref name="text"/> is laid out in.</summary>
    private bool RightToLeftFor(string text) => DirectionFromText && PdfBidi.FirstStrongIsRightToLeft(text) is { } own ? own : RightToLeft;
    public static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    public static readonly XColor Muted = XColor.FromArgb(0x55, 0x55, 0x55);

    private readonly PdfDocument document;
    private readonly string footerLabel;
    private readonly string pageOf;
    private readonly StructureBuilder tags;
    private XGraphics? gfx;
    private double y;
    // The open lists and list items, innermost on top.
    private readonly Stack<Frame> frames = new();

    private enum Frame { List, Item, ItemWithBody }

    // Headings not drawn yet, and what was asked between them and the next block (list starts, space), in order: they
    // are drawn when the next block knows how much room its first lines need (FlushHeadings).
    private readonly List<Step> pending = [];

    private abstract record Step;
    private sealed record HeadingStep(string Text, XFont Font, PdfBlockLevelElementTag Tag, double SpaceBefore, double SpaceAfter, int KeepWithNextLines, bool RightToLeft) : Step;
    private sealed record SpaceStep(double Points) : Step;
    private sealed record StructureStep(Action Begin) : Step;

    /// <param name="language">The document's language for the catalog's /Lang (a communiqué in another language than English).</param>
    /// <param name="pageOf">The footer's page number, "Page {0} of {1}" in the document's language.</param>
    public PdfFlow(PdfDocument document, string footerLabel, string language = PdfTags.Language, string pageOf = "Page {0} of {1}")
    {
        this.document = document;
        this.footerLabel = footerLabel;
        this.pageOf = pageOf;
        tags = PdfTags.Start(document, language);
        BreakPage();
    }

    /// <summary>A flow written in one language: its /Lang, the footer's "Page n of m" in it, and a right-to-left language's
    /// document laid out from the right margin (<see cref="RightToLeft"/>).</summary>
    public static PdfFlow In(Localization.LanguageTexts texts, PdfDocument document, string footerLabel) =>
        new(document, footerLabel, PdfTags.LanguageOf(texts.Language), texts["Page {0} of {1}"]) { RightToLeft = texts.RightToLeft };

    /// <summary>Starts a list (L): each paragraph directly inside it is an item of its own (LI: the label, if any,
    /// its Lbl, the text its LBody) until <see cref="EndList"/>.</summary>
    public void BeginList()
    {
        if (pending.Count > 0) { pending.Add(new StructureStep(BeginList)); return; }   // after the heading before it
        tags.BeginElement(PdfBlockLevelElementTag.List);
        frames.Push(Frame.List);
    }

    public void EndList()
    {
        FlushHeadings(0);
        if (!frames.TryPop(out var frame) || frame != Frame.List) throw new InvalidOperationException("No list is the innermost open element.");
        tags.End();
    }

    /// <summary>Starts a list item (LI) that holds more than one paragraph or a nested list: the first paragraph's
    /// label is its Lbl, and everything up to <see cref="EndItem"/> is its body (LBody).</summary>
    public void BeginItem()
    {
        if (pending.Count > 0) { pending.Add(new StructureStep(BeginItem)); return; }
        if (!frames.TryPeek(out var frame) || frame != Frame.List) throw new InvalidOperationException("A list item needs an open list.");
        tags.BeginElement(PdfBlockLevelElementTag.ListItem);
        frames.Push(Frame.Item);
    }

    public void EndItem()
    {
        FlushHeadings(0);
        if (!frames.TryPop(out var frame) || frame == Frame.List) throw new InvalidOperationException("No list item is the innermost open element.");
        if (frame == Frame.ItemWithBody) tags.End();
        tags.End();
    }

    /// <summary>Opens the structure of a block: directly inside a list, an item of its own; inside an item whose body
    /// is not open yet, the label as Lbl and then the body; then the block's own element (the label inside it when it
    /// is not an item). Returns whether <see cref="EndBlock"/> closes an item opened here.</summary>
    private bool BeginBlock(PdfBlockLevelElementTag tag, string? label, Action drawLabel)
    {
        var ownItem = false;
        if (frames.TryPeek(out var frame) && frame == Frame.List)
        {
            BeginItem();
            ownItem = true;
        }
        if (frames.TryPeek(out frame) && frame == Frame.Item)
        {
            if (label is not null)
            {
                tags.BeginElement(PdfBlockLevelElementTag.Label);
                drawLabel();
                tags.End();
            }
            tags.BeginElement(PdfBlockLevelElementTag.ListBody);
            frames.Pop();
            frames.Push(Frame.ItemWithBody);
            tags.BeginElement(tag);
            return ownItem;
        }
        tags.BeginElement(tag);
        if (label is not null) drawLabel();
        return ownItem;
    }

    private void EndBlock(bool ownItem)
    {
        tags.End();
        if (ownItem) EndItem();
    }

    public double ContentWidth => PageWidth - 2 * Margin;
    private double Bottom => PageHeight - Margin - FooterHeight;
    private XGraphics Gfx => gfx ?? throw new InvalidOperationException("The flow is finished.");

    public static XFont Font(double size, bool bold = false) =>
        new(SummitFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    /// <summary>Starts a new page (headings waiting for their next block go on it).</summary>
    public void NewPage()
    {
        BreakPage();
        FlushHeadings(0);
    }

    private void BreakPage()
    {
        // The structure builder closes the marked content of an element that goes on over the break while the old
        // page's graphics still exist; the element continues on the new page with a new MCID.
        if (gfx is not null) tags.EndMarkedContentsWithId();
        var previous = gfx;
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        previous?.Dispose();
        gfx = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    public void Space(double points)
    {
        if (pending.Count > 0) { pending.Add(new SpaceStep(points)); return; }
        y += points;
        if (y > Bottom) BreakPage();
    }

    /// <summary>Starts a new page unless <paramref name="points"/> still fit on this one (under the headings waiting
    /// for them, which go to the new page too).</summary>
    public void KeepSpace(double points)
    {
        if (FlushHeadings(points)) return;
        if (y + points > Bottom && y > Margin) BreakPage();
    }

    /// <summary>Draws the headings waiting for the next block, on a new page unless they and <paramref name="next"/>
    /// points of that block (at least the lines the last heading asks to keep) fit on this one. False when none waited.</summary>
    private bool FlushHeadings(double next)
    {
        if (pending.Count == 0) return false;
        var steps = pending.ToList();
        pending.Clear();
        var height = 0.0;
        var top = y <= Margin;
        HeadingStep? last = null;
        foreach (var step in steps)
        {
            switch (step)
            {
                case HeadingStep h:
                    if (!(top && height == 0)) height += h.SpaceBefore;
                    height += Wrap(h.Text, h.Font, ContentWidth).Count * LineHeight(h.Font) + h.SpaceAfter;
                    last = h;
                    break;
                case SpaceStep space:
                    height += space.Points;
                    break;
            }
        }
        if (last is not null) next = Math.Max(next, last.KeepWithNextLines * LineHeight(last.Font));
        if (y > Margin && y + height + next > Bottom) BreakPage();
        foreach (var step in steps)
        {
            switch (step)
            {
                case HeadingStep h:
                    if (y > Margin) y += h.SpaceBefore;
                    Write(h.Text, h.Font, 0, null, 0, null, h.SpaceAfter, null, false, 0, h.Tag, keep: false, h.RightToLeft);
                    break;
                case SpaceStep space:
                    y += space.Points;
                    if (y > Bottom) BreakPage();
                    break;
                case StructureStep structure:
                    structure.Begin();
                    break;
            }
        }
        return true;
    }

    /// <summary>A wrapped paragraph starting <paramref name="indent"/> points from the left margin; with a
    /// <paramref name="label"/> ("3.", "b.") hanging to the left of the text, at <paramref name="labelIndent"/>.</summary>
    public void Paragraph(string text, XFont font, double indent = 0, string? label = null, double labelIndent = 0,
        XFont? labelFont = null, double spaceAfter = 4, XColor? colour = null, bool centred = false, int keepWithNext = 0,
        PdfBlockLevelElementTag tag = PdfBlockLevelElementTag.Paragraph) =>
        Write(text, font, indent, label, labelIndent, labelFont, spaceAfter, colour, centred, keepWithNext, tag, keep: true);

    private void Write(string text, XFont font, double indent, string? label, double labelIndent, XFont? labelFont, double spaceAfter, XColor? colour,
        bool centred, int keepWithNext, PdfBlockLevelElementTag tag, bool keep, bool? rightToLeft = null)
    {
        var width = ContentWidth - indent;
        var lines = Wrap(text, font, width);
        var lineHeight = LineHeight(font);
        var rtl = rightToLeft ?? RightToLeftFor(text);
        var kept = lines.Count <= KeepTogetherLines ? lines.Count : Math.Min(2, lines.Count);
        if (keep) KeepSpace((kept + keepWithNext) * lineHeight);
        var brush = new XSolidBrush(colour ?? Ink);
        if (y + lineHeight > Bottom) BreakPage();
        var opened = BeginBlock(tag, label, () =>
            PdfText.Draw(Gfx, label!, labelFont ?? font, brush, LabelRect(rtl, indent, labelIndent, lineHeight), Start(rtl), Level(rtl)));
        for (var i = 0; i < lines.Count; i++)
        {
            if (y + lineHeight > Bottom) BreakPage();
            PdfText.Draw(Gfx, lines[i], font, brush, TextRect(rtl, indent, width, lineHeight), centred ? XStringFormats.TopCenter : Start(rtl), Level(rtl));
            y += lineHeight;
        }
        EndBlock(opened);
        y += spaceAfter;
    }

    /// <summary>Like <see cref="Paragraph"/>, for text in runs (<see cref="PdfInline"/>): each run in its own face
    /// (bold, italic), so that bold is drawn exactly where the text has it. A <c>"\n"</c> run starts a new line.</summary>
    public void Runs(IReadOnlyList<PdfInline.Run> runs, double size, double indent = 0, string? label = null, double labelIndent = 0,
        double spaceAfter = 4, int keepWithNext = 0)
    {
        XFont Face(bool bold, bool italic) => new(SummitFonts.Family, size,
            (bold, italic) switch { (true, true) => XFontStyleEx.BoldItalic, (true, _) => XFontStyleEx.Bold, (_, true) => XFontStyleEx.Italic, _ => XFontStyleEx.Regular }, Unicode);
        var regular = Face(false, false);
        var width = ContentWidth - indent;
        var space = PdfText.Width(Gfx, " ", regular);

        // Words as pieces in their faces; null marks a forced line break.
        var words = new List<List<(string Text, XFont Font)>?>();
        var word = new List<(string Text, XFont Font)>();
        void EndWord() { if (word.Count > 0) words.Add(word); word = []; }
        foreach (var run in runs)
        {
            var face = Face(run.Bold, run.Italic);
            foreach (var c in run.Text)
            {
                if (c == '\n') { EndWord(); words.Add(null); }
                else if (char.IsWhiteSpace(c)) EndWord();
                else if (word.Count > 0 && ReferenceEquals(word[^1].Font, face)) word[^1] = (word[^1].Text + c, face);
                else word.Add((c.ToString(), face));
            }
        }
        EndWord();

        double Width(List<(string Text, XFont Font)> w) => w.Sum(p => PdfText.Width(Gfx, p.Text, p.Font));
        var lines = new List<List<(List<(string Text, XFont Font)> Word, bool Space)>> { new() };
        var lineWidth = 0.0;
        foreach (var w in words)
        {
            if (w is null) { lines.Add([]); lineWidth = 0; continue; }
            var ww = Width(w);
            if (lines[^1].Count > 0 && lineWidth + space + ww > width) { lines.Add([]); lineWidth = 0; }
            if (ww > width)
            {
                // A word wider than a line: broken between characters, as Wrap does.
                foreach (var piece in w)
                    foreach (var c in piece.Text)
                    {
                        var cw = PdfText.Width(Gfx, c.ToString(), piece.Font);
                        if (lineWidth + cw > width && lines[^1].Count > 0) { lines.Add([]); lineWidth = 0; }
                        lines[^1].Add(([(c.ToString(), piece.Font)], false));
                        lineWidth += cw;
                    }
                continue;
            }
            lineWidth += (lines[^1].Count > 0 ? space : 0) + ww;
            lines[^1].Add((w, lines[^1].Count > 0));
        }

        var lineHeight = LineHeight(regular);
        var rtl = RightToLeftFor(string.Concat(runs.Select(r => r.Text)));
        var keep = lines.Count <= KeepTogetherLines ? lines.Count : Math.Min(2, lines.Count);
        KeepSpace((keep + keepWithNext) * lineHeight);
        var brush = new XSolidBrush(Ink);
        if (y + lineHeight > Bottom) BreakPage();
        var opened = BeginBlock(PdfBlockLevelElementTag.Paragraph, label, () =>
            PdfText.Draw(Gfx, label!, regular, brush, LabelRect(rtl, indent, labelIndent, lineHeight), Start(rtl), Level(rtl)));
        for (var i = 0; i < lines.Count; i++)
        {
            if (y + lineHeight > Bottom) BreakPage();
            var x = Margin + indent;
            var pieces = lines[i].SelectMany(p => (p.Space ? new (string Text, XFont Font)[] { (" ", regular) } : []).Concat(p.Word)).ToList();
            if (pieces.Count > 0 && (rtl || PdfBidi.NeedsBidi(string.Concat(pieces.Select(p => p.Item1)))))
            {
                // A line with right-to-left text, and every line of a right-to-left paragraph, is laid out as a whole:
                // its runs reorder across words.
                PdfText.Draw(Gfx, pieces, brush, TextRect(rtl, indent, width, lineHeight), Start(rtl), Level(rtl));
                y += lineHeight;
                continue;
            }
            foreach (var (w, spaceBefore) in lines[i])
            {
                if (spaceBefore) x += space;
                foreach (var (text, font) in w)
                {
                    PdfText.Draw(Gfx, text, font, brush, new XRect(x, y, width, lineHeight), XStringFormats.TopLeft);
                    x += PdfText.Width(Gfx, text, font);
                }
            }
            y += lineHeight;
        }
        EndBlock(opened);
        y += spaceAfter;
    }

    /// <summary>Where a paragraph's lines go: <paramref name="indent"/> points in from the left margin, or from the right
    /// one in a right-to-left document.</summary>
    private XRect TextRect(bool rtl, double indent, double width, double lineHeight) =>
        rtl ? new XRect(Margin, y, width, lineHeight) : new XRect(Margin + indent, y, width, lineHeight);

    /// <summary>Where a label ("3.", "b.", "•") hangs: <paramref name="labelIndent"/> in from the margin the lines start at.</summary>
    private XRect LabelRect(bool rtl, double indent, double labelIndent, double lineHeight) =>
        rtl ? new XRect(PageWidth - Margin - indent, y, indent - labelIndent, lineHeight)
            : new XRect(Margin + labelIndent, y, indent - labelIndent, lineHeight);

    /// <summary>The side lines start from.</summary>
    private static XStringFormat Start(bool rtl) => rtl ? XStringFormats.TopRight : XStringFormats.TopLeft;

    /// <summary>The bidi paragraph level of every paragraph: the document's direction (UAX #9, HL1), as a page's
    /// <c>dir</c> is inherited by its paragraphs, so that an Arabic name in an English list reads as in a browser.</summary>
    private static byte Level(bool rtl) => rtl ? (byte)1 : (byte)0;

    /// <summary>A heading of <paramref name="level"/> (1 the document's title, 2 its parts, …: tagged H1–H6), kept on
    /// the same page as what follows it: the next heading, if any, and the first lines of the next paragraph (its keep:
    /// all of a short one), and at least <paramref name="keepWithNextLines"/> of the heading's line heights. Drawn when
    /// that block comes (see the class summary).</summary>
    public void Heading(string text, XFont font, int level, double spaceBefore = 8, double spaceAfter = 4, int keepWithNextLines = 2) =>
        pending.Add(new HeadingStep(text, font, PdfTags.Heading(level), spaceBefore, spaceAfter, keepWithNextLines, RightToLeftFor(text)));

    public void Rule()
    {
        KeepSpace(6);
        tags.BeginArtifact();
        Gfx.DrawLine(new XPen(Muted, 0.5), Margin, y + 2, PageWidth - Margin, y + 2);
        tags.End();
        y += 8;
    }

    public static double LineHeight(XFont font) => font.Size * 1.35;

    /// <summary>How wide <paramref name="text"/> is drawn in <paramref name="font"/> (shaped where it needs to be).</summary>
    public double Width(string text, XFont font) => PdfText.Width(Gfx, text, font);

    /// <summary>Lines no wider than <paramref name="width"/>: breaks at spaces; a word wider than a whole line is
    /// broken between characters. Runs of white space (line breaks included) count as one space.</summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Fits(candidate, font, width)) { current = candidate; continue; }
            if (current.Length > 0) lines.Add(current);
            current = word;
            while (!Fits(current, font, width) && current.Length > 1)
            {
                var cut = current.Length - 1;
                while (cut > 1 && !Fits(current[..cut], font, width)) cut--;
                lines.Add(current[..cut]);
                current = current[cut..];
            }
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current);
        return lines;
    }

    private bool Fits(string text, XFont font, double width) => PdfText.Width(Gfx, text, font) <= width;

    /// <summary>Ends drawing.</summary>
    public void Finish()
    {
        if (gfx is not null) FlushHeadings(0);
        if (frames.Count > 0) throw new InvalidOperationException("A list or list item is still open.");
        if (gfx is not null) tags.EndMarkedContentsWithId();
        gfx?.Dispose();
        gfx = null;
    }

    /// <summary>The finished PDF, with the footer ("label · Page n of m") on every page. The footer is written once the
    /// number of pages is known, in a second pass over the saved file: PDFsharp's structure builder draws on the
    /// current page only. It is marked as an artifact (pagination, not content), so the tags stay complete.</summary>
    public byte[] Save()
    {
        Finish();
        var shaped = PdfText.IsShaped(document);
        using var saved = new MemoryStream();
        PdfText.SaveTo(document, saved);
        saved.Position = 0;
        using var reopened = PdfSharp.Pdf.IO.PdfReader.Open(saved, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Modify);
        PdfText.Attach(reopened);
        var count = reopened.PageCount;
        var font = Font(8);
        for (var i = 0; i < count; i++)
        {
            using var footer = XGraphics.FromPdfPage(reopened.Pages[i], XGraphicsPdfPageOptions.Append);
            var content = footer.Internals.ContentStringBuilder ?? throw new InvalidOperationException("The footer is drawn on a PDF page.");
            var start = content.Length;
            var top = PageHeight - Margin - FooterHeight + 6;
            // The title where lines start, the page number at the other end.
            var (title, number) = RightToLeft ? (XStringFormats.TopRight, XStringFormats.TopLeft) : (XStringFormats.TopLeft, XStringFormats.TopRight);
            var titleRect = RightToLeft ? new XRect(Margin + ContentWidth * 0.3, top, ContentWidth * 0.7, 12) : new XRect(Margin, top, ContentWidth * 0.7, 12);
            PdfText.Draw(footer, Shorten(footer, footerLabel, font, ContentWidth * 0.7), font, new XSolidBrush(Muted), titleRect, title, Level(RightToLeft));
            PdfText.Draw(footer, string.Format(CultureInfo.InvariantCulture, pageOf, i + 1, count), font, new XSolidBrush(Muted),
                new XRect(Margin, top, ContentWidth, 12), number, Level(RightToLeft));
            // Inside the text object, around all of the footer's text.
            var region = content.ToString(start, content.Length - start);
            var at = region.IndexOf("BT\n", StringComparison.Ordinal);
            content.Insert(start + (at < 0 ? 0 : at + 3), "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n");
            content.Append("EMC\n");
        }
        // Shaped glyphs drawn in the footer (an Arabic title or page number) are named with the body's.
        if (shaped) PdfGlyphText.Adopt(reopened, document);
        return PdfText.Save(reopened, drawnIn: shaped ? document : null);
    }

    /// <summary>The footer label as it fits <paramref name="width"/>: whole, or cut at a word boundary with an ellipsis
    /// ("Statement of Action on…"), never inside a word. Only a first word wider than the space itself is cut.</summary>
    private static string Shorten(XGraphics g, string text, XFont font, double width)
    {
        if (PdfText.Width(g, text, font) <= width) return text;
        bool Fits(string s) => PdfText.Width(g, s, font) <= width;
        var best = (string?)null;
        for (var end = text.IndexOf(' '); end > 0; end = text.IndexOf(' ', end + 1))
        {
            // Trailing punctuation before the ellipsis reads badly ("Action,…"): drop it with the spaces.
            var candidate = text[..end].TrimEnd(' ', ',', ';', ':', '–', '-', '—') + "…";
            if (!Fits(candidate)) break;
            best = candidate;
        }
        if (best is not null) return best;
        var cut = text.Length;
        while (cut > 1 && !Fits(text[..cut].TrimEnd() + "…")) cut--;
        return text[..cut].TrimEnd() + "…";
    }

    public void Dispose() => gfx?.Dispose();
}
