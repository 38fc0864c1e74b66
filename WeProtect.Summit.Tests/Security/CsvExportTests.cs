using System.Globalization;
using System.Text;
using CsvHelper;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Tests.Breakouts;
using WeProtect.Summit.Tests.Signing;

using WeProtect.Summit.Web.Infrastructure;

namespace WeProtect.Summit.Tests.Security;

/// <summary>CSV (formula) injection: a name that a spreadsheet would run as a formula reaches every CSV download
/// escaped (a leading single quote), whichever export it is.</summary>
public class CsvExportTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private const string Formula = "=HYPERLINK(\"http://x\",\"y\")";
    private const string PersonFormula = "@SUM(1+1) Person";

    [Fact]
    public async Task An_imported_formula_name_is_escaped_in_every_csv_export()
    {
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var import = await organiser.GetPageAsync("/Organisations/Manage/Import");
        var csvFile = "formal_name,sort_name,sector,country,member_since\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,Civil society,GB,\n";
        var imported = await organiser.SubmitAsync(import, "form#import-form", files: new Dictionary<string, (string, byte[])>
        {
            ["Upload"] = ("members.csv", Encoding.UTF8.GetBytes(csvFile)),
        });
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var organisation = await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.FormalName == Formula));

        // A signatory, a delegate and a breakout attendee of that organisation.
        var (statement, final) = await app.OpenStatementAsync();
        await app.EndorseAsync(statement, final, organisation);
        var summit = await app.WithDbAsync(db => db.Summits.AsNoTracking().SingleAsync(s => s.Id == statement.SummitId));
        var person = await app.CreateUserAsync(fullName: PersonFormula);
        var registration = await app.RegisterAsync(person, summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        var breakout = await app.CreateBreakoutAsync(summit);
        Assert.True((await app.BookAsync(breakout.Id, person)).Succeeded);

        var exports = new[]
        {
            $"/Communiques/Signatories/{statement.Id}/csv",
            $"/Registration/Manage/Dashboard/{summit.Id}?handler=Csv",
            $"/Breakouts/Manage/Attendees/{breakout.Id}?handler=Csv",
        };
        foreach (var url in exports)
        {
            var response = await organiser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString());
            var cells = Cells(await response.Content.ReadAsStringAsync());
            Assert.Contains("'" + Formula, cells);
            Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
            if (!url.Contains("Signatories")) Assert.Contains("'" + PersonFormula, cells);

            // The .xlsx twin of each CSV follows the same rule (FormulaCells), text cell by text cell.
            var xlsxUrl = url.EndsWith("/csv", StringComparison.Ordinal) ? url[..^3] + "xlsx" : url.Replace("handler=Csv", "handler=Xlsx");
            var xlsx = await organiser.GetAsync(xlsxUrl);
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            Assert.Equal(XlsxExport.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
            var texts = XlsxCells(await xlsx.Content.ReadAsByteArrayAsync()).OfType<string>().ToList();
            Assert.Contains("'" + Formula, texts);
            Assert.DoesNotContain(texts, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
            if (!url.Contains("Signatories")) Assert.Contains("'" + PersonFormula, texts);
        }
    }

    /// <summary>Every cell of the first sheet, header row included, as MiniExcel reads it back (typed).</summary>
    public static List<object?> XlsxCells(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return MiniExcelLibs.MiniExcel.Query(stream).Cast<IDictionary<string, object?>>().SelectMany(row => row.Values).ToList();
    }

    private static List<string> Cells(string text)
    {
        using var reader = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var cells = new List<string>();
        while (reader.Read())
            for (var i = 0; reader.TryGetField<string>(i, out var cell); i++) cells.Add(cell ?? "");
        return cells;
    }
}
