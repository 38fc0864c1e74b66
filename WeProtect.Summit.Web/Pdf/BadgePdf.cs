using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using QRCoder;
using WeProtect.Summit.Data.Geography;

namespace WeProtect.Summit.Web.Pdf;

using WeProtect.Summit.Data.Registrations; // after the namespace line: see DEVELOPERS.md, "namespace-vs-type quirk"
using WeProtect.Summit.Data.Summits;
using WeProtect.Summit.Web.Localization;

/// <summary>Delegate badges, one A6 portrait page (105 × 148 mm) per badge. A6 is the size of the standard
/// conference badge pouch, so a page is a badge with nothing to cut when printed on A6 card; on an A4 office printer,
/// "4 pages per sheet" prints four badges per sheet that cut along the middle lines. One page per badge also lets the
/// desk reprint a single badge and keeps pages and delegates in a 1:1 order (the all-badges file is sorted by
/// organisation, then name).
///
/// From top to bottom: the summit's name, dates and city; the delegate's name in large bold type (shrunk to fit,
/// then set on two lines if still too long), with the honorific when the protocol gives one ("H.E. Ms Jane Doe"); the
/// protocol title, else the position; the organisation's formal name and country; the QR code
/// (payload: the badge code and nothing else) with the code printed under it for typing at the desk; and a band in the
/// category's colour naming the category in words, with a gold "Minister" band above it for ministers. The fonts are
/// the embedded Noto Sans (<see cref="SummitFonts"/>), written as Unicode so any Latin, Greek or Cyrillic name
/// renders, and embedded (subset) in the PDF; Arabic is shaped (Noto Naskh Arabic) and every line of an Arabic badge
/// is laid out right to left.
///
/// A badge's words are in the summit's default language (<see cref="ContentOf"/>), whoever prints it: every badge of a
/// summit reads alike at the door (the security staff check "PRESS" or "PRESSE" against one list), and a badge a
/// delegate prints at home matches the one the desk reprints.</summary>
public static class BadgePdf
{
    public const string ContentType = "application/pdf";

    /// <summary>Pixels per QR module in the embedded image: sharp when printed at any size, and exact to read back.</summary>
    public const int QrPixelsPerModule = 8;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    // A6 in points.
    private static readonly double Width = XUnit.FromMillimeter(105).Point;
    private static readonly double Height = XUnit.FromMillimeter(148).Point;
    private static readonly double Margin = XUnit.FromMillimeter(7).Point;
    private static readonly double A4Short = XUnit.FromMillimeter(210).Point;
    private static readonly double A4Long = XUnit.FromMillimeter(297).Point;

    /// <summary>The band colour of each category: distinct hues, each dark enough for white text.</summary>
    public static XColor ColourOf(DelegateCategory category) => category switch
    {
        DelegateCategory.HeadOfDelegation => XColor.FromArgb(0x8E, 0x1B, 0x1B),  // deep red
        DelegateCategory.Delegate => XColor.FromArgb(0x1F, 0x4E, 0x9C),          // blue
        DelegateCategory.Observer => XColor.FromArgb(0x2E, 0x6B, 0x30),          // green
        DelegateCategory.Press => XColor.FromArgb(0xB4, 0x4A, 0x00),             // burnt orange
        DelegateCategory.Facilitator => XColor.FromArgb(0x5E, 0x2A, 0x84),       // purple
        DelegateCategory.Staff => XColor.FromArgb(0x37, 0x41, 0x4B),             // slate
        _ => XColor.FromArgb(0x44, 0x44, 0x44),
    };

    private static readonly XColor MinisterGold = XColor.FromArgb(0xC9, 0xA2, 0x27);
    private static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    private static readonly XColor Muted = XColor.FromArgb(0x55, 0x55, 0x55);

