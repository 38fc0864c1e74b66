using System.Globalization;
using System.Text;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Organisations;

/// <summary>The membership register is the one record of membership: an organisation that enters as a member by the
/// directory import is counted by the directory and by the members' page alike, and its departure leaves both. A
/// database of its own: the pages' totals are compared whole.</summary>
public class MemberCountTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Status(IHtmlDocument page) => page.QuerySelector("[role=status]")?.TextContent.Trim() ?? "";

    /// <summary>Today's members per sector on the directory and on the members' page, and the directory's row of one organisation.</summary>
    private async Task<(Dictionary<Sector, int> Directory, Dictionary<Sector, int> Register, string Since, bool Listed)> BothPagesAsync(string formalName, int organisationId)
    {
        var anonymous = app.CreateFormClient();
        var directory = await anonymous.GetPageAsync("/Organisations");
        var members = await anonymous.GetPageAsync("/Organisations/Members");
        var row = directory.QuerySelectorAll("#directory-table tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == formalName);
        return (Enum.GetValues<Sector>().ToDictionary(s => s, s => int.Parse(directory.QuerySelector($"[data-sector={s}] .figure-number")!.TextContent, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)),
            Enum.GetValues<Sector>().ToDictionary(s => s, s => int.Parse(members.QuerySelector($"#sector-{s} td")!.TextContent, CultureInfo.InvariantCulture)),
            row.QuerySelectorAll("td")[3].TextContent.Trim(), members.QuerySelector($"li[data-id='{organisationId}']") is not null);
    }

    [Fact]
    public async Task An_organisation_imported_with_member_since_is_counted_as_a_member_by_the_directory_and_the_members_page_alike_until_it_leaves()
    {
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        // Beside it: a government added by the form as a member, and an organisation that is none.
        foreach (var (formal, sector, country, joinedOn) in new[] { ("Ministry of Counting", "Government", "GB", "2020-06-01"), ("Not A Member", "CivilSociety", "GB", "") })
        {
            var created = await organiser.SubmitAsync(await organiser.GetPageAsync("/Organisations/Manage/Create"), "form#organisation-form", new Dictionary<string, string>
            {
                ["Input.FormalName"] = formal, ["Input.Sector"] = sector, ["Input.CountryCode"] = country, ["Input.JoinedOn"] = joinedOn,
            });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }
        var name = $"Imported Company {Guid.NewGuid():N}"[..30];
        var csv = "formal_name,sort_name,sector,country,member_since\n" + $"{name},,Private sector,US,2016\n";
        var import = await organiser.GetPageAsync("/Organisations/Manage/Import");
        Assert.Contains("1 January of that year", import.QuerySelector("main")!.TextContent);
        var response = await organiser.SubmitAsync(import, "form#import-form",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("members.csv", Encoding.UTF8.GetBytes(csv)) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var organisation = await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.FormalName == name));

        var joined = await BothPagesAsync(name, organisation.Id);
        var expected = Enum.GetValues<Sector>().ToDictionary(s => s, s => s is Sector.Government or Sector.PrivateSector ? 1 : 0);
        Assert.Equal(expected, joined.Directory);
        Assert.Equal(expected, joined.Register);
        Assert.Equal(("2016", true), (joined.Since, joined.Listed));
        Assert.Equal(new DateOnly(2016, 1, 1), (await app.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.OrganisationId == organisation.Id))).JoinedOn);

        var today = DateOnly.FromDateTime(app.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains("left the Alliance", Status((await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Organisations/Manage/Membership/{organisation.Id}"), "form#leave-form",
            new Dictionary<string, string> { ["Leave.LeftOn"] = today, ["Leave.Reason"] = "Letter of withdrawal" })).Page));
        var left = await BothPagesAsync(name, organisation.Id);
        expected[Sector.PrivateSector] = 0;
        Assert.Equal(expected, left.Directory);
        Assert.Equal(expected, left.Register);
        Assert.Equal(("—", false), (left.Since, left.Listed));
        var period = await app.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.OrganisationId == organisation.Id));
        Assert.Equal(["membership.joined", "membership.left"], await app.AuditActionsAsync(nameof(Membership), period.Id));
    }
}
