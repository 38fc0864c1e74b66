using System.Runtime.CompilerServices;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>Draws and measures one line of text in any script the shipped fonts cover (issue 19, item 4). Text with
/// no right-to-left letter and no Arabic digit, in a left-to-right document, is drawn by PDFsharp exactly as before. Other text is laid out here:
/// <list type="number">
/// <item>the Unicode bidirectional algorithm (<see cref="PdfBidi"/>) gives each character its level, the line's
/// paragraph level being the document's (HL1): 0 for the English documents, 1 for a right-to-left one (the Arabic
/// communiqué, whose lines <see cref="PdfFlow"/> sets against the right margin);</item>
/// <item>the line is cut into runs of one level and one face — Arabic letters, and the spaces and punctuation of a
/// right-to-left run, in Noto Naskh Arabic (in Noto Sans Hebrew when the run's letters are Hebrew), letters that Noto
/// Sans lacks in the face of their script (<see cref="SummitFonts.ScriptFamilies"/>, then the fallback face), the rest
/// in the line's font — and the runs are put in visual order;</item>
/// <item>every right-to-left run and every run in a face other than the line's is shaped by HarfBuzz (<see cref="PdfShaper"/>) and drawn glyph by glyph
/// with PDFsharp at HarfBuzz's positions; every glyph has its own private-use code point so that PDFsharp embeds it,
/// and <see cref="Save"/> maps those code points back to the glyphs' letters in the /ToUnicode maps
/// (<see cref="PdfGlyphText"/>);</item>
/// <item>the whole line is wrapped in a marked-content sequence whose /ActualText is the line in logical order, for
/// readers that take replacement text (screen readers, PdfPig). Its tag is /Bidi, not /Span, on purpose: poppler
/// (pdftotext) honours /ActualText only on /Span and, reading right-to-left text as stored in visual order, would
/// reverse it; from the glyphs (stored left to right, mapped to their letters) it gives the logical order itself. A
/// left-to-right line whose shaping moved glyphs (Devanagari) is tagged /Span, so that poppler reads its /ActualText.</item>
/// </list>
/// The PDF stays a PDFsharp document, so the structure tree (<see cref="PdfTags"/>) and the signature work the same.</summary>
internal static class PdfText
{
    private const string ArabicFamily = SummitFonts.ArabicFamily;
    private const string HebrewFamily = SummitFonts.HebrewFamily;

    // The glyph that the next DrawString draws instead of its placeholder text (see OnRenderText): rendering runs on
    // one thread per document, and this is set and cleared around a single call.
    [ThreadStatic] private static CodePointGlyphIndexPair[]? pendingGlyph;

    private static readonly ConditionalWeakTable<PdfDocument, object> Shaped = new();

    /// <summary>Lets <paramref name="document"/> draw shaped glyphs: PDFsharp raises this event with the code points
    /// and glyph ids of every string it draws, and the pending glyph replaces them.</summary>
    public static void Attach(PdfDocument document) => document.RenderEvents.RenderTextEvent += (_, args) =>
    {
        if (pendingGlyph is { } glyph) args.CodePointGlyphIndexPairs = glyph;
    };

    /// <summary>Whether shaped glyphs were drawn in <paramref name="document"/>.</summary>
    public static bool IsShaped(PdfDocument document) => Shaped.TryGetValue(document, out _);

    /// <summary>The saved PDF; with shaped glyphs (in it, or in <paramref name="drawnIn"/>, the document it was made from),
    /// their /ToUnicode entries name their letters.</summary>
    public static byte[] Save(PdfDocument document, PdfDocument? drawnIn = null)
    {
        using var output = new MemoryStream();
        SaveTo(document, output);
        return drawnIn is not null || IsShaped(document) ? PdfGlyphText.Repair(output.ToArray(), drawnIn ?? document) : output.ToArray();
    }

    private static readonly Lock SaveGate = new();

    /// <summary>Saves a document one at a time in the process: saving subsets the fonts from PDFsharp's process-wide font
    /// faces, whose glyph tables are not safe to read from two saves at once (parallel renders failed with
    /// IndexOutOfRangeException in GlyphDataTable.GetOffset).</summary>
    public static void SaveTo(PdfDocument document, Stream output)
    {
        lock (SaveGate) document.Save(output, closeStream: false);
    }

    public static double Width(XGraphics gfx, string text, XFont font) =>
        NeedsLayout(text) ? Layout(gfx, [(text, font)]).Sum(s => s.Width) : gfx.MeasureString(text, font).Width;