    /// <summary>"11–12 December 2027 · Abu Dhabi, United Arab Emirates", in an interface <paramref name="language"/>
    /// (English unless given; the communiqué gives each of its languages): the months in that language's culture, the
    /// country's name in it (<see cref="Countries.NameOf(string?, string?)"/>; the city is one name, as the organiser
    /// typed it) and its comma.</summary>
    public static string WhenWhere(Summit summit, string? language = null)
    {
        var texts = new Localization.LanguageTexts(language);
        var en = texts.Culture;
        var (s, e) = (summit.StartDate, summit.EndDate);
        var dates = s == e ? s.Said("d MMMM yyyy", en)
            : s.Year != e.Year ? $"{s.Said("d MMMM yyyy", en)} – {e.Said("d MMMM yyyy", en)}"
            : s.Month != e.Month ? $"{s.Said("d MMMM", en)} – {e.Said("d MMMM yyyy", en)}"
            : $"{s.Day}–{e.Said("d MMMM yyyy", en)}";
        return $"{dates} · {texts.Format("{0}, {1}", summit.City, Countries.NameOf(summit.CountryCode, texts.Language))}";
    }

    /// <summary>The badge of a registration, in the summit's default language; its organisation (if any) must be loaded.</summary>
    public static BadgeContent ContentOf(Registration registration, Summit summit, byte[]? photo = null)
    {
        var texts = new Localization.LanguageTexts(summit.DefaultLanguage);
        var language = texts.Language;
        var countryCode = registration.Organisation is { } organisation ? organisation.CountryCode : registration.ProposedCountryCode;
        // The organisation has its own line: the protocol line gives the name and the title only.
        var protocol = Localization.ProtocolLine.Of(registration.Protocol, registration.FullName, registration.Position, null, texts);
        return new BadgeContent(summit.Name, WhenWhere(summit, language), registration.FullName, protocol.Designation ?? "",
            registration.OrganisationName, countryCode is null ? null : Countries.NameOf(countryCode, language),
            registration.Category, registration.IsMinister, registration.BadgeCode, photo, language, protocol.Address);
    }

    /// <summary>The PDF's title ("Badges – Summit"), in the summit's default language as its badges are.</summary>
    public static string Title(Summit summit, int? batchId = null)
    {
        var texts = new Localization.LanguageTexts(summit.DefaultLanguage);
        return batchId is { } batch ? texts.Format("Badges – {0} – batch {1}", summit.Name, batch) : texts.Format("Badges – {0}", summit.Name);
    }

    /// <summary>One PDF of the badges in the order given: a page per badge (A6), or four A6 badges on an A4 sheet,
    /// or eight A7 badges (the A6 design at 1/√2) on a landscape A4 sheet, with light cut lines between them.</summary>
    public static byte[] Render(IReadOnlyList<BadgeContent> badges, string title = "Badges", BadgeLayout layout = BadgeLayout.A6Single)
    {
        if (badges.Count == 0) throw new ArgumentException("There is no badge to render.", nameof(badges));
        SummitFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "WeProtect Summit";
        var tags = PdfTags.Start(document, PdfTags.LanguageOf(badges[0].Language));
        var (columns, rows, scale) = layout switch
        {
            BadgeLayout.A4Four => (2, 2, 1.0),
            BadgeLayout.A4Eight => (4, 2, 1 / Math.Sqrt(2)),
            _ => (1, 1, 1.0),
        };
        var perPage = columns * rows;
        for (var first = 0; first < badges.Count; first += perPage)
        {
            var page = document.AddPage();
            var (cellWidth, cellHeight) = (Width * scale, Height * scale);
            // A whole A4 sheet (portrait for 4, landscape for 8), the badges centred on it: A6 is 1 mm short of half A4.
            var (pageWidth, pageHeight) = perPage == 1 ? (Width, Height)
                : columns > rows ? (A4Long, A4Short) : (A4Short, A4Long);
            page.Width = XUnit.FromPoint(pageWidth);
            page.Height = XUnit.FromPoint(pageHeight);
            var (left, top) = ((pageWidth - columns * cellWidth) / 2, (pageHeight - rows * cellHeight) / 2);
            using var gfx = XGraphics.FromPdfPage(page);
            for (var i = 0; i < perPage && first + i < badges.Count; i++)
            {
                var state = gfx.Save();
                var origin = new XPoint(left + i % columns * cellWidth, top + i / columns * cellHeight);
                gfx.TranslateTransform(origin.X, origin.Y);
                gfx.ScaleTransform(scale);
                // One section per badge, in the order of the file: a screen reader reads badge after badge.
                tags.BeginElement(PdfGroupingElementTag.Section);
                Draw(gfx, tags, badges[first + i], origin, scale);
                tags.End();
                gfx.Restore(state);
            }
            if (perPage > 1)
            {
                tags.BeginArtifact();
                DrawCutLines(gfx, columns, rows, left, top, cellWidth, cellHeight);
                tags.End();
            }
        }
        return PdfText.Save(document);
    }

