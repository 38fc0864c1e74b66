using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>The fonts every PDF of the app is drawn with: Noto Sans Regular and Bold, and Noto Naskh Arabic Regular
/// and Bold (SIL Open Font License 1.1, Pdf/Fonts/OFL.txt and NotoNaskhArabic-OFL.txt; taken from Debian's
/// fonts-noto-core 20201225-1), shipped inside the assembly as resources so that a PDF looks the same on any server,
/// whatever fonts the machine has. Noto Sans covers Latin (with every accent of "Côte d'Ivoire", "Türkiye", "São Tomé
/// and Príncipe"), Greek and Cyrillic; Noto Naskh Arabic covers the Arabic script (Arabic, Persian, Urdu letters),
/// drawn shaped by <see cref="PdfText"/>. The <see cref="ScriptFamilies"/> — Noto Sans Hebrew, Devanagari, Thai,
/// Ethiopic, Armenian and Georgian, Regular and Bold (SIL OFL 1.1, Pdf/Fonts/NotoSansScripts-OFL.txt; Debian's
/// fonts-noto-core 20201225-1, the smallest Noto faces of each script) — draw the letters of their script, shaped too.
/// Droid Sans Fallback (Apache License 2.0, Pdf/Fonts/DroidSansFallback-LICENSE.txt;
/// Debian's fonts-droid-fallback) draws what none has: Chinese, Japanese and Korean names, one face for every weight.
/// The family <see cref="ArabicFamily"/> resolves to Noto Naskh Arabic, <see cref="FallbackFamily"/> to Droid Sans
/// Fallback, a script family to its face, every other family name to Noto Sans, bold to the Bold face; italic is
/// simulated by PDFsharp.</summary>
public sealed class SummitFonts : IFontResolver
{
    /// <summary>The family name to ask for: <c>new XFont(SummitFonts.Family, 10, …)</c>.</summary>
    public const string Family = "Noto Sans";

    /// <summary>The family of the Arabic script: <c>new XFont(SummitFonts.ArabicFamily, 10, …)</c>.</summary>
    public const string ArabicFamily = "Noto Naskh Arabic";

    /// <summary>The family of the characters the other faces lack (Chinese, Japanese, Korean).</summary>
    public const string FallbackFamily = "Droid Sans Fallback";

    /// <summary>The family of the Hebrew script, right to left like Arabic.</summary>
    public const string HebrewFamily = "Noto Sans Hebrew";

    /// <summary>The families of the scripts that Noto Sans lacks, in the order they are tried for a character (each
    /// has the letters of one script only, so the order decides nothing today).</summary>
    public static readonly IReadOnlyList<string> ScriptFamilies =
        [HebrewFamily, "Noto Sans Devanagari", "Noto Sans Thai", "Noto Sans Ethiopic", "Noto Sans Armenian", "Noto Sans Georgian"];

    private const string RegularFace = "NotoSans-Regular";
    private const string BoldFace = "NotoSans-Bold";

    /// <summary>Every face, in a fixed order (the index is part of a shaped glyph's private-use code point).</summary>
    private static readonly string[] FaceNames =
    [
        RegularFace, BoldFace, "NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold", "DroidSansFallback",
        .. ScriptFamilies.SelectMany(f => new[] { ScriptFace(f, bold: false), ScriptFace(f, bold: true) }),
    ];

    private static string ScriptFace(string family, bool bold) => family.Replace(" ", "", StringComparison.Ordinal) + (bold ? "-Bold" : "-Regular");

    /// <summary>The face a family and weight resolve to.</summary>
    public static string FaceName(string familyName, bool bold) => familyName switch
    {
        ArabicFamily => bold ? FaceNames[3] : FaceNames[2],
        FallbackFamily => FaceNames[4],
        _ when ScriptFamilies.Contains(familyName) => ScriptFace(familyName, bold),
        _ => bold ? BoldFace : RegularFace,
    };

    public static int FaceIndex(string faceName) => Array.IndexOf(FaceNames, faceName) is >= 0 and var i ? i
        : throw new ArgumentException($"No face {faceName} is shipped.", nameof(faceName));

    /// <summary>The font file of a face, as embedded.</summary>
    public static byte[] FaceBytes(string faceName) => Faces.GetOrAdd(faceName, Load);

    private static readonly object Gate = new();
    private static volatile bool registered;
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new();

    /// <summary>Readies PDFsharp, once per process (renderers also run outside the app, in tests and tools): sets the
    /// global font resolver. Safe to call from any thread, any
    /// number of times: Program.cs calls it at start-up, every renderer before creating a font. PDFsharp refuses a
    /// second resolver once a font has been used, so the app has exactly this one.</summary>
    public static void Register()
    {
        if (registered) return;
        lock (Gate)
        {
            if (registered) return;
            if (GlobalFontSettings.FontResolver is not SummitFonts)
                GlobalFontSettings.FontResolver = new SummitFonts();
            registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        // Italic has no face of its own here: PDFsharp slants the upright face.
        new(FaceName(familyName, isBold), mustSimulateBold: false, mustSimulateItalic: isItalic);

    public byte[]? GetFont(string faceName) => Faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var resource = $"WeProtect.Summit.Web.Pdf.Fonts.{faceName}.ttf";
        using var stream = typeof(SummitFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The font {resource} is not embedded in {typeof(SummitFonts).Assembly.GetName().Name}.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