    /// <summary>Whether the text is laid out here rather than drawn by PDFsharp: it has right-to-left letters, or
    /// characters Noto Sans lacks (a Devanagari, Thai, Ethiopic, Armenian, Georgian, Chinese, Japanese or Korean name),
    /// which PDFsharp would draw blank.</summary>
    private static bool NeedsLayout(string text)
    {
        if (PdfBidi.NeedsBidi(text)) return true;
        for (var i = 0; i < text.Length; i++)
            if (text[i] >= LookedUpFrom && !char.IsLowSurrogate(text[i]) && FamilyOf(CodePointAt(text, i)) is not null) return true;
        return false;
    }

    /// <summary>Below it Latin (every accent), Greek and Cyrillic, all in Noto Sans: the common case is decided without
    /// a lookup.</summary>
    private const char LookedUpFrom = '\u0530';

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string?> Families = new();

    /// <summary>The family a character Noto Sans lacks is drawn in: the first script face that has it, else the fallback
    /// face if it has it; null for a character Noto Sans has, or that no face has (left to Noto Sans's missing glyph).</summary>
    private static string? FamilyOf(int codePoint) => Families.GetOrAdd(codePoint, c =>
        PdfShaper.HasGlyph(SummitFonts.FaceName(SummitFonts.Family, bold: false), c) ? null
            : SummitFonts.ScriptFamilies.Append(SummitFonts.FallbackFamily).FirstOrDefault(f => PdfShaper.HasGlyph(SummitFonts.FaceName(f, bold: false), c)));

    private static int CodePointAt(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];

    /// <summary>One line of a paragraph of <paramref name="paragraphLevel"/>: 0 in a left-to-right document, 1 in a
    /// right-to-left one (an Arabic communiqué), where every line is laid out by the bidi algorithm, so that its
    /// neutrals (a full stop after a Latin name, a list label's dot) stand where a right-to-left reader expects them.</summary>
    public static void Draw(XGraphics gfx, string text, XFont font, XBrush brush, XRect rect, XStringFormat format, byte paragraphLevel = 0)
    {
        if (text.Length == 0 || (paragraphLevel == 0 && !NeedsLayout(text))) gfx.DrawString(text, font, brush, rect, format);
        else Draw(gfx, [(text, font)], brush, rect, format, paragraphLevel);
    }

    /// <summary>A line made of pieces in their own faces (bold words), in logical order, as one bidi line of a paragraph
    /// of <paramref name="paragraphLevel"/>; its baseline is the first piece's. The line stands where
    /// <paramref name="format"/> says in <paramref name="rect"/> (right-aligned in a right-to-left document).</summary>
    public static void Draw(XGraphics gfx, IReadOnlyList<(string Text, XFont Font)> pieces, XBrush brush, XRect rect, XStringFormat format,
        byte paragraphLevel = 0)
    {
        var text = string.Concat(pieces.Select(p => p.Text));
        var font = pieces[0].Font;
        var document = gfx.PdfPage?.Owner ?? throw new InvalidOperationException("Shaped text is drawn on PDF pages only.");
        Shaped.AddOrUpdate(document, true);
        var segments = Layout(gfx, pieces, paragraphLevel);
        var total = segments.Sum(s => s.Width);
        var x = format.Alignment switch
        {
            XStringAlignment.Center => rect.X + (rect.Width - total) / 2,
            XStringAlignment.Far => rect.Right - total,
            _ => rect.X,
        };
        // One baseline for the whole line, the line font's, whatever face each run is drawn in.
        var scale = font.Size / font.Metrics.UnitsPerEm;
        var (ascent, descent) = (font.Metrics.Ascent * scale, font.Metrics.Descent * scale);
        var baseline = format.LineAlignment switch
        {
            XLineAlignment.Center => rect.Y + (rect.Height - font.GetHeight()) / 2 + ascent,
            XLineAlignment.Far => rect.Bottom - descent,
            XLineAlignment.BaseLine => rect.Y,
            _ => rect.Y + ascent,
        };

        var content = gfx.Internals.ContentStringBuilder ?? throw new InvalidOperationException("Shaped text is drawn on PDF pages only.");
        var start = content.Length;
        var opened = false;
        foreach (var segment in segments)
        {
            if (segment.Glyphs is null)
                gfx.DrawString(segment.Text, segment.Font, brush, x, baseline, XStringFormats.BaseLineLeft);
            else
            {
                var pen = x;
                foreach (var glyph in segment.Glyphs)
                {
                    pendingGlyph = [new CodePointGlyphIndexPair(PdfGlyphText.CodePoint(document, segment.FaceIndex, glyph.Id, glyph.Text), glyph.Id)];
                    try
                    {
                        gfx.DrawString("\u25CC", segment.Font, brush, pen + glyph.OffsetX, baseline - glyph.OffsetY, XStringFormats.BaseLineLeft);
                    }
                    finally
                    {
                        pendingGlyph = null;
                    }
                    pen += glyph.Advance;
                }
            }
            if (!opened)
            {
                // After PDFsharp's own marked content (the structure element's MCID) and text object have begun,
                // before the first glyph: the sequence nests inside both and holds the whole line.
                var region = content.ToString(start, content.Length - start);
                var at = Math.Max(After(region, "BDC\n"), After(region, "BT\n"));
                content.Insert(start + at, $"/{(Reordered(segments, text, paragraphLevel) ? "Span" : "Bidi")} <</ActualText {Utf16Hex(text)}>> BDC\n");
                opened = true;
            }
            x += segment.Width;
        }
        content.Append("EMC\n");
    }

