namespace WeProtect.Summit.Web.Reporting;

/// <summary>One table (a heading row, then rows of text) as the three downloads the reporting pages offer: CSV and
/// xlsx (formula-like cells escaped by CsvExport and XlsxExport) and JSON (one object per row, keyed by heading).</summary>
public static class TableFiles
{
    public static FileContentResult Csv(IReadOnlyList<IReadOnlyList<string>> rows, string name) =>
        new(CsvExport.Write(rows[0], rows.Skip(1).Select(row => (IReadOnlyList<object?>)[.. row]), "yyyy-MM-dd HH:mm:ss"), CsvExport.ContentType)
        { FileDownloadName = $"{name}.csv" };

    public static FileContentResult Xlsx(IReadOnlyList<IReadOnlyList<string>> rows, string name, string sheet) =>
        new(XlsxExport.Write(sheet, rows[0], rows.Skip(1).Select(row => (IReadOnlyList<object?>)[.. row])), XlsxExport.ContentType)
        { FileDownloadName = $"{name}.xlsx" };

    public static FileContentResult Json(IReadOnlyList<IReadOnlyList<string>> rows, string name) =>
        new(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList()),
            "application/json") { FileDownloadName = $"{name}.json" };
}