    /// <summary>Badges per sheet of a layout.</summary>
    public static int PerSheet(BadgeLayout layout) => layout switch { BadgeLayout.A4Four => 4, BadgeLayout.A4Eight => 8, _ => 1 };

    /// <summary>"A6, one per page", "A4, 4 per sheet", "A4, 8 per sheet".</summary>
    public static string Describe(BadgeLayout layout) => Data.Vocabulary.Words.Name(layout);

    private static void DrawCutLines(XGraphics gfx, int columns, int rows, double left, double top, double cellWidth, double cellHeight)
    {
        var pen = new XPen(XColor.FromArgb(0xBB, 0xBB, 0xBB), 0.3) { DashStyle = XDashStyle.Dash };
        for (var c = 0; c <= columns; c++) gfx.DrawLine(pen, left + c * cellWidth, 0, left + c * cellWidth, 2 * top + rows * cellHeight);
        for (var r = 0; r <= rows; r++) gfx.DrawLine(pen, 0, top + r * cellHeight, 2 * left + columns * cellWidth, top + r * cellHeight);
    }

    public static byte[] Render(BadgeContent badge) =>
        Render([badge], new Localization.LanguageTexts(badge.Language).Format("Badge – {0}", badge.FullName));

    /// <summary>The QR code of a badge code as a 24-bit BMP (PDFsharp's importer does not read QRCoder's 1-bit PNG),
    /// quiet zone included; <see cref="QrModules"/> is its matrix. PDFsharp stores it Flate-compressed.</summary>
    public static byte[] QrImage(string code)
    {
        using var data = QrData(code);
        return new BitmapByteQRCode(data).GetGraphic(QrPixelsPerModule);
    }

    /// <summary>The QR module matrix (true = dark) of a badge code, with its 4-module quiet zone.</summary>
    public static bool[,] QrModules(string code)
    {
        using var data = QrData(code);
        var size = data.ModuleMatrix.Count;
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                modules[y, x] = data.ModuleMatrix[y][x];
        return modules;
    }

    private static QRCodeData QrData(string code)
    {
        using var generator = new QRCodeGenerator();
        // Level M: survives a scuffed or creased badge; a 12-character code fits a 21 × 21 symbol.
        return generator.CreateQrCode(code, QRCodeGenerator.ECCLevel.M);
    }

    /// <summary>The QR code's alternative text, in the badge's language: what it holds, so that a screen reader says more
    /// than "image".</summary>
    public static string QrAltText(string code, string? language = null) =>
        new Localization.LanguageTexts(language).Format("QR code of the badge code {0}", BadgeCodes.Display(code));

