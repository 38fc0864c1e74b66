using System.Text;
using System.Text.Json;
using PdfSharp.Pdf;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Signing;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>The communiqué PDF (unsigned; <see cref="PdfSigner"/> signs it): A4, Noto Sans embedded, "Page n of m".
/// From the top: the statement's title, the summit's name, place and dates; the statement's body as written, in reading
/// order (preamble, part headings, sections with their text, numbered or bullet commitments — titles in bold, other
/// words bold only where the text is — and lettered items with hanging labels, the closing part); then "Agreed by:"
/// with every signatory's listed name, under its sector's heading or in one list as the layout says, in the order
/// given; and a
/// closing block with the version, the content hash, the number of signatories and the publication time in UTC and
/// in the summit's zone, and the audit checkpoint (attached as <see cref="CheckpointFileName"/>). Long texts flow over as many pages as needed (<see cref="PdfFlow"/>). The fixed words (headings,
/// labels, "Page n of m") and the dates are in the content's <see cref="CommuniqueContent.Language"/>, from the shared
/// translations (<see cref="LanguageTexts"/>), whatever culture the rendering thread carries; a right-to-left language's
/// PDF has its lines, headings, labels and "Agreed by" list against the right margin (<see cref="PdfFlow.RightToLeft"/>).</summary>
public static class CommuniquePdf
{
    public const string ContentType = "application/pdf";

    /// <summary>The name of the audit checkpoint attached to the communiqué (one JSON line, as in the checkpoints file).</summary>
    public const string CheckpointFileName = "audit-checkpoint.json";

