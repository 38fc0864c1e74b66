using System.Globalization;
using PdfSharp.Pdf;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>Everything a communiqué prints, as plain values: the job builds it from the database, the benchmark and
/// the tests build it by hand. <paramref name="Signatories"/> are already in "Agreed by" order for
/// <paramref name="AgreedByLayout"/> (<see cref="AgreedBy.Order"/>).</summary>
public sealed record CommuniqueContent(
    string SummitName,
    string SummitWhenWhere,
    StatementDocument Document,
    int VersionNumber,
    string ContentHash,
    IReadOnlyList<Signatory> Signatories,
    DateTime PublishedUtc,
    TimeZoneInfo SummitZone,
    AgreedByLayout AgreedByLayout = AgreedByLayout.BySector);

/// <summary>The communiqué PDF (unsigned; <see cref="PdfSigner"/> signs it): A4, Noto Sans embedded, "Page n of m".
/// From the top: the statement's title, the summit's name, place and dates; the preamble; each section with its
/// heading, its numbered commitments (number and title in bold) and their lettered items (a., b., …) with hanging
/// labels; then "Agreed by:" with every signatory's listed name, under its sector's heading or in one list as the layout
/// says, in the order given; and a
/// closing block with the version, the content hash, the number of signatories and the publication time in UTC and
/// in the summit's zone. Long texts flow over as many pages as needed (<see cref="PdfFlow"/>).</summary>
public static class CommuniquePdf
{
    public const string ContentType = "application/pdf";

    public static byte[] Render(CommuniqueContent content)
    {
        SummitFonts.Register();
        var doc = content.Document;
        using var document = new PdfDocument();
        document.Info.Title = doc.Title;
        document.Info.Subject = $"{content.SummitName}: version {content.VersionNumber}, SHA-256 {content.ContentHash}";
        document.Info.Creator = "WeProtect Summit";
        document.Info.CreationDate = DateTime.SpecifyKind(content.PublishedUtc, DateTimeKind.Utc);

        using var flow = new PdfFlow(document, doc.Title);
        var body = PdfFlow.Font(10.5);
        var bold = PdfFlow.Font(10.5, bold: true);

        flow.Paragraph(doc.Title, PdfFlow.Font(20, bold: true), spaceAfter: 6);
        flow.Paragraph(content.SummitName, PdfFlow.Font(12, bold: true), spaceAfter: 2);
        flow.Paragraph(content.SummitWhenWhere, PdfFlow.Font(10.5), colour: PdfFlow.Muted, spaceAfter: 4);
        flow.Rule();

        foreach (var block in doc.Preamble)
        {
            if (block.Kind == PreambleBlockKind.BulletList)
            {
                foreach (var bullet in block.Bullets) flow.Paragraph(bullet, body, indent: 18, label: "•", labelIndent: 6, spaceAfter: 2);
                flow.Space(4);
            }
            else flow.Paragraph(block.Text, body, spaceAfter: 8);
        }

        foreach (var section in doc.Sections)
        {
            flow.Heading(section.Heading, PdfFlow.Font(13, bold: true), spaceBefore: 10, spaceAfter: 6);
            foreach (var commitment in section.Commitments)
            {
                flow.Paragraph(commitment.Title, bold, indent: 22, label: $"{commitment.Number}.", labelFont: bold, spaceAfter: 3,
                    keepWithNext: commitment.Items.Count > 0 ? 1 : 0);
                foreach (var item in commitment.Items)
                    flow.Paragraph(item.Text, body, indent: 42, label: $"{item.Letter}.", labelIndent: 24, spaceAfter: 3);
                flow.Space(5);
            }
        }

        flow.Heading("Agreed by:", PdfFlow.Font(14, bold: true), spaceBefore: 14, spaceAfter: 6);
        if (content.Signatories.Count == 0)
            flow.Paragraph("No organisation endorsed this statement.", body, colour: PdfFlow.Muted);
        foreach (var group in AgreedBy.Groups(content.Signatories, content.AgreedByLayout))
        {
            if (group.Heading is { } heading) flow.Heading(heading, PdfFlow.Font(11.5, bold: true), spaceBefore: 6, spaceAfter: 3);
            foreach (var signatory in group.Signatories) flow.Paragraph(signatory.Name, body, indent: 12, spaceAfter: 1.5);
        }

        flow.Space(12);
        flow.Rule();
        var small = PdfFlow.Font(9);
        var en = CultureInfo.GetCultureInfo("en-GB");
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(content.PublishedUtc, DateTimeKind.Utc), content.SummitZone);
        flow.Paragraph($"Statement version: {content.VersionNumber}", small, spaceAfter: 1, colour: PdfFlow.Muted);
        flow.Paragraph("Content hash (SHA-256 of the canonical text):", small, spaceAfter: 1, colour: PdfFlow.Muted, keepWithNext: 1);
        flow.Paragraph(content.ContentHash, small, spaceAfter: 1, colour: PdfFlow.Muted);
        flow.Paragraph($"Signatories: {content.Signatories.Count.ToString(CultureInfo.InvariantCulture)}", small, spaceAfter: 1, colour: PdfFlow.Muted);
        flow.Paragraph($"Published: {content.PublishedUtc.ToString("d MMMM yyyy, HH:mm", en)} UTC " +
            $"({local.ToString("d MMMM yyyy, HH:mm", en)} {content.SummitZone.Id})", small, spaceAfter: 1, colour: PdfFlow.Muted);
        flow.Finish();

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
