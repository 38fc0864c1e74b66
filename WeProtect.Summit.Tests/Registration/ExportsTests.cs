using CsvHelper;
using MiniExcelLibs;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Questions;
using WeProtect.Summit.Web.Infrastructure;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>The delegates as .xlsx with typed columns, the needs summary as .xlsx with the cells of its CSV, and the
/// printable participant list by country and sector.</summary>
public class ExportsTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<Registration> ApprovedAsync(int summitId, Organisation organisation, string name, bool minister = false)
    {
        var registration = await app.RegisterAsync(await app.CreateUserAsync(fullName: name), summitId, organisation.Id, minister: minister);
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        return registration;
    }

    [Fact]
    public async Task The_delegates_download_as_xlsx_with_typed_columns()
    {
        var summit = await app.CreateOpenSummitAsync();
        var kenya = await app.CreateOrganisationAsync("Government of Kenya " + Guid.NewGuid().ToString("N")[..6], Sector.Government, "KE");
        var minister = await ApprovedAsync(summit.Id, kenya, "Minister Mwangi", minister: true);
        await ApprovedAsync(summit.Id, kenya, "Aide Otieno");
        using (var scope = app.Services.CreateScope())
            Assert.Equal(BadgeDesk.CheckInOutcome.CheckedIn,
                (await scope.ServiceProvider.GetRequiredService<BadgeDesk>().CheckInAsync(summit.Id, minister.BadgeCode, Data.Audit.AuditActor.System)).Outcome);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await organiser.GetPageAsync($"/Registration/Manage/Dashboard/{summit.Id}");
        var link = page.QuerySelector("#xlsx-approved")?.GetAttribute("href") ?? throw new Xunit.Sdk.XunitException("No .xlsx link");
        var response = await organiser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"delegates-{summit.Id}-approved.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        var mwangi = rows.Single(r => (string?)r["Name"] == "Minister Mwangi");
        Assert.Equal(true, mwangi["Minister"]);
        Assert.Equal("Kenya", mwangi["Country"]);
        var checkedIn = Assert.IsType<DateTime>(mwangi[$"Checked in ({summit.TimeZoneId})"]);
        var stored = await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == minister.Id).Select(r => r.CheckedInUtc).SingleAsync());
        Assert.Equal(summit.ToLocal(stored!.Value), checkedIn, TimeSpan.FromSeconds(1));
        var aide = rows.Single(r => (string?)r["Name"] == "Aide Otieno");
        Assert.Equal(false, aide["Minister"]);
        Assert.Null(aide[$"Checked in ({summit.TimeZoneId})"]);
    }

    [Fact]
    public async Task The_delegates_xlsx_keeps_every_column_of_the_csv_when_question_labels_repeat_a_heading()
    {
        var summit = await app.CreateOpenSummitAsync();
        // "Country" is a fixed column already; the travel form asks it again, and "Hotel" too.
        var country = await app.AddQuestionAsync(summit.Id, QuestionKind.ShortText, "Country", required: false);
        var again = await app.AddQuestionAsync(summit.Id, QuestionKind.ShortText, "Country", required: false, form: QuestionForm.Travel);
        var hotel = await app.AddQuestionAsync(summit.Id, QuestionKind.ShortText, "Hotel", required: false, form: QuestionForm.Travel);
        var kenya = await app.CreateOrganisationAsync("Government of Kenya " + Guid.NewGuid().ToString("N")[..6], Sector.Government, "KE");
        var delegate_ = await ApprovedAsync(summit.Id, kenya, "Amina Odhiambo");
        await app.WithDbAsync(async db =>
        {
            var registration = await db.Registrations.Include(r => r.Answers).SingleAsync(r => r.Id == delegate_.Id);
            var question = await db.RegistrationQuestions.SingleAsync(q => q.Id == country.Id);
            Assert.Null(registration.Answer(question, ["Country of residence: Uganda"], app.UtcNow));
            await db.SaveChangesAsync();
        });
        await app.SaveTravelAsync(delegate_, new TravelPlan(summit.StartDate.ToDateTime(new TimeOnly(7, 0)), "KQ100",
            summit.StartDate.ToDateTime(new TimeOnly(21, 0)), "KQ101", "Hotel Serena"), new Dictionary<int, IReadOnlyList<string>>
            {
                [again.Id] = ["Travelling from Tanzania"],
                [hotel.Id] = ["Booked by the embassy"],
            });
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Registration/Manage/Dashboard/{summit.Id}");

        var csv = await organiser.GetAsync(page.QuerySelector("#csv-approved")!.GetAttribute("href")!);
        var csvCells = new List<List<string>>();
        using (var reader = new CsvParser(new StreamReader(await csv.Content.ReadAsStreamAsync()), System.Globalization.CultureInfo.InvariantCulture))
            while (await reader.ReadAsync()) csvCells.Add([.. reader.Record!]);
        Assert.Equal(3, csvCells[0].Count(h => h == "Country"));
        Assert.Equal(2, csvCells[0].Count(h => h == "Hotel"));

        var xlsx = await organiser.GetAsync(page.QuerySelector("#xlsx-approved")!.GetAttribute("href")!);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        // Read by position (A, B, …), headings included: the same cells as the CSV, column for column.
        var xlsxRows = stream.Query().Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(csvCells.Count, xlsxRows.Count);
        Assert.Equal(csvCells[0].Count, xlsxRows[0].Count(c => c.Value is not null));
        for (var row = 0; row < csvCells.Count; row++)
            for (var column = 0; column < csvCells[0].Count; column++)
            {
                var cell = xlsxRows[row].TryGetValue(ColumnName(column), out var value) ? value : null;
                var text = cell switch { null => "", bool yes => yes ? "Yes" : "No", DateTime at => at.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    _ => Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture) ?? "" };
                Assert.True(csvCells[row][column] == text, $"Row {row}, column {csvCells[0][column]} ({column}): CSV \"{csvCells[row][column]}\", xlsx \"{text}\"");
            }
        Assert.Contains("Kenya", csvCells[1]);
        Assert.Contains("Country of residence: Uganda", csvCells[1]);
        Assert.Contains("Travelling from Tanzania", csvCells[1]);
        Assert.Contains("Hotel Serena", csvCells[1]);
        Assert.Contains("Booked by the embassy", csvCells[1]);
    }

    /// <summary>A spreadsheet column's letters: 0 → A, 25 → Z, 26 → AA.</summary>
    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    [Fact]
    public async Task The_participant_list_prints_countries_in_order_with_sectors_under_them()
    {
        var summit = await app.CreateOpenSummitAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var chile = await app.CreateOrganisationAsync("Government of Chile " + tag, Sector.Government, "CL");
        var chileanCharity = await app.CreateOrganisationAsync("Fundación Niñez " + tag, Sector.CivilSociety, "CL");
        var austria = await app.CreateOrganisationAsync("Republic of Austria " + tag, Sector.Government, "AT");
        var unicef = await app.CreateOrganisationAsync("UNICEF " + tag, Sector.InternationalOrganisation, country: null);
        // A charity working across borders has no country either: it is not an international organisation.
        var ecpat = await app.CreateOrganisationAsync("ECPAT International " + tag, Sector.CivilSociety, country: null);
        await ApprovedAsync(summit.Id, ecpat, "Dorothy Rossi");
        await ApprovedAsync(summit.Id, chileanCharity, "Paula Rojas");
        await ApprovedAsync(summit.Id, chile, "Ministra Orrego", minister: true);
        await ApprovedAsync(summit.Id, unicef, "Ines Weber");
        await ApprovedAsync(summit.Id, austria, "Karl Huber");
        await app.RegisterAsync(await app.CreateUserAsync(fullName: "Pending Nobody"), summit.Id, austria.Id);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await organiser.GetPageAsync($"/Registration/Manage/Dashboard/{summit.Id}");
        var response = await organiser.GetAsync(page.QuerySelector("#participants-pdf")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = string.Join(' ', BadgePdfReader.PageTexts(await response.Content.ReadAsByteArrayAsync()));

        Assert.Contains("5 participants · 2 countries represented", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "International organisations"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(text, "Civil society").Count);
        Assert.DoesNotContain("Pending Nobody", text);
        string[] inOrder = ["Austria (1)", "Governments", "Karl Huber", "Chile (2)", "Governments", "Ministra Orrego (Minister)",
            "Civil society", "Paula Rojas", "No country (international) (2)", "International organisations", "Ines Weber", "Civil society", "Dorothy Rossi"];
        var at = 0;
        foreach (var part in inOrder)
        {
            var next = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"\"{part}\" not found after position {at} in: {text}");
            at = next + part.Length;
        }
    }

    [Fact]
    public async Task The_participant_list_counts_the_countries_whose_government_came_as_the_dashboard_does()
    {
        var summit = await app.CreateOpenSummitAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var kenya = await app.CreateOrganisationAsync("Government of Kenya " + tag, Sector.Government, "KE");
        // A company from a country whose government sent nobody: the country is not represented.
        var company = await app.CreateOrganisationAsync("Tech Co " + tag, Sector.PrivateSector, "US");
        await ApprovedAsync(summit.Id, kenya, "Amina Odhiambo");
        await ApprovedAsync(summit.Id, company, "Sam Carter");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await organiser.GetPageAsync($"/Registration/Manage/Dashboard/{summit.Id}");
        Assert.StartsWith("2 delegates from 1 country,", page.QuerySelector("#attendance-headline")!.TextContent.Trim());
        var response = await organiser.GetAsync(page.QuerySelector("#participants-pdf")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var words = PdfTools.Words(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("2 participants · 1 country represented", words);
        Assert.Contains("United States (1)", words); // still listed under its country
    }

    [Fact]
    public async Task Breakout_attendees_download_as_xlsx_with_the_queue_place_as_a_number()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 1);
        var (first, _) = await app.ApprovedDelegateAsync(summit.Id, "First Booker");
        var (second, _) = await app.ApprovedDelegateAsync(summit.Id, "Second Booker");
        Assert.True((await app.BookAsync(breakout.Id, first)).Succeeded);
        Assert.True((await app.BookAsync(breakout.Id, second)).Succeeded);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await organiser.GetPageAsync($"/Breakouts/Manage/Attendees/{breakout.Id}");
        var response = await organiser.GetAsync(page.QuerySelector("#attendees-xlsx")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var waiting = rows.Single(r => (string?)r["Name"] == "Second Booker");
        Assert.Equal(1d, Convert.ToDouble(waiting["Place in queue"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsType<DateTime>(waiting[$"Asked ({summit.TimeZoneId})"]);
    }

    [Fact]
    public async Task The_needs_summary_downloads_as_xlsx_with_the_same_cells_as_its_csv()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (_, ana) = await app.ApprovedDelegateAsync(summit.Id, "Ana Vegan");
        // A note a spreadsheet would run as a formula: escaped alike in both files.
        await app.SetNeedsAsync(ana.Id, "=1+2, allergic to sesame", Need.Vegan, Need.WheelchairAccess);
        var (_, bo) = await app.ApprovedDelegateAsync(summit.Id, "Bo Halal");
        await app.SetNeedsAsync(bo.Id, null, Need.Halal);
        // Bo leaves at the end of the first day: a blank cell on the second.
        await app.SaveTravelAsync(bo, new TravelPlan(summit.StartDate.ToDateTime(new TimeOnly(7, 0)), null,
            summit.StartDate.ToDateTime(new TimeOnly(21, 0)), null, null));
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Registration/Manage/Needs/{summit.Id}");

        var csv = await organiser.GetAsync(page.QuerySelector("#needs-csv")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var csvCells = new List<List<string>>();
        using (var reader = new CsvParser(new StreamReader(await csv.Content.ReadAsStreamAsync()), System.Globalization.CultureInfo.InvariantCulture))
            while (await reader.ReadAsync()) csvCells.Add([.. reader.Record!]);

        var xlsx = await organiser.GetAsync(page.QuerySelector("#needs-xlsx")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(XlsxExport.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"needs-{summit.Id}.xlsx", xlsx.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var columns = csvCells[0].Count;
        var xlsxCells = stream.Query().Cast<IDictionary<string, object?>>()
            .Select(row => Enumerable.Range(0, columns).Select(i => row.TryGetValue(((char)('A' + i)).ToString(), out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "").ToList())
            .ToList();

        Assert.Equal(csvCells, xlsxCells);
        var first = summit.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var second = summit.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["Name", "Organisation", "Access needs", "Dietary needs", "Note", first, second], xlsxCells[0]);
        Assert.Equal(3, xlsxCells.Count);
        Assert.Equal(("Ana Vegan", "Wheelchair access", "Vegan", "'=1+2, allergic to sesame", "present", "present"),
            (xlsxCells[1][0], xlsxCells[1][2], xlsxCells[1][3], xlsxCells[1][4], xlsxCells[1][5], xlsxCells[1][6]));
        Assert.Equal(("Bo Halal", "", "Halal", "", "present", ""),
            (xlsxCells[2][0], xlsxCells[2][2], xlsxCells[2][3], xlsxCells[2][4], xlsxCells[2][5], xlsxCells[2][6]));
    }

    /// <summary>The delegate downloads say each delegate's protocol (honorific, title or position, rank in words,
    /// protocol order and the protocol line) and list a delegation in protocol order; a title a spreadsheet would run
    /// stays text in both files.</summary>
    [Fact]
    public async Task The_delegate_downloads_carry_the_protocol_columns_in_protocol_order()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (senegal, inOrder) = await app.SeededDelegationAsync(summit.Id);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Registration/Manage/Dashboard/{summit.Id}");

        var csv = await organiser.GetAsync(page.QuerySelector("#csv-approved")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var cells = new List<List<string>>();
        using (var reader = new CsvParser(new StreamReader(await csv.Content.ReadAsStreamAsync()), System.Globalization.CultureInfo.InvariantCulture))
            while (await reader.ReadAsync()) cells.Add([.. reader.Record!]);
        string[] headers =
        [
            "Name", "Position", "Organisation", "Sector", "Country", "Category", "Minister",
            "Honorific", "Title or position", "Rank", "Protocol order", "Protocol line",
            "Status", $"Checked in ({summit.TimeZoneId})", "Access needs", "Dietary needs", "Needs note", $"Arrival ({summit.TimeZoneId})",
            "Arrival flight", $"Departure ({summit.TimeZoneId})", "Departure flight", "Hotel", "Visa letter",
        ];
        Assert.Equal(headers, cells[0]);
        Assert.Equal(inOrder.Select(r => r.FullName), cells.Skip(1).Select(row => row[0]));
        Dictionary<string, string> Row(string name) => headers.Zip(cells.Single(row => row[0] == name)).ToDictionary(p => p.First, p => p.Second);

        var amina = Row("Amina Diallo");
        Assert.Equal(("H.E. Ms", "Minister of Interior", "Minister", "2", $"H.E. Ms Amina Diallo, Minister of Interior, {senegal.FormalName}", "Yes"),
            (amina["Honorific"], amina["Title or position"], amina["Rank"], amina["Protocol order"], amina["Protocol line"], amina["Minister"]));
        var awa = Row("Awa Diallo");
        Assert.Equal(("", "Director", "Ambassador", "", $"Awa Diallo, Director, {senegal.FormalName}", "No"),
            (awa["Honorific"], awa["Title or position"], awa["Rank"], awa["Protocol order"], awa["Protocol line"], awa["Minister"]));
        // No protocol detail set: the position as given, no rank, no line.
        var moussa = Row("Moussa Sarr");
        Assert.Equal(("", "Director", "", "", ""), (moussa["Honorific"], moussa["Title or position"], moussa["Rank"], moussa["Protocol order"], moussa["Protocol line"]));
        // The formula title is escaped as every other cell is.
        Assert.Equal("'=SUM(1+1) Adviser", Row("Binta Sow")["Title or position"]);
        Assert.DoesNotContain(cells.SelectMany(row => row), c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@');

        var xlsx = await organiser.GetAsync(page.QuerySelector("#xlsx-approved")!.GetAttribute("href")!);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(inOrder.Select(r => r.FullName), rows.Select(r => (string?)r["Name"]));
        var aminaCells = rows.Single(r => (string?)r["Name"] == "Amina Diallo");
        Assert.Equal(2d, Convert.ToDouble(aminaCells["Protocol order"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Minister", aminaCells["Rank"]);
        Assert.Equal("'=SUM(1+1) Adviser", rows.Single(r => (string?)r["Name"] == "Binta Sow")["Title or position"]);
    }

    /// <summary>The printable participant list prints a delegation in protocol order: the head of delegation, then
    /// the minister, then by rank and protocol order, then by name.</summary>
    [Fact]
    public async Task The_participant_list_prints_each_delegation_in_protocol_order()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (_, inOrder) = await app.SeededDelegationAsync(summit.Id);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Registration/Manage/Dashboard/{summit.Id}");
        var response = await organiser.GetAsync(page.QuerySelector("#participants-pdf")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = string.Join(' ', BadgePdfReader.PageTexts(await response.Content.ReadAsByteArrayAsync()));

        string[] entries = ["1. Moussa Sarr", "2. H.E. Ms Amina Diallo (Minister)", "3. Awa Diallo (Ambassador)", "4. Khady Fall (Senior official)",
            "5. Fatou Ndiaye (Senior official)", "6. Binta Sow"];
        Assert.Equal(inOrder.Count, entries.Length);
        var at = 0;
        foreach (var entry in entries)
        {
            var next = text.IndexOf(entry, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"\"{entry}\" not found after position {at} in: {text}");
            at = next + entry.Length;
        }
    }
}
