using System.Collections.Concurrent;
using HarfBuzzSharp;
using Buffer = HarfBuzzSharp.Buffer;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>OpenType shaping with HarfBuzz (HarfBuzzSharp): turns a run of text in one direction and one face into
/// the glyphs a reader sees — Arabic letters joined in their initial, medial and final forms, lam-alef ligatures, dots
/// and marks placed by the font's GPOS — with their advances and offsets in points. The faces are the same embedded
/// files PDFsharp embeds (<see cref="SummitFonts"/>), so the glyph ids are valid in the PDF.</summary>
internal static class PdfShaper
{
    /// <summary>One shaped glyph: its id in the face, where the pen moves after it and how far it is shifted from
    /// the pen (points, y up), and the logical UTF-16 index of the text it comes from (its cluster).</summary>
    public readonly record struct Glyph(ushort Id, double Advance, double OffsetX, double OffsetY, int Cluster);

    // The lock: one shaping at a time per face (parallel renders shaping through one native font gave glyph ids
    // out of range in the tests).
    private sealed record Loaded(Blob Blob, Face Face, HarfBuzzSharp.Font Font, object Lock);

    private static readonly ConcurrentDictionary<string, Loaded> Faces = new();

    private static Loaded Load(string faceName) => Faces.GetOrAdd(faceName, name =>
    {
        var blob = Blob.FromStream(new MemoryStream(SummitFonts.FaceBytes(name)));
        var face = new Face(blob, 0);
        var font = new HarfBuzzSharp.Font(face);
        font.SetFunctionsOpenType();
        return new Loaded(blob, face, font, new object());
    });

    /// <summary>Whether the face has a glyph of its own for <paramref name="codePoint"/>.</summary>
    public static bool HasGlyph(string faceName, int codePoint)
    {
        var loaded = Load(faceName);
        lock (loaded.Lock) return loaded.Font.TryGetGlyph((uint)codePoint, out var glyph) && glyph != 0;
    }

    /// <summary>The glyphs of <paramref name="text"/> in visual order, left to right.</summary>
    public static IReadOnlyList<Glyph> Shape(string faceName, string text, bool rightToLeft, double size)
    {
        var loaded = Load(faceName);
        using var buffer = new Buffer();
        // One cluster per character (marks not merged into their base), so that every glyph maps back to its text.
        buffer.ClusterLevel = ClusterLevel.MonotoneCharacters;
        buffer.AddUtf16(text);
        buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.GuessSegmentProperties();
        lock (loaded.Lock) loaded.Font.Shape(buffer);
        var scale = size / loaded.Face.UnitsPerEm;
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var glyphs = new Glyph[infos.Length];
        for (var i = 0; i < infos.Length; i++)
            glyphs[i] = new Glyph((ushort)infos[i].Codepoint, positions[i].XAdvance * scale, positions[i].XOffset * scale, positions[i].YOffset * scale,
                (int)infos[i].Cluster);
        return glyphs;
    }
}
