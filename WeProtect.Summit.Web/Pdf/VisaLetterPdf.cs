using PdfSharp.Pdf;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>A letter of invitation for a visa application (unsigned; <see cref="PdfSigner"/> signs it with
/// <see cref="Reason"/>): one A4 page, Noto Sans embedded. The summit, its dates and venue, the host's wording set
/// by the organisers, then the delegate's name, position, organisation, nationality, passport or ID number and its
/// expiry, and the letter's reference. The only output of the app that prints the document number unmasked.</summary>
public static class VisaLetterPdf
{
    public const string ContentType = "application/pdf";
    public const string Reason = "Letter of invitation to a WeProtect Global Alliance summit";
    public const string Title = "Letter of invitation";

    public static byte[] Render(VisaLetterContent content)
    {
        SummitFonts.Register();
        var en = CultureInfo.GetCultureInfo("en-GB");
        using var document = new PdfDocument();
        document.Info.Title = $"{Title} – {content.SummitName}";
        document.Info.Creator = "WeProtect Summit";
        document.Info.CreationDate = content.IssuedUtc;

        using var flow = new PdfFlow(document, $"{Title} {Reference(content.LetterId)}");
        var body = PdfFlow.Font(11);
        var bold = PdfFlow.Font(11, bold: true);
        flow.Paragraph(content.IssuedUtc.ToString("d MMMM yyyy", en), body, spaceAfter: 10, colour: PdfFlow.Muted);
        flow.Heading(Title, PdfFlow.Font(20, bold: true), level: 1, spaceBefore: 0, spaceAfter: 6);
        flow.Paragraph(content.SummitName, PdfFlow.Font(13, bold: true), spaceAfter: 2);
        flow.Paragraph(content.SummitWhenWhere, body, spaceAfter: 2, colour: PdfFlow.Muted);
        if (!string.IsNullOrWhiteSpace(content.Venue)) flow.Paragraph($"Venue: {content.Venue}", body, spaceAfter: 2, colour: PdfFlow.Muted);
        flow.Rule();
        flow.Paragraph("To whom it may concern,", body, spaceAfter: 8);
        // A blank line starts a paragraph; a single line break is a space, as in the statement texts.
        foreach (var paragraph in System.Text.RegularExpressions.Regex.Split(content.HostWording.Replace("\r", ""), @"\n\s*\n"))
            if (paragraph.Trim() is { Length: > 0 } text) flow.Paragraph(string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries)), body, spaceAfter: 8);

        const double labels = 150;
        flow.Space(4);
        // The delegate's details are a list of labelled items (each label its Lbl, the value its LBody), the tagged-PDF
        // form of a list of terms and their values, so that a screen reader reads "Name" with the name.
        flow.BeginList();
        Row(flow, "Name", content.FullName, bold, body, labels);
        Row(flow, "Position", content.Position, body, body, labels);
        Row(flow, "Organisation", content.OrganisationName, body, body, labels);
        Row(flow, "Nationality", content.Nationality, body, body, labels);
        Row(flow, "Passport or ID number", content.DocumentNumber, bold, body, labels);
        Row(flow, "Valid until", content.DocumentExpiry.ToString("d MMMM yyyy", en), body, body, labels);
        flow.EndList();
        flow.Space(10);
        flow.Paragraph("The secretariat of the summit confirms that this person is an accredited delegate. This letter is signed digitally; " +
            "its authenticity can be checked by uploading the PDF on the summit website's \"Verify a document\" page.", PdfFlow.Font(9.5),
            colour: PdfFlow.Muted, spaceAfter: 2);
        flow.Paragraph($"Reference: {Reference(content.LetterId)}", PdfFlow.Font(9.5), colour: PdfFlow.Muted);
        return flow.Save();
    }

    /// <summary>"VL-000042": the letter's id, as quoted to the secretariat.</summary>
    public static string Reference(int letterId) => "VL-" + letterId.ToString("D6", CultureInfo.InvariantCulture);

    private static void Row(PdfFlow flow, string label, string value, PdfSharp.Drawing.XFont valueFont, PdfSharp.Drawing.XFont labelFont, double indent) =>
        flow.Paragraph(value, valueFont, indent: indent, label: label, labelFont: labelFont, spaceAfter: 3);
}