    public static byte[] Render(CommuniqueContent content)
    {
        SummitFonts.Register();
        var doc = content.Document;
        using var document = new PdfDocument();
        document.Info.Title = doc.Title;
        document.Info.Subject = $"{content.SummitName}: version {content.VersionNumber}, SHA-256 {content.ContentHash}";
        document.Info.Creator = "WeProtect Summit";
        document.Info.CreationDate = DateTime.SpecifyKind(content.PublishedUtc, DateTimeKind.Utc);

        // The fixed words and the dates in the PDF's own language, named by the content, never the thread's culture.
        var texts = new LanguageTexts(content.Language);
        // A right-to-left language's PDF (Arabic) is laid out from the right margin, as its page is with dir="rtl".
        using var flow = PdfFlow.In(texts, document, doc.Title);
        var body = PdfFlow.Font(10.5);

        flow.Paragraph(PdfInline.Plain(doc.Title), PdfFlow.Font(20, bold: true), spaceAfter: 6, tag: PdfTags.Heading(1));
        flow.Paragraph(content.SummitName, PdfFlow.Font(12, bold: true), spaceAfter: 2);
        flow.Paragraph(content.SummitWhenWhere, PdfFlow.Font(10.5), colour: PdfFlow.Muted, spaceAfter: 4);
        flow.Rule();

        StatementBody(flow, doc);

        flow.Heading(texts["Agreed by:"], PdfFlow.Font(14, bold: true), level: 2, spaceBefore: 14, spaceAfter: 6);
        if (content.Signatories.Count == 0)
            flow.Paragraph(texts["No organisation endorsed this statement."], body, colour: PdfFlow.Muted);
        var notes = Signatory.NoteNumbers(content.Signatories);
        foreach (var group in AgreedBy.Groups(content.Signatories, content.AgreedByLayout))
        {
            if (group.Heading is { } heading) flow.Heading(texts[heading], PdfFlow.Font(11.5, bold: true), level: 3, spaceBefore: 6, spaceAfter: 3);
            flow.BeginList();
            foreach (var signatory in group.Signatories)
                flow.Paragraph(notes.TryGetValue(signatory.EndorsementId, out var n) ? $"{signatory.Name} [{n.ToString(CultureInfo.InvariantCulture)}]" : signatory.Name,
                    body, indent: 12, spaceAfter: 1.5);
            flow.EndList();
        }
        if (notes.Count > 0)
        {
            flow.Heading(texts["Declarations"], PdfFlow.Font(11.5, bold: true), level: 3, spaceBefore: 8, spaceAfter: 3);
            flow.BeginList();
            foreach (var signatory in content.Signatories.Where(s => s.Declaration is not null))
            {
                // The organisation's name, then its declaration as a paragraph of its own: written in the signatory's
                // language, it takes its own direction (an Arabic declaration in an English communiqué reads from the right).
                flow.BeginItem();
                flow.Paragraph($"{signatory.Name}:", body, indent: 24,
                    label: $"[{notes[signatory.EndorsementId].ToString(CultureInfo.InvariantCulture)}]", spaceAfter: 1, keepWithNext: 1);
                flow.DirectionFromText = true;
                flow.Paragraph(signatory.Declaration!, body, indent: 24, spaceAfter: 3);
                flow.DirectionFromText = false;
                flow.EndItem();
            }
            flow.EndList();
        }
        if (Signatory.PrintedSources(content.Signatories) is { Count: > 0 } sources)
        {
            flow.Space(8);
            flow.Paragraph(texts.Format(AgreedByNotes.RecordedAsPrinted, string.Join("; ", sources)), body, colour: PdfFlow.Muted);
        }

        flow.Space(12);
        flow.Rule();
        var small = PdfFlow.Font(9);
        string When(DateTime time) => time.Said("d MMMM yyyy, HH:mm", texts.Culture);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(content.PublishedUtc, DateTimeKind.Utc), content.SummitZone);
        flow.Paragraph(texts.Format("Statement version: {0}", content.VersionNumber), small, spaceAfter: 1, colour: PdfFlow.Muted);
        if (content.IsTranslation)
        {
            var authoritative = Data.Languages.InterfaceLanguages.Get(content.AuthoritativeLanguage);
            flow.Paragraph(texts.Format("Language: {0} ({1}), a translation.", Data.Languages.InterfaceLanguages.Get(content.Language).NativeName, content.Language) + " " +
                texts[Web.Statements.StatementLanguages.AuthoritativeNoteOf(authoritative.Code)], small, spaceAfter: 1, colour: PdfFlow.Muted);
            flow.Paragraph(texts["Authoritative text hash (SHA-256 of its canonical text):"], small, spaceAfter: 1, colour: PdfFlow.Muted, keepWithNext: 1);
            flow.Paragraph(content.AuthoritativeHash!, small, spaceAfter: 1, colour: PdfFlow.Muted);
        }
        flow.Paragraph(texts[content.IsTranslation ? "Translation hash (SHA-256 of its canonical text):" : "Content hash (SHA-256 of the canonical text):"],
            small, spaceAfter: 1, colour: PdfFlow.Muted, keepWithNext: 1);
        flow.Paragraph(content.ContentHash, small, spaceAfter: 1, colour: PdfFlow.Muted);
        flow.Paragraph(texts.Format("Signatories: {0}", content.Signatories.Count), small, spaceAfter: 1, colour: PdfFlow.Muted);
        flow.Paragraph(texts.Format("Published: {0} UTC ({1} {2})", When(content.PublishedUtc), When(local), content.SummitZone.Id),
            small, spaceAfter: 1, colour: PdfFlow.Muted);
        if (content.Revision > 1)
            flow.Paragraph(content.SupersedesPublishedUtc is { } before
                    ? texts.Format("Revision {0}, after late endorsements; it supersedes revision {1} published {2} UTC", content.Revision, content.Revision - 1, When(before))
                    : texts.Format("Revision {0}, after late endorsements; it supersedes revision {1}", content.Revision, content.Revision - 1),
                small, spaceAfter: 1, colour: PdfFlow.Muted);
        if (content.Checkpoint is { } checkpoint)
        {
            // Every copy of the communiqué then witnesses the audit trail as it stood: rows rewritten or removed later no
            // longer match it (scripts/verify-audit.py --checkpoints takes the attached file as it is).
            flow.Paragraph(texts.Format("Audit trail when the list was read: {0}; hash of the last (SHA-256):", texts.Plural(checkpoint.Rows, "{0:N0} event", "{0:N0} events")), small, spaceAfter: 1,
                colour: PdfFlow.Muted, keepWithNext: 1);
            flow.Paragraph(checkpoint.HeadHash, small, spaceAfter: 1, colour: PdfFlow.Muted);
            flow.Paragraph(texts.Format("The signed checkpoint is attached to this file as {0}.", CheckpointFileName), small, spaceAfter: 1, colour: PdfFlow.Muted);
            using var attached = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(checkpoint) + "\n"));
            document.AddEmbeddedFile(CheckpointFileName, attached);
        }
        return flow.Save();
    }

    private const double Size = 10.5;

    /// <summary>The statement as written, in reading order: bullets as bullets, numbers and letters as written, bold only
    /// where the text is bold (commitment titles are bold text), headings in the heading face.</summary>
    private static void StatementBody(PdfFlow flow, StatementDocument doc)
    {
        // Sections are H3 under part headings (H2), else H2: no heading level is skipped.
        var sectionLevel = doc.Body().Any(b => b is PartHeading) ? 3 : 2;
        foreach (var block in doc.Body())
        {
            switch (block)
            {
                case PreambleBlock { Kind: PreambleBlockKind.BulletList } list:
                    flow.BeginList();
                    foreach (var bullet in list.Bullets)
                        flow.Runs(PdfInline.Runs(bullet, list.KeepLines), Size, indent: 18, label: "•", labelIndent: 6, spaceAfter: 2);
                    flow.EndList();
                    flow.Space(4);
                    break;
                case PreambleBlock { Kind: PreambleBlockKind.Numbered } numbered:
                    flow.BeginList();
                    flow.BeginItem();
                    Paragraphs(flow, numbered.Text, numbered.KeepLines, indent: 22, label: $"{numbered.Number}.", spaceAfter: 6);
                    flow.EndItem();
                    flow.EndList();
                    break;
                case PreambleBlock paragraph:
                    flow.Runs(PdfInline.Runs(paragraph.Text, paragraph.KeepLines), Size, spaceAfter: 8);
                    break;
                case PartHeading heading:
                    flow.Heading(PdfInline.Plain(heading.Text), PdfFlow.Font(14, bold: true), level: 2, spaceBefore: 12, spaceAfter: 6);
                    break;
                case StatementSection section:
                    if (section.Heading.Length > 0)
                        flow.Heading(PdfInline.Plain(section.Heading), PdfFlow.Font(13, bold: true), level: sectionLevel, spaceBefore: 10, spaceAfter: 6);
                    // Consecutive commitments are one list; section text between them ends it.
                    var inList = false;
                    foreach (var part in section.Content())
                    {
                        if (part is SectionText text)
                        {
                            if (inList) { flow.EndList(); inList = false; }
                            flow.Runs(PdfInline.Runs(text.Text), Size, spaceAfter: 6);
                        }
                        else if (part is StatementCommitment commitment)
                        {
                            if (!inList) { flow.BeginList(); inList = true; }
                            Commitment(flow, commitment);
                        }
                    }
                    if (inList) flow.EndList();
                    break;
            }
        }
    }

    /// <summary>One list item: the number or bullet its label, the title, text and lettered items (a nested list) its body.</summary>
    private static void Commitment(PdfFlow flow, StatementCommitment commitment)
    {
        var label = commitment.Bullet ? "•" : $"{commitment.Number}.";
        var labelIndent = commitment.Bullet ? 6 : 0;
        flow.BeginItem();
        if (commitment.Title.Length > 0)
        {
            flow.Runs([new PdfInline.Run(PdfInline.Plain(commitment.Title), true, false)], Size, indent: 22, label: label, labelIndent: labelIndent,
                spaceAfter: 3, keepWithNext: commitment.Items.Count > 0 || commitment.Text.Length > 0 ? 1 : 0);
            label = null;
        }
        if (commitment.Text.Length > 0) Paragraphs(flow, commitment.Text, false, indent: 22, label: label, labelIndent: labelIndent, spaceAfter: 3);
        if (commitment.Items.Count > 0)
        {
            flow.BeginList();
            foreach (var item in commitment.Items)
            {
                flow.BeginItem();
                Paragraphs(flow, item.Text, false, indent: 42, label: $"{item.Letter}.", labelIndent: 24, spaceAfter: 3);
                flow.EndItem();
            }
            flow.EndList();
        }
        flow.EndItem();
        flow.Space(5);
    }

    /// <summary>Text whose paragraphs are separated by a blank line: the label beside the first.</summary>
    private static void Paragraphs(PdfFlow flow, string text, bool keepLines, double indent, string? label, double labelIndent = 0, double spaceAfter = 3)
    {
        foreach (var paragraph in text.Split("\n\n"))
        {
            flow.Runs(PdfInline.Runs(paragraph, keepLines), Size, indent: indent, label: label, labelIndent: labelIndent, spaceAfter: spaceAfter);
            label = null;
        }
    }
}
