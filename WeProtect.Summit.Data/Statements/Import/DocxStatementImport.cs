using DocumentFormat.OpenXml.Packaging;

namespace WeProtect.Summit.Data.Statements.Import;

/// <summary>Turns a Word file (.docx) into a draft text in the statement grammar (docs/statement-format.md), with
/// a report of what was converted and what was dropped. Title style or the first Heading 1 becomes <c># Title</c>,
/// further headings <c>## Heading</c> (the drafter adds the audience), Word's automatic numbering <c>1.</c>,
/// <c>a.</c> and <c>-</c> as Word displays it, bold and italic <c>**…**</c> and <c>*…*</c>, web links
/// <c>[text](url)</c>; tracked changes are accepted; tables, images, text boxes, comments, notes and field codes are
/// left out and counted. Nothing is saved here. Any bytes at all give a result: a file that cannot be read safely is
/// refused with a message, never an exception.</summary>
public static class DocxStatementImport
{
    public const int MaxFileBytes = 10 * 1024 * 1024;
    public const string MaxFileSizeText = "10 MB";
    /// <summary>What the zip may unpack to, in all, and how many entries it may hold: a real statement is far
    /// below.</summary>
    public const long MaxUnpackedBytes = 50L * 1024 * 1024;
    public const int MaxEntries = 2000;

    public const string EmptyMessage = "The file is empty.";
    public const string TooLargeMessage = "The file is larger than " + MaxFileSizeText
        + ". A statement's Word file is far smaller: remove images and save it again.";
    public const string NotDocxMessage =
        "The file is not a Word document (.docx). In Word choose \"Save as\" and \"Word Document (*.docx)\".";
    public const string ProtectedMessage = "The file is password-protected or an old Word 97–2003 document (.doc). "
        + "Remove the password (File, Info, Protect Document) and save it as a Word Document (*.docx).";
    public const string BombMessage =
        "The file unpacks to far more than a Word document would (over 50 MB or too many parts); it was not read.";
    public const string DamagedMessage = "The Word file is damaged: its text cannot be read. "
        + "Open it in Word, save it again as a Word Document (*.docx), and upload that.";
    public const string TextTooLargeMessage = "The document's text is larger than 1 MB, the limit for a statement.";

    public static DocxImportResult Convert(byte[]? content)
    {
        try
        {
            var (package, refusal) = DocxPackageGuard.Unpack(content ?? []);
            if (package is null) return DocxImportResult.Refused(refusal!);
            using (package)
            using (var document = WordprocessingDocument.Open(package, false,
                       new OpenSettings { MaxCharactersInPart = MaxUnpackedBytes }))
            {
                if (document.MainDocumentPart is not { } main) return DocxImportResult.Refused(NotDocxMessage);
                return new DocxStatementWriter(main).Write();
            }
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            // Malformed XML, a package OpenXml refuses, a zip entry that cannot be inflated: all the same to a user.
            return DocxImportResult.Refused(DamagedMessage);
        }
    }
}
