using System.Globalization;
using CsvHelper;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>The venue's and the caterer's summary: approved delegates per need and per day, who they are, as a
/// printable page and as CSV.</summary>
public class NeedsSummaryTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Needs_are_counted_per_need_and_per_day_with_names_for_the_organisers()
    {
        var summit = await app.CreateOpenSummitAsync();
        Assert.Equal(summit.StartDate.AddDays(1), summit.EndDate);
        var (_, ana) = await app.ApprovedDelegateAsync(summit.Id, "Ana Vegan");
        await app.SetNeedsAsync(ana.Id, "Allergic to sesame", Need.Vegan, Need.WheelchairAccess);
        var (_, bo) = await app.ApprovedDelegateAsync(summit.Id, "Bo Halal");
        await app.SetNeedsAsync(bo.Id, null, Need.Halal, Need.Vegan);
        // Bo leaves at the end of the first day: counted on that day only.
        await app.SaveTravelAsync(bo, new TravelPlan(summit.StartDate.ToDateTime(new TimeOnly(7, 0)), null,
            summit.StartDate.ToDateTime(new TimeOnly(21, 0)), null, null));
        await app.ApprovedDelegateAsync(summit.Id, "Cy Nothing");
        var organisation = await app.CreateOrganisationAsync();
        var pending = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Pending Vegan"), summit.Id, organisation.Id);
        await app.SetNeedsAsync(pending.Id, null, Need.Vegan);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var dashboard = await organiser.GetPageAsync($"/Registration/Manage/Dashboard/{summit.Id}");
        var page = await organiser.GetPageAsync(dashboard.QuerySelector("#nav-needs")!.GetAttribute("href")!);
        string Cell(string need, string selector) => page.QuerySelector($"tr[data-need='{need}'] {selector}")!.TextContent.Trim();
        Assert.Equal("2", Cell("Vegan", ".count"));
        Assert.Equal("1", Cell("Halal", ".count"));
        Assert.Equal("1", Cell("WheelchairAccess", ".count"));
        Assert.Equal("0", Cell("Kosher", ".count"));
        var first = summit.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var second = summit.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal("2", Cell("Vegan", $"[data-day='{first}']"));
        Assert.Equal("1", Cell("Vegan", $"[data-day='{second}']"));
        Assert.Equal("0", Cell("Halal", $"[data-day='{second}']"));
        Assert.Equal("1", Cell("Vegan", "td:last-child"));  // awaiting a decision
        var people = page.QuerySelector("#needs-people")!.TextContent;
        Assert.Contains("Ana Vegan", people);
        Assert.Contains("Allergic to sesame", people);
        Assert.Contains("Bo Halal", people);
        Assert.DoesNotContain("Cy Nothing", people);
        Assert.DoesNotContain("Pending Vegan", people);
        Assert.NotNull(page.QuerySelector(".d-print-none #nav-needs"));

        var csv = await organiser.GetAsync(page.QuerySelector("#needs-csv")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        using var reader = new CsvReader(new StreamReader(await csv.Content.ReadAsStreamAsync()), CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        await reader.ReadAsync();
        reader.ReadHeader();
        while (await reader.ReadAsync()) rows.Add(reader.HeaderRecord!.ToDictionary(h => h, h => reader.GetField(h) ?? ""));
        Assert.Equal(new[] { "Ana Vegan", "Bo Halal" }, rows.Select(r => r["Name"]));
        Assert.Equal(("Wheelchair access", "Vegan", "Allergic to sesame", "present", "present"),
            (rows[0]["Access needs"], rows[0]["Dietary needs"], rows[0]["Note"], rows[0][first], rows[0][second]));
        Assert.Equal(("Vegan; Halal", "present", ""), (rows[1]["Dietary needs"], rows[1][first], rows[1][second]));

        using var user = await app.LoggedInClientAsync();
        var denied = await user.GetAsync($"/Registration/Manage/Needs/{summit.Id}/Csv");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.OriginalString);
    }
}
