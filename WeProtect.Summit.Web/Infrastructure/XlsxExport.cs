using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>A one-sheet workbook (.xlsx) of text cells, the first row the header. Every cell is an inline string,
/// never a formula, so a value such as <c>=HYPERLINK(…)</c> is shown as the text it is.</summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(string sheetName, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            worksheet.Worksheet = new Worksheet(data);
            foreach (var values in rows)
            {
                var row = new Row();
                foreach (var value in values)
                    row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }) });
                data.Append(row);
            }
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = sheetName });
            workbook.Workbook.Save();
        }
        return buffer.ToArray();
    }

    /// <summary>The rows of the first sheet, as text (for tests and checks).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Read(Stream xlsx)
    {
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var worksheet = document.WorkbookPart!.WorksheetParts.First().Worksheet;
        return worksheet.Descendants<Row>().Select(r => (IReadOnlyList<string>)r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
    }
}