    /// <summary>Whether a left-to-right line's glyphs, read left to right by their own text, spell the line in another
    /// order: shaping moved a glyph within its cluster (a Devanagari vowel sign drawn before its consonant, a reph
    /// after the syllable). Such a line is tagged /Span, whose /ActualText poppler does take (a right-to-left line never
    /// is: poppler would reverse it).</summary>
    private static bool Reordered(List<Segment> segments, string text, byte paragraphLevel) =>
        paragraphLevel == 0 && !PdfBidi.NeedsBidi(text)
        && segments.Any(s => s.Glyphs is { } glyphs && string.Concat(glyphs.Select(g => g.Text)) != s.Text);

    private static int After(string region, string op)
    {
        var i = region.LastIndexOf(op, StringComparison.Ordinal);
        return i < 0 ? 0 : i + op.Length;
    }

    private static string Utf16Hex(string text) =>
        "<FEFF" + string.Concat(text.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture))) + ">";

    /// <summary>A run of the line in visual order: drawn by PDFsharp as text (<see cref="Glyphs"/> null), or as shaped
    /// glyphs of the face <see cref="FaceIndex"/>.</summary>
    private sealed record Segment(string Text, XFont Font, double Width, IReadOnlyList<ShapedGlyph>? Glyphs, int FaceIndex);

    private readonly record struct ShapedGlyph(ushort Id, double Advance, double OffsetX, double OffsetY, string Text);

    private static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
        or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    private static List<Segment> Layout(XGraphics gfx, IReadOnlyList<(string Text, XFont Font)> pieces, byte paragraphLevel = 0)
    {
        var text = string.Concat(pieces.Select(p => p.Text));
        var fonts = pieces.SelectMany(p => Enumerable.Repeat(p.Font, p.Text.Length)).ToArray();
        var levels = PdfBidi.Levels(text, paragraphLevel);
        // Arabic letters in the Arabic face; so are spaces and punctuation inside a right-to-left run where the face
        // has them (the run keeps one face, so it shapes and mirrors as one) — the Hebrew face when the nearest
        // right-to-left letter is Hebrew. Characters Noto Sans lacks in the face of their script; a mark or joiner
        // after them in that face when it has it (a Devanagari cluster stays one run). Null: the line's font.
        var faces = new string?[text.Length];
        var rightToLeftFaces = RightToLeftFaces(text, levels);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            faces[i] = char.IsLowSurrogate(c) && i > 0 ? faces[i - 1]
                : IsArabic(c) ? ArabicFamily
                : levels[i] % 2 == 1 && !char.IsLetterOrDigit(c) && !char.IsSurrogate(c)
                    && PdfShaper.HasGlyph(SummitFonts.FaceName(rightToLeftFaces[i], fonts[i].Bold), c) ? rightToLeftFaces[i]
                : i > 0 && faces[i - 1] is { } previous && previous != ArabicFamily && IsJoining(c)
                    && PdfShaper.HasGlyph(SummitFonts.FaceName(previous, fonts[i].Bold), c) ? previous
                : c >= LookedUpFrom ? FamilyOf(CodePointAt(text, i))
                : null;
        }
        var runs = new List<(int Start, int End, byte Level, string? Face)>();
        for (var i = 0; i < text.Length;)
        {
            var end = i + 1;
            while (end < text.Length && levels[end] == levels[i] && faces[end] == faces[i] && ReferenceEquals(fonts[end], fonts[i])) end++;
            runs.Add((i, end, levels[i], faces[i]));
            i = end;
        }
        var segments = new List<Segment>();
        foreach (var index in PdfBidi.VisualOrder(runs.Select(r => r.Level).ToArray()))
        {
            var (start, end, level, face) = runs[index];
            var runText = text[start..end];
            var font = fonts[start];
            var rightToLeft = level % 2 == 1;
            var family = face ?? font.FontFamily.Name;
            var runFont = face is null ? font : new XFont(family, font.Size, font.Style, font.PdfOptions);
            if (face is null && !rightToLeft)
            {
                segments.Add(new Segment(runText, runFont, gfx.MeasureString(runText, runFont).Width, null, 0));
                continue;
            }
            var faceName = SummitFonts.FaceName(family, font.Bold);
            var shaped = PdfShaper.Shape(faceName, runText, rightToLeft, font.Size);
            segments.Add(new Segment(runText, runFont, shaped.Sum(g => g.Advance), WithText(shaped, runText, faceName), SummitFonts.FaceIndex(faceName)));
        }
        return segments;
    }

    /// <summary>A combining mark or a zero-width (non-)joiner, which belongs with the letter before it.</summary>
    private static bool IsJoining(char c) => c is '\u200C' or '\u200D'
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>For each character, the face of the nearest right-to-left letter of its run of levels (before it, else
    /// after it): Noto Sans Hebrew for a Hebrew letter, Noto Naskh Arabic otherwise.</summary>
    private static string[] RightToLeftFaces(string text, byte[] levels)
    {
        var faces = new string[text.Length];
        string? last = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && levels[i] != levels[i - 1]) last = null;
            if (char.IsLetter(text[i]) && levels[i] % 2 == 1) last = text[i] is >= '\u0590' and <= '\u05FF' or >= '\uFB1D' and <= '\uFB4F' ? HebrewFamily : ArabicFamily;
            faces[i] = last!;
        }
        string? next = null;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (i < text.Length - 1 && levels[i] != levels[i + 1]) next = null;
            if (faces[i] is not null) next = faces[i];
            else faces[i] = next ?? ArabicFamily;
        }
        return faces;
    }

    /// <summary>Each glyph with the text it stands for: within a cluster, a glyph that is the face's own glyph of one of
    /// its characters stands for that character (the same text wherever the glyph is drawn, which the document's one
    /// /ToUnicode entry per glyph needs: a Devanagari consonant, a vowel sign shaped before it); the cluster's other
    /// characters go to its first other glyph in logical order (a ligature, lam-alef, a reph), nothing to the rest (a
    /// letter drawn as a base and its dots).</summary>
    private static List<ShapedGlyph> WithText(IReadOnlyList<PdfShaper.Glyph> glyphs, string text, string faceName)
    {
        var starts = glyphs.Select(g => g.Cluster).Distinct().Order().ToList();
        var texts = new string?[glyphs.Count];
        // Logical order: the cluster with the lowest index first; a right-to-left run lists its glyphs reversed.
        var logical = Enumerable.Range(0, glyphs.Count).OrderBy(i => glyphs[i].Cluster).ThenBy(i => glyphs[0].Cluster > glyphs[^1].Cluster ? -i : i);
        foreach (var cluster in logical.GroupBy(i => glyphs[i].Cluster))
        {
            var next = starts.BinarySearch(cluster.Key) + 1;
            var characters = text[cluster.Key..(next < starts.Count ? starts[next] : text.Length)];
            var claimed = new bool[characters.Length];
            foreach (var i in cluster)
                for (var c = 0; c < characters.Length; c += char.IsSurrogatePair(characters, c) ? 2 : 1)
                {
                    if (claimed[c] || PdfShaper.NominalGlyph(faceName, char.ConvertToUtf32(characters, c)) != glyphs[i].Id) continue;
                    var length = char.IsSurrogatePair(characters, c) ? 2 : 1;
                    texts[i] = characters.Substring(c, length);
                    for (var k = c; k < c + length; k++) claimed[k] = true;
                    break;
                }
            var rest = string.Concat(characters.Where((_, c) => !claimed[c]));
            foreach (var i in cluster)
            {
                if (texts[i] is not null) continue;
                texts[i] = rest;
                rest = "";
            }
            // Every glyph was its own character's, yet some are left (a joiner): the cluster's first glyph takes them.
            if (rest.Length > 0) texts[cluster.First()] += rest;
        }
        return glyphs.Select((g, i) => new ShapedGlyph(g.Id, g.Advance, g.OffsetX, g.OffsetY, texts[i] ?? "")).ToList();
    }
}