    /// <summary>One badge, drawn at the origin of <paramref name="gfx"/> (which <paramref name="origin"/> and
    /// <paramref name="scale"/> place on the page): its texts tagged as the name's heading and paragraphs in reading
    /// order, the QR code a figure with alternative text, the bands and rules artifacts.</summary>
    private static void Draw(XGraphics gfx, StructureBuilder tags, BadgeContent badge, XPoint origin, double scale)
    {
        void Text(PdfBlockLevelElementTag tag, Action draw)
        {
            tags.BeginElement(tag);
            draw();
            tags.End();
        }
        void Artifact(Action draw)
        {
            tags.BeginArtifact();
            draw();
            tags.End();
        }
        var inner = Width - 2 * Margin;
        var y = Margin;
        var texts = new Localization.LanguageTexts(badge.Language);
        // An Arabic badge's lines are right-to-left paragraphs: "11–12 ديسمبر 2027" starts on the right.
        var level = texts.RightToLeft ? (byte)1 : (byte)0;

        // Summit: name (up to two lines) and when/where.
        var summitFont = Font(11, bold: true);
        Text(PdfBlockLevelElementTag.Paragraph, () =>
        {
            foreach (var line in Wrap(gfx, badge.SummitName, summitFont, inner, maxLines: 2))
            {
                PdfText.Draw(gfx, line, summitFont, new XSolidBrush(Ink), new XRect(Margin, y, inner, 14), XStringFormats.TopCenter, level);
                y += 14;
            }
        });
        var whereFont = Font(7.5);
        Text(PdfBlockLevelElementTag.Paragraph, () =>
        {
            foreach (var line in Wrap(gfx, badge.SummitWhenWhere, whereFont, inner, maxLines: 2))
            {
                PdfText.Draw(gfx, line, whereFont, new XSolidBrush(Muted), new XRect(Margin, y, inner, 10), XStringFormats.TopCenter, level);
                y += 10;
            }
        });
        y += 4;
        Artifact(() => gfx.DrawLine(new XPen(ColourOf(badge.Category), 1.2), Margin, y, Width - Margin, y));
        y += 14;

        // The delegate's name: as large as fits, on one line, else two.
        var (nameLines, nameFont) = FitName(gfx, badge.NameLine, inner);
        var nameLineHeight = nameFont.Size * 1.18;
        Text(PdfBlockLevelElementTag.Heading1, () =>
        {
            foreach (var line in nameLines)
            {
                PdfText.Draw(gfx, line, nameFont, new XSolidBrush(Ink), new XRect(Margin, y, inner, nameLineHeight), XStringFormats.TopCenter, level);
                y += nameLineHeight;
            }
        });
        y += 4;

        var positionFont = Font(9.5);
        Text(PdfBlockLevelElementTag.Paragraph, () =>
        {
            foreach (var line in Wrap(gfx, badge.Position, positionFont, inner, maxLines: 2))
            {
                PdfText.Draw(gfx, line, positionFont, new XSolidBrush(Muted), new XRect(Margin, y, inner, 12), XStringFormats.TopCenter, level);
                y += 12;
            }
        });
        y += 6;

        var organisationFont = Font(10.5, bold: true);
        Text(PdfBlockLevelElementTag.Paragraph, () =>
        {
            foreach (var line in Wrap(gfx, badge.OrganisationName, organisationFont, inner, maxLines: 2))
            {
                PdfText.Draw(gfx, line, organisationFont, new XSolidBrush(Ink), new XRect(Margin, y, inner, 13), XStringFormats.TopCenter, level);
                y += 13;
            }
        });
        // A government's formal name usually is its country's ("Côte d'Ivoire"): say it once.
        if (!string.IsNullOrEmpty(badge.CountryName) && !string.Equals(badge.CountryName, badge.OrganisationName, StringComparison.OrdinalIgnoreCase))
        {
            var countryFont = Font(9.5);
            Text(PdfBlockLevelElementTag.Paragraph, () => PdfText.Draw(gfx, Fit(gfx, badge.CountryName, countryFont, inner), countryFont, new XSolidBrush(Ink),
                new XRect(Margin, y, inner, 12), XStringFormats.TopCenter, level));
        }

        // The bottom: category band, the minister band above it, and the QR code above those. Read in the order a
        // person scans the badge: the minister band, the category, then the code and its QR code.
        var bandHeight = 40.0;
        var bandTop = Height - bandHeight;
        var qrBottom = bandTop;
        if (badge.IsMinister)
        {
            var ministerHeight = 18.0;
            Artifact(() => gfx.DrawRectangle(new XSolidBrush(MinisterGold), 0, bandTop - ministerHeight, Width, ministerHeight));
            Text(PdfBlockLevelElementTag.Paragraph, () => PdfText.Draw(gfx, texts["Minister"].ToUpper(texts.Culture), Font(10, bold: true), new XSolidBrush(Ink),
                new XRect(0, bandTop - ministerHeight, Width, ministerHeight), XStringFormats.Center, level));
            qrBottom -= ministerHeight;
        }
        Artifact(() => gfx.DrawRectangle(new XSolidBrush(ColourOf(badge.Category)), 0, bandTop, Width, bandHeight));
        var categoryFont = Font(17, bold: true);
        var category = texts[badge.Category.DisplayName()].ToUpper(texts.Culture);
        Text(PdfBlockLevelElementTag.Paragraph, () => PdfText.Draw(gfx, Fit(gfx, category, categoryFont, inner), categoryFont, XBrushes.White,
            new XRect(0, bandTop, Width, bandHeight), XStringFormats.Center, level));

        var codeFont = Font(7.5);
        var codeTop = qrBottom - 6 - 9;
        var qrSize = XUnit.FromMillimeter(36).Point;
        var qrTop = codeTop - qrSize;
        // With a photo, photo and QR code side by side at the same size; without, the QR code centred.
        var gap = XUnit.FromMillimeter(3).Point;
        var qrLeft = badge.Photo is null ? (Width - qrSize) / 2 : (Width + gap) / 2;
        if (badge.Photo is not null)
        {
            var photoLeft = (Width - gap) / 2 - qrSize;
            var photoBox = new XRect(origin.X + photoLeft * scale, origin.Y + qrTop * scale, qrSize * scale, qrSize * scale);
            tags.BeginElement(PdfIllustrationElementTag.Figure, texts.Format("Photograph of {0}", badge.FullName), photoBox);
            using (var photoStream = new MemoryStream(badge.Photo))
            using (var photo = XImage.FromStream(photoStream))
                gfx.DrawImage(photo, photoLeft, qrTop, qrSize, qrSize);
            tags.End();
        }
        // The figure's bounding box on the page (the badge may be scaled and moved on an A4 sheet).
        var box = new XRect(origin.X + qrLeft * scale, origin.Y + qrTop * scale, qrSize * scale, qrSize * scale);
        tags.BeginElement(PdfIllustrationElementTag.Figure, QrAltText(badge.Code, badge.Language), box);
        using (var bitmap = new MemoryStream(QrImage(badge.Code)))
        using (var image = XImage.FromStream(bitmap))
        {
            image.Interpolate = false; // modules stay square when a viewer or printer scales the image
            gfx.DrawImage(image, qrLeft, qrTop, qrSize, qrSize);
        }
        tags.End();
        Text(PdfBlockLevelElementTag.Paragraph, () =>
            gfx.DrawString(BadgeCodes.Display(badge.Code), codeFont, new XSolidBrush(Muted), new XRect(qrLeft, codeTop, qrSize, 10), XStringFormats.TopCenter));
    }

