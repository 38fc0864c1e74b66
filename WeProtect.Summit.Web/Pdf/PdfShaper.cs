using System.Runtime.InteropServices;
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

    // One lock for every call into HarfBuzz, and each face loaded once: per-face locks still let the native library
    // crash the process (a segfault in libHarfBuzzSharp under parallel renders in CI), and a face created twice by a
    // racing GetOrAdd was finalised while in use. Shaping a line takes microseconds.
    private sealed record Loaded(Blob Blob, Face Face, HarfBuzzSharp.Font Font, int UnitsPerEm);

    private static readonly Lock Native = new();
    private static readonly Dictionary<string, Loaded> Faces = [];

    private static Loaded Load(string faceName)
    {
        if (Faces.TryGetValue(faceName, out var loaded)) return loaded;
        var blob = Duplicated(SummitFonts.FaceBytes(faceName));
        var face = new Face(blob, 0);
        var font = new HarfBuzzSharp.Font(face);
        font.SetFunctionsOpenType();
        return Faces[faceName] = new Loaded(blob, face, font, face.UnitsPerEm);
    }

    // Not Blob.FromStream: it hands HarfBuzz a pointer into a managed array that is pinned only while the blob is
    // created and then left to the collector, so the face read freed or moved memory (wrong glyphs, missing Arabic
    // text in the PDF, and a segfault of the test host in CI). Duplicate makes HarfBuzz copy the bytes while pinned.
    private static Blob Duplicated(byte[] bytes)
    {
        var pinned = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        try
        {
            return new Blob(pinned.AddrOfPinnedObject(), bytes.Length, MemoryMode.Duplicate);
        }
        finally
        {
            pinned.Free();
        }
    }

    /// <summary>Whether the face has a glyph of its own for <paramref name="codePoint"/>.</summary>
    public static bool HasGlyph(string faceName, int codePoint)
    {
        lock (Native) return Load(faceName).Font.TryGetGlyph((uint)codePoint, out var glyph) && glyph != 0;
    }

    /// <summary>The face's own glyph for <paramref name="codePoint"/> (its cmap entry), 0 when it has none.</summary>
    public static ushort NominalGlyph(string faceName, int codePoint)
    {
        lock (Native) return Load(faceName).Font.TryGetGlyph((uint)codePoint, out var glyph) ? (ushort)glyph : (ushort)0;
    }

    /// <summary>The glyphs of <paramref name="text"/> in visual order, left to right.</summary>
    public static IReadOnlyList<Glyph> Shape(string faceName, string text, bool rightToLeft, double size)
    {
        lock (Native)
        {
            var loaded = Load(faceName);
            using var buffer = new Buffer();
            // One cluster per character (marks not merged into their base), so that every glyph maps back to its text.
            buffer.ClusterLevel = ClusterLevel.MonotoneCharacters;
            buffer.AddUtf16(text);
            buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
            buffer.GuessSegmentProperties();
            loaded.Font.Shape(buffer);
            return Glyphs(buffer.GlyphInfos, buffer.GlyphPositions, size / loaded.UnitsPerEm);
        }
    }

    private static Glyph[] Glyphs(GlyphInfo[] infos, GlyphPosition[] positions, double scale)
    {
        var glyphs = new Glyph[infos.Length];
        for (var i = 0; i < infos.Length; i++)
            glyphs[i] = new Glyph((ushort)infos[i].Codepoint, positions[i].XAdvance * scale, positions[i].XOffset * scale, positions[i].YOffset * scale,
                (int)infos[i].Cluster);
        return glyphs;
    }
}
