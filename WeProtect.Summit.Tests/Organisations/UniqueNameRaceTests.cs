using System.Data.Common;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Organisations;

public class UniqueNameRaceTests : IClassFixture<RaceAppFactory>
{
    private readonly SummitAppFactory app;
    private readonly RaceAppFactory.ColleagueInsert colleague;

    public UniqueNameRaceTests(RaceAppFactory app) : this(app, app.Colleague) { }

    /// <summary>For the PostgreSQL twin: another app with the same colleague.</summary>
    protected UniqueNameRaceTests(SummitAppFactory app, RaceAppFactory.ColleagueInsert colleague)
    {
        this.app = app;
        this.colleague = colleague;
    }

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    private Task<int> CountNamedAsync(string name) => app.WithDbAsync(db => db.Organisations.CountAsync(o => o.FormalName == name));

    private static Dictionary<string, string> Fields(string formal) => new()
    {
        ["Input.FormalName"] = formal, ["Input.SortName"] = "", ["Input.Sector"] = "Government",
        ["Input.CountryCode"] = "GB",
    };

    [Fact]
    public async Task Create_shows_a_message_when_the_unique_index_refuses_the_name()
    {
        var (client, _) = await app.LoggedInUserAsync(Roles.Organiser);
        using var _c = client;
        var name = Unique("Raced Ministry");
        var page = await client.GetPageAsync("/Organisations/Manage/Create");
        colleague.Arm(name);
        var (response, shown) = await client.SubmitAndFollowAsync(page, "form#organisation-form", Fields(name));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is already in the directory", shown.QuerySelector("[data-valmsg-for='Input.FormalName']")!.TextContent);
        Assert.Equal(1, await CountNamedAsync(name));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Summary.Contains(name))));
    }

    [Fact]
    public async Task Edit_shows_a_message_when_the_unique_index_refuses_the_name()
    {
        var (client, _) = await app.LoggedInUserAsync(Roles.Organiser);
        using var _c = client;
        var original = Unique("Original Ministry");
        var create = await client.GetPageAsync("/Organisations/Manage/Create");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(create, "form#organisation-form", Fields(original))).StatusCode);
        var id = await app.WithDbAsync(db => db.Organisations.Where(o => o.FormalName == original).Select(o => o.Id).SingleAsync());

        var name = Unique("Raced Rename");
        var edit = await client.GetPageAsync($"/Organisations/Manage/Edit/{id}");
        colleague.Arm(name);
        var (response, shown) = await client.SubmitAndFollowAsync(edit, "form#organisation-form", new Dictionary<string, string> { ["Input.FormalName"] = name });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is already in the directory", shown.QuerySelector("[data-valmsg-for='Input.FormalName']")!.TextContent);
        Assert.Equal(1, await CountNamedAsync(original));
    }

    [Fact]
    public async Task Import_imports_nothing_and_names_the_clash_when_the_unique_index_refuses_a_name()
    {
        var (client, _) = await app.LoggedInUserAsync(Roles.Organiser);
        using var _c = client;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = $"formal_name,sort_name,sector,country,member_since\nFirst {tag},,Civil society,GB,\nSecond {tag},,Civil society,GB,\n";
        var page = await client.GetPageAsync("/Organisations/Manage/Import");
        colleague.Arm($"Second {tag}");
        var (response, shown) = await client.SubmitAndFollowAsync(page, "form#import-form",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("members.csv", Encoding.UTF8.GetBytes(csv)) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"\"Second {tag}\"", shown.QuerySelector("form#import-form")!.TextContent);
        Assert.Equal(0, await CountNamedAsync($"First {tag}"));
        Assert.Equal(1, await CountNamedAsync($"Second {tag}"));
    }
}
