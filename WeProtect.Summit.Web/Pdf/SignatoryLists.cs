using System.Text.Json;
using System.Text.Json.Serialization;
using PdfSharp.Pdf;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Signing;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>The "Agreed by" list as downloads: CSV (CsvHelper), JSON (System.Text.Json) and PDF (PDFsharp, A4,
/// paginated), each in the order and layout given (<see cref="AgreedBy"/>: by sector or in one list, by sort name).
///
/// Only organisation fields are published: sector, the name it is listed under, formal name, sort name and the time
/// the organisation signed.
/// The name and position of the person who signed are not in the downloads: they identify a person, and the
/// communiqué itself lists organisations, not people.</summary>
public static class SignatoryLists
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    public static readonly string[] CsvColumns = ["Sector", "ListedName", "FormalName", "SortName", "SignedUtc", "Declaration", "RecordedFrom"];

    /// <summary>One signatory; <c>RecordedFrom</c> is where an endorsement recorded as printed was read (empty for one
    /// signed here), and its <c>SignedUtc</c> the day agreed.</summary>
    private sealed record Row(string Sector, string ListedName, string FormalName, string SortName, string SignedUtc, string Declaration, string RecordedFrom);

    private static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>UTF-8 with a byte order mark (so that spreadsheet programs read the accents), one row per signatory.</summary>
    public static byte[] Csv(AgreedByList list) =>
        Infrastructure.CsvExport.Write(csv => csv.WriteRecords(list.Signatories.Select(s => new Row(s.Sector.DisplayName(), s.Name, s.FormalName, s.SortName, Utc(s.SignedUtc), s.Declaration ?? "", s.RecordedFrom ?? ""))));

    /// <summary>The CSV's columns and rows as a spreadsheet, the time of signature a date (UTC).</summary>
    public static byte[] Xlsx(AgreedByList list) =>
        Infrastructure.XlsxExport.Write("Signatories", CsvColumns,
            list.Signatories.Select(s => new object?[] { s.Sector.DisplayName(), s.Name, s.FormalName, s.SortName, s.SignedUtc, s.Declaration ?? "", s.RecordedFrom ?? "" }));

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary><c>layout</c> is "bySector" or "alphabetical"; <c>signatories</c> are in that layout's order.</summary>
    public static byte[] Json(SignatoryListHeader header, AgreedByList list) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            statementId = header.StatementId,
            statement = header.StatementTitle,
            summit = header.SummitName,
            contentHash = header.ContentHash,
            generatedUtc = Utc(header.GeneratedUtc),
            revision = header.Revision,
            count = list.Count,
            layout = JsonNamingPolicy.CamelCase.ConvertName(list.Layout.ToString()),
            signatories = list.Signatories.Select(s => new
            {
                sector = s.Sector.DisplayName(),
                listedName = s.Name,
                formalName = s.FormalName,
                sortName = s.SortName,
                signedUtc = Utc(s.SignedUtc),
                declaration = s.Declaration,
                recordedFrom = s.RecordedFrom,
            }),
        }, JsonOptions);

    /// <summary>The list as a PDF, its words and dates in <paramref name="texts"/>' language (English unless given): the list
    /// signed at publication is in the statement's authoritative language, as the communiqué it goes with
    /// (<see cref="Jobs.CommuniqueJob"/>); the list as it stands, which an organiser downloads before publication for
    /// their own use, in the organiser's. An Arabic list is laid out right to left.</summary>
    public static byte[] Pdf(SignatoryListHeader header, AgreedByList list, LanguageTexts? texts = null)
    {
        texts ??= new LanguageTexts(null);
        SummitFonts.Register();
        using var document = new PdfDocument();
        var title = texts.Format("Signatories – {0}", header.StatementTitle);
        document.Info.Title = title;
        document.Info.Creator = "WeProtect Summit";
        using var flow = PdfFlow.In(texts, document, title);
        flow.Paragraph(header.StatementTitle, PdfFlow.Font(16, bold: true), spaceAfter: 4, tag: PdfTags.Heading(1));
        flow.Paragraph(header.SummitName, PdfFlow.Font(11, bold: true), spaceAfter: 2);
        var signatories = list.Signatories;
        var generated = DateTime.SpecifyKind(header.GeneratedUtc, DateTimeKind.Utc).Said("d MMMM yyyy, HH:mm", texts.Culture);
        flow.Paragraph(texts.Format("Signatories: {0} · list of {1} UTC", signatories.Count, generated),
            PdfFlow.Font(9), colour: PdfFlow.Muted, spaceAfter: 1);
        if (header.ContentHash is not null)
            flow.Paragraph(texts.Format("Text SHA-256: {0}", header.ContentHash), PdfFlow.Font(9), colour: PdfFlow.Muted, spaceAfter: 1);
        if (header.Revision is { } revision)
            flow.Paragraph(texts.Format("The list of revision {0} of the communiqué", revision), PdfFlow.Font(9), colour: PdfFlow.Muted, spaceAfter: 1);
        flow.Rule();
        var body = PdfFlow.Font(10);
        if (signatories.Count == 0) flow.Paragraph(texts["No organisation has endorsed this statement."], body, colour: PdfFlow.Muted);
        var number = 0;
        foreach (var group in list.Groups)
        {
            if (group.Heading is { } heading) flow.Heading(texts[heading], PdfFlow.Font(11.5, bold: true), level: 2, spaceBefore: 8, spaceAfter: 3);
            else flow.Space(6);
            flow.BeginList();
            foreach (var s in group.Signatories)
            {
                number++;
                flow.Paragraph(s.Name, body, indent: 34, label: $"{number.ToString(CultureInfo.InvariantCulture)}.", spaceAfter: 1.5);
            }
            flow.EndList();
        }
        if (Signatory.PrintedSources(signatories) is { Count: > 0 } sources)
        {
            flow.Space(6);
            flow.Paragraph(texts.Format(AgreedByNotes.RecordedAsPrinted, string.Join("; ", sources)), PdfFlow.Font(9), colour: PdfFlow.Muted);
        }
        return flow.Save();
    }
}
