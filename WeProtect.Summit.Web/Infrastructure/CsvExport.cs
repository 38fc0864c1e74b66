using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>The one writer behind every CSV download (delegates, breakout attendees, signatory lists).
///
/// Spreadsheets run a cell that starts with = + - @, a tab or a carriage return as a formula: an organisation
/// imported as <c>=HYPERLINK(…)</c> must not run on the reader's machine (CSV/formula injection, OWASP). CsvHelper's
/// <see cref="InjectionOptions.Escape"/> prefixes such a cell with a single quote, which the spreadsheet shows as
/// text: the rule is <see cref="FormulaCells"/>, which the .xlsx downloads follow too. UTF-8 with a byte order mark,
/// so that spreadsheet programs read the accents.</summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = FormulaCells.Triggers,
        InjectionEscapeCharacter = FormulaCells.EscapeCharacter,
    };

    public static byte[] Write(Action<CsvWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, Configuration()))
        {
            write(csv);
        }
        return buffer.ToArray();
    }

    /// <summary>A header row and typed rows (as for <see cref="XlsxExport.Write"/>), times written with <paramref name="dateFormat"/>.</summary>
    public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string dateFormat) => Write(csv =>
    {
        foreach (var header in headers) csv.WriteField(header);
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var value in row) csv.WriteField(XlsxExport.CsvCell(value, dateFormat));
            csv.NextRecord();
        }
    });
}
