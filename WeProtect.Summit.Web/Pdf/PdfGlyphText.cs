using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>The text behind shaped glyphs, for the fonts' /ToUnicode maps. PDFsharp keys the glyphs it embeds by code
/// point, one glyph per code point, but shaped Arabic draws one letter with up to four glyphs (isolated, initial,
/// medial, final forms) and one glyph for two letters (lam-alef). So every shaped glyph is drawn under a code point of
/// its own in the supplementary private use areas (plane 15: a span of 0x1000 per face, in face order, + glyph id; plane 16 for the fallback face), which keeps every glyph in the
/// embedded subset; <see cref="Repair"/> then rewrites the /ToUnicode maps from those code points to the real text of
/// each glyph (its letters, in logical order), so that a reader that extracts text from the glyphs (poppler's
/// pdftotext) reads the letters, never private-use code points.</summary>
internal static partial class PdfGlyphText
{
    private const int PrivateUse = 0xF0000;
    // Plane 15 holds sixteen spans of 0x1000, one per face but the fallback (every other face has fewer than 0xFFE
    // glyphs: Noto Sans 3,317, the script faces under 1,000), the last two code points of the plane, noncharacters, unused.
    private const int FaceSpan = 0x1000;
    private const int Spans = 16;
    // The fallback face (index 4) has more glyphs than a span: it has plane 16's private use area to itself.
    private const int FallbackFace = 4;
    private const int PlaneSixteen = 0x100000;

    /// <summary>Each document's glyph texts: one text per glyph in a document (its /ToUnicode has one entry per glyph),
    /// the first drawn in it. Kept per document: a process-wide map let the first document drawn decide the text of a
    /// glyph (a letter's dots, a ligature) for every later one, whose text then extracted wrongly.</summary>
    private static readonly ConditionalWeakTable<PdfDocument, ConcurrentDictionary<int, string>> Documents = new();

    /// <summary>The private-use code point of a glyph, remembering its text for <paramref name="document"/>. An empty
    /// text (the second glyph of a letter drawn in two, such as its dots) maps to nothing.</summary>
    public static int CodePoint(PdfDocument document, int faceIndex, ushort glyph, string text)
    {
        var span = faceIndex == FallbackFace ? 0xFFFE : FaceSpan - 2;
        var slot = faceIndex < FallbackFace ? faceIndex : faceIndex - 1;
        if (faceIndex != FallbackFace && slot >= Spans) throw new ArgumentOutOfRangeException(nameof(faceIndex), "Plane 15 has no span left for the face.");
        if (glyph >= span) throw new ArgumentOutOfRangeException(nameof(glyph), "The face has more glyphs than its private-use span.");
        var codePoint = faceIndex == FallbackFace ? PlaneSixteen + glyph : PrivateUse + slot * FaceSpan + glyph;
        Documents.GetOrCreateValue(document).TryAdd(codePoint, text);
        return codePoint;
    }

    /// <summary>Gives <paramref name="into"/> the glyph texts drawn in <paramref name="from"/> that it lacks: the footer is
    /// drawn in the saved document reopened, and <see cref="Repair"/> names glyphs from the document the body was drawn in.</summary>
    public static void Adopt(PdfDocument from, PdfDocument into)
    {
        if (!Documents.TryGetValue(from, out var drawn)) return;
        var texts = Documents.GetOrCreateValue(into);
        foreach (var (codePoint, text) in drawn) texts.TryAdd(codePoint, text);
    }

    [GeneratedRegex(@"<([0-9A-F]{4})><([0-9A-F]{4})><(10[0-9A-F]{4}|F[0-9A-F]{4}|[0-9A-F]{4}|D[89AB][0-9A-F]{2}D[C-F][0-9A-F]{2})>\r?\n?")]
    private static partial Regex RangeLine();

    [GeneratedRegex(@"(\d+) beginbfrange\r?\n(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex RangeBlock();

    /// <summary>The PDF with every /ToUnicode entry that names a private-use code point of <see cref="CodePoint"/>
    /// replaced by that glyph's text (entries without text removed). A PDF without shaped glyphs is returned as is.</summary>
    public static byte[] Repair(byte[] pdf, PdfDocument drawnIn)
    {
        var texts = Documents.GetOrCreateValue(drawnIn);
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        var changed = false;
        foreach (var item in document.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary font || font.Elements["/ToUnicode"] is not PdfReference { Value: PdfDictionary { Stream: { } stream } map }) continue;
            var text = Encoding.ASCII.GetString(stream.UnfilteredValue);
            var repaired = RangeBlock().Replace(text, block =>
            {
                var lines = RangeLine().Matches(block.Groups[2].Value)
                    .Select(line => Line(texts, line.Groups[1].Value, line.Groups[2].Value, line.Groups[3].Value)).OfType<string>().ToList();
                return $"{lines.Count} beginbfrange\n{string.Concat(lines)}endbfrange";
            });
            if (repaired == text) continue;
            map.Elements.Remove("/Filter");
            map.Elements.Remove("/DecodeParms");
            stream.Value = Encoding.ASCII.GetBytes(repaired);
            changed = true;
        }
        if (!changed) return pdf;
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static string? Line(ConcurrentDictionary<int, string> texts, string from, string to, string target)
    {
        var codePoint = target.Length == 8
            ? char.ConvertToUtf32((char)Convert.ToInt32(target[..4], 16), (char)Convert.ToInt32(target[4..], 16))
            : Convert.ToInt32(target, 16);
        if (codePoint < PrivateUse || !texts.TryGetValue(codePoint, out var text)) return $"<{from}><{to}><{target}>\n";
        if (text.Length == 0) return null;
        return $"<{from}><{to}><{string.Concat(text.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)))}>\n";
    }
}
