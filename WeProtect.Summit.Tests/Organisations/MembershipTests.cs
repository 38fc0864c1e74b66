using System.Globalization;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Organisations;

/// <summary>The membership register: organisers record joinings and departures through the page; the public figures
/// for any date equal a count made here from the rows; bad dates and double joinings are answered in the page.</summary>
public class MembershipTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Status(IHtmlDocument page) => page.QuerySelector("[role=status]")?.TextContent.Trim() ?? "";
    private static string Errors(IHtmlDocument page) => page.QuerySelector(".alert-danger")?.TextContent ?? "";

    private static async Task<IHtmlDocument> JoinAsync(FormClient organiser, int organisationId, string day)
    {
        var (_, page) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Organisations/Manage/Membership/{organisationId}"), "form#join-form",
            new Dictionary<string, string> { ["Join.JoinedOn"] = day });
        return page;
    }

    private static async Task<IHtmlDocument> LeaveAsync(FormClient organiser, int organisationId, string day, string reason)
    {
        var (_, page) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Organisations/Manage/Membership/{organisationId}"), "form#leave-form",
            new Dictionary<string, string> { ["Leave.LeftOn"] = day, ["Leave.Reason"] = reason });
        return page;
    }

    [Fact]
    public async Task The_figures_for_a_date_count_the_members_of_that_day_by_sector_and_equal_the_register()
    {
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var early = await app.OrganisationAsync(Sector.Government);
        var leaver = await app.OrganisationAsync(Sector.Government);
        var company = await app.OrganisationAsync(Sector.PrivateSector);
        var rejoiner = await app.OrganisationAsync(Sector.CivilSociety);
        Assert.Contains("is a member from 10 December 2014", Status(await JoinAsync(organiser, early.Id, "2014-12-10")));
        await JoinAsync(organiser, leaver.Id, "2015-11-16");
        await JoinAsync(organiser, company.Id, "2019-12-11");
        await JoinAsync(organiser, rejoiner.Id, "2016-01-01");
        Assert.Contains("left the Alliance on 1 March 2018", Status(await LeaveAsync(organiser, rejoiner.Id, "2018-03-01", "Letter of 12 February 2018")));
        await JoinAsync(organiser, rejoiner.Id, "2021-06-30");
        Assert.Contains("left the Alliance on 1 February 2020", Status(await LeaveAsync(organiser, leaver.Id, "2020-02-01", "Withdrew")));

        var history = await organiser.GetPageAsync($"/Organisations/Manage/Membership/{rejoiner.Id}");
        Assert.Equal(2, history.QuerySelectorAll("#periods tbody tr").Length);
        Assert.Contains("Letter of 12 February 2018", history.QuerySelector("#periods")!.TextContent);
        Assert.Equal(["membership.joined", "membership.left"],
            await app.AuditActionsAsync(nameof(Membership), (await app.WithDbAsync(db => db.Memberships.AsNoTracking().FirstAsync(m => m.OrganisationId == rejoiner.Id))).Id));
        // The directory reads the register: no longer a member, and a member again since 2021.
        var directory = await app.CreateFormClient().GetPageAsync("/Organisations?after-the-register");
        string Since(Organisation o) => directory.QuerySelectorAll("#directory-table tbody tr").Single(r => r.TextContent.Contains(o.FormalName))
            .QuerySelectorAll("td")[3].TextContent.Trim();
        Assert.Equal("—", Since(leaver));
        Assert.Equal("2021", Since(rejoiner));

        var anonymous = app.CreateFormClient();
        var rows = await app.WithDbAsync(db => db.Memberships.AsNoTracking().ToListAsync());
        var sectors = await app.WithDbAsync(db => db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Sector));
        var expectations = new (string Day, int[] Members)[]
        {
            ("2015-01-01", [early.Id]),
            ("2018-02-28", [early.Id, leaver.Id, rejoiner.Id]),
            ("2018-03-01", [early.Id, leaver.Id]),          // the day it leaves it is no longer a member
            ("2020-01-31", [early.Id, leaver.Id, company.Id]),
            ("2020-02-01", [early.Id, company.Id]),
            ("2022-01-01", [early.Id, company.Id, rejoiner.Id]),
        };
        foreach (var (day, members) in expectations)
        {
            var page = await anonymous.GetPageAsync($"/Organisations/Members?on={day}");
            var listed = page.QuerySelectorAll("li[data-id]").Select(li => int.Parse(li.GetAttribute("data-id")!)).Order().ToArray();
            Assert.Equal(members.Order().ToArray(), listed);
            var date = DateOnly.Parse(day, CultureInfo.InvariantCulture);
            foreach (var sector in Enum.GetValues<Sector>())
            {
                var counted = rows.Count(m => m.Covers(date) && sectors[m.OrganisationId] == sector);
                Assert.Equal(counted.ToString(), page.QuerySelector($"#sector-{sector} td")!.TextContent);
            }
        }
        var february2020 = await anonymous.GetPageAsync("/Organisations/Members?on=2020-02-01");
        Assert.Equal("As of 1 February 2020: 2 members — 1 government and 1 private sector.", february2020.QuerySelector("#figures")!.TextContent.Trim());
    }

    [Fact]
    public async Task Impossible_dates_and_double_joinings_are_answered_in_the_page_and_nothing_is_recorded()
    {
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var organisation = await app.OrganisationAsync(Sector.InternationalOrganisation);
        var future = DateOnly.FromDateTime(app.UtcNow).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains("in the future", Errors(await JoinAsync(organiser, organisation.Id, future)));
        Assert.Contains("starts in 2014", Errors(await JoinAsync(organiser, organisation.Id, "2013-05-01")));
        Assert.Contains("Give the day it joined", Errors(await JoinAsync(organiser, organisation.Id, "")));
        Assert.Empty(await app.WithDbAsync(db => db.Memberships.AsNoTracking().Where(m => m.OrganisationId == organisation.Id).ToListAsync()));

        var joinPage = await organiser.GetPageAsync($"/Organisations/Manage/Membership/{organisation.Id}");
        Assert.Contains("is a member from", Status(await JoinAsync(organiser, organisation.Id, "2017-04-04")));
        // A second organiser's form, read before the joining was recorded.
        var twice = await FormClient.ParseAsync(await organiser.SubmitAsync(joinPage, "form#join-form", new Dictionary<string, string> { ["Join.JoinedOn"] = "2017-04-05" }));
        Assert.Contains("already a member", Errors(twice));
        Assert.Contains("must come after the day it joined", Errors(await LeaveAsync(organiser, organisation.Id, "2017-04-04", "Typo")));
        Assert.Contains("Give the reason", Errors(await LeaveAsync(organiser, organisation.Id, "2018-04-04", " ")));
        await LeaveAsync(organiser, organisation.Id, "2019-01-01", "Mandate ended");
        Assert.Contains("was a member until 1 January 2019", Errors(await JoinAsync(organiser, organisation.Id, "2018-06-01")));
        Assert.Single(await app.WithDbAsync(db => db.Memberships.AsNoTracking().Where(m => m.OrganisationId == organisation.Id).ToListAsync()));

        var bad = await app.CreateFormClient().GetPageAsync("/Organisations/Members?on=first-of-may");
        Assert.Contains("year-month-day", bad.QuerySelector("#on-problem")!.TextContent);
    }
}
