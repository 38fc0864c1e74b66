using MiniExcelLibs;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>The one writer behind every .xlsx download: the same rows as the CSV, with typed cells (numbers as
/// numbers, times as dates, yes/no as booleans) so that a spreadsheet sorts and sums them; every text cell goes
/// through <see cref="FormulaCells.Escape"/>, the rule the CSV follows. MiniExcel (Apache-2.0) writes the file.</summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>One sheet: the header row, then a row per entry; a value is a string, a number, a DateTime, a bool or null.</summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var table = rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(headers.Count);
            for (var i = 0; i < headers.Count; i++) cells[headers[i]] = row[i] is string text ? FormulaCells.Escape(text) : row[i];
            return cells;
        }).ToList();
        using var buffer = new MemoryStream();
        if (table.Count == 0)
        {
            // MiniExcel takes its header from the first row: an empty list still gets its header row.
            buffer.SaveAs(new[] { headers.ToDictionary(h => FormulaCells.Escape(h), _ => (object?)null) }, printHeader: true, sheetName: sheetName);
            return buffer.ToArray();
        }
        buffer.SaveAs(table, printHeader: true, sheetName: sheetName);
        return buffer.ToArray();
    }

    /// <summary>The CSV cell of a typed value, as the existing CSVs write them.</summary>
    public static string CsvCell(object? value, string dateFormat) => value switch
    {
        null => "",
        DateTime at => at.ToString(dateFormat, CultureInfo.InvariantCulture),
        bool yes => yes ? "Yes" : "No",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
