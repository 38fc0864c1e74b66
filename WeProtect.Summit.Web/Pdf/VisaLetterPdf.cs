using PdfSharp.Pdf;
using WeProtect.Summit.Web.Jobs;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>A letter of invitation for a visa application (unsigned; <see cref="PdfSigner"/> signs it with
/// <see cref="Reason"/>): one A4 page, Noto Sans embedded. The summit, its dates and venue, the host's wording set
/// by the organisers, then the delegate's name, position, organisation, nationality, passport or ID number and its
/// expiry, and the letter's reference. The only output of the app that prints the document number unmasked. Its words
/// and dates are in the content's <see cref="VisaLetterContent.Language"/> (see <see cref="VisaLetterJob"/> for whose);
/// an Arabic letter is laid out right to left.</summary>
public static class VisaLetterPdf
{
    public const string ContentType = "application/pdf";
    public const string Reason = "Letter of invitation to a WeProtect Global Alliance summit";
    public const string Title = "Letter of invitation";

    public static byte[] Render(VisaLetterContent content)
    {
        SummitFonts.Register();
        var texts = new LanguageTexts(content.Language);
        var title = texts[Title];
        using var document = new PdfDocument();
        document.Info.Title = $"{title} – {content.SummitName}";
        document.Info.Creator = "WeProtect Summit";
        document.Info.CreationDate = content.IssuedUtc;

        using var flow = PdfFlow.In(texts, document, $"{title} {Reference(content.LetterId)}");
        var body = PdfFlow.Font(11);
        var bold = PdfFlow.Font(11, bold: true);
        flow.Paragraph(content.IssuedLocal.Said("d MMMM yyyy", texts.Culture), body, spaceAfter: 10, colour: PdfFlow.Muted);
        flow.Heading(title, PdfFlow.Font(20, bold: true), level: 1, spaceBefore: 0, spaceAfter: 6);
        flow.Paragraph(content.SummitName, PdfFlow.Font(13, bold: true), spaceAfter: 2);
        flow.Paragraph(content.SummitWhenWhere, body, spaceAfter: 2, colour: PdfFlow.Muted);
        if (!string.IsNullOrWhiteSpace(content.Venue)) flow.Paragraph(texts.Format("Venue: {0}", content.Venue), body, spaceAfter: 2, colour: PdfFlow.Muted);
        flow.Rule();
        flow.Paragraph(texts["To whom it may concern,"], body, spaceAfter: 8);
        // The organisers' own wording as they wrote it; the app's default wording in the letter's language. A blank line
        // starts a paragraph; a single line break is a space, as in the statement texts.
        var wording = content.HostWording == Data.Accreditations.VisaLetterSettings.DefaultWording ? texts[content.HostWording] : content.HostWording;
        foreach (var paragraph in System.Text.RegularExpressions.Regex.Split(wording.Replace("\r", ""), @"\n\s*\n"))
            if (paragraph.Trim() is { Length: > 0 } text) flow.Paragraph(string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries)), body, spaceAfter: 8);

        string[] names = [texts["Name"], texts["Position"], texts["Organisation"], texts["Nationality"], texts["Passport or ID number"], texts["Valid until"]];
        // The values start after the widest label (in French, "Numéro de passeport…" is wider than the English).
        var labels = Math.Min(Math.Max(150, names.Max(n => flow.Width(n, body)) + 12), flow.ContentWidth * 0.6);
        flow.Space(4);
        // The delegate's details are a list of labelled items (each label its Lbl, the value its LBody), the tagged-PDF
        // form of a list of terms and their values, so that a screen reader reads "Name" with the name.
        flow.BeginList();
        Row(flow, names[0], content.FullName, bold, body, labels);
        Row(flow, names[1], content.Position, body, body, labels);
        Row(flow, names[2], content.OrganisationName, body, body, labels);
        Row(flow, names[3], content.Nationality, body, body, labels);
        Row(flow, names[4], content.DocumentNumber, bold, body, labels);
        Row(flow, names[5], content.DocumentExpiry.Said("d MMMM yyyy", texts.Culture), body, body, labels);
        flow.EndList();
        flow.Space(10);
        flow.Paragraph(texts["The secretariat of the summit confirms that this person is an accredited delegate. This letter is signed digitally; " +
            "its authenticity can be checked by uploading the PDF on the summit website's \"Verify a document\" page."], PdfFlow.Font(9.5),
            colour: PdfFlow.Muted, spaceAfter: 2);
        flow.Paragraph(texts.Format("Reference: {0}", Reference(content.LetterId)), PdfFlow.Font(9.5), colour: PdfFlow.Muted);
        return flow.Save();
    }

    /// <summary>"VL-000042": the letter's id, as quoted to the secretariat.</summary>
    public static string Reference(int letterId) => "VL-" + letterId.ToString("D6", CultureInfo.InvariantCulture);

    private static void Row(PdfFlow flow, string label, string value, PdfSharp.Drawing.XFont valueFont, PdfSharp.Drawing.XFont labelFont, double indent) =>
        flow.Paragraph(value, valueFont, indent: indent, label: label, labelFont: labelFont, spaceAfter: 3);
}
