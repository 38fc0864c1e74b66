using System.Data;
using MiniExcelLibs;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>The one writer behind every .xlsx download: the same rows as the CSV, with typed cells (numbers as
/// numbers, times as dates, yes/no as booleans) so that a spreadsheet sorts and sums them; every text cell goes
/// through <see cref="FormulaCells.Escape"/>, the rule the CSV follows. MiniExcel (Apache-2.0) writes the file.</summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>One sheet: the header row, then a row per entry; a value is a string, a number, a DateTime, a bool or null.
    /// Cells go by position, as in the CSV: two columns with the same heading (a question labelled "Country", one label
    /// on both forms) stay two columns. The table's column names are positions; the headings are their captions, which
    /// MiniExcel prints.</summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var table = new DataTable(sheetName);
        for (var i = 0; i < headers.Count; i++)
            table.Columns.Add(new DataColumn($"c{i}", typeof(object)) { Caption = FormulaCells.Escape(headers[i]) });
        foreach (var row in rows)
        {
            var cells = new object[headers.Count];
            for (var i = 0; i < headers.Count; i++) cells[i] = row[i] switch { null => DBNull.Value, string text => FormulaCells.Escape(text), var value => value };
            table.Rows.Add(cells);
        }
        using var buffer = new MemoryStream();
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