    private static XFont Font(double size, bool bold = false) =>
        new(SummitFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    /// <summary>The largest size from 24 pt down at which the name fits one line (down to 14 pt), else two lines
    /// (down to 9 pt, the last line cut with an ellipsis if even that is not enough).</summary>
    private static (IReadOnlyList<string> Lines, XFont Font) FitName(XGraphics gfx, string name, double width)
    {
        name = name.Trim();
        for (var size = 24.0; size >= 14; size -= 1)
        {
            var font = Font(size, bold: true);
            if (PdfText.Width(gfx, name, font) <= width) return ([name], font);
        }
        for (var size = 16.0; size >= 9; size -= 0.5)
        {
            var font = Font(size, bold: true);
            var lines = Wrap(gfx, name, font, width, maxLines: int.MaxValue);
            if (lines.Count <= 2 && lines.All(l => PdfText.Width(gfx, l, font) <= width)) return (lines, font);
        }
        var smallest = Font(9, bold: true);
        return (Wrap(gfx, name, smallest, width, maxLines: 2), smallest);
    }

    /// <summary>Breaks text at spaces into lines no wider than <paramref name="width"/>; the last allowed line is cut
    /// with an ellipsis if text remains. A single word wider than the line is cut too.</summary>
    private static List<string> Wrap(XGraphics gfx, string text, XFont font, double width, int maxLines)
    {
        var lines = new List<string>();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var current = "";
        for (var i = 0; i < words.Length; i++)
        {
            var candidate = current.Length == 0 ? words[i] : current + " " + words[i];
            if (PdfText.Width(gfx, candidate, font) <= width) { current = candidate; continue; }
            if (current.Length > 0) lines.Add(current);
            current = words[i];
            if (lines.Count == maxLines - 1)
            {
                lines.Add(Fit(gfx, string.Join(' ', words[i..]), font, width));
                return lines;
            }
        }
        if (current.Length > 0) lines.Add(Fit(gfx, current, font, width));
        return lines;
    }

    /// <summary>The text, or as much of it as fits followed by "…".</summary>
    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (PdfText.Width(gfx, text, font) <= width) return text;
        var cut = text.Length;
        while (cut > 1 && PdfText.Width(gfx, text[..cut].TrimEnd() + "…", font) > width) cut--;
        return text[..cut].TrimEnd() + "…";
    }
}
