using WeProtect.Summit.Data.Accounts;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>Organisers adding the same room or theme at the same moment, each typing it in a case of their own
/// ("Africa Hall", "africa hall", "AFRICA HALL"…): one is added, every other one is told the summit already has it;
/// never two rooms or themes that the desk's own check calls one name. Run on SQLite (<see cref="ProgrammeNameRaceTests"/>)
/// and PostgreSQL (<see cref="ProgrammeNameRaceOnPostgresTests"/>).</summary>
public abstract class ProgrammeNameRaceChecks(SummitAppFactory app)
{
    private static readonly string[] Spellings = ["Africa Hall", "africa hall", "AFRICA HALL", "Africa hall", "africa Hall", "AFRICA hall"];

    [Fact]
    public async Task One_room_name_typed_in_six_cases_at_once_is_added_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var answers = await AddAtOnceAsync(summit.Id, "#room-add", name => new() { ["name"] = name, ["capacity"] = "120" });
        Assert.Equal(1, await app.WithDbAsync(db => db.Rooms.CountAsync(r => r.SummitId == summit.Id)));
        AssertOneAddedOthersTold(answers, "already has a room called");
    }

    [Fact]
    public async Task One_theme_name_typed_in_six_cases_at_once_is_added_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var answers = await AddAtOnceAsync(summit.Id, "#theme-add", name => new() { ["name"] = name, ["colour"] = "#0078d4" });
        Assert.Equal(1, await app.WithDbAsync(db => db.Themes.CountAsync(t => t.SummitId == summit.Id)));
        AssertOneAddedOthersTold(answers, "already has a theme called");
    }

    private async Task<(HttpStatusCode Status, string Body)[]> AddAtOnceAsync(int summitId, string form, Func<string, Dictionary<string, string>> fields)
    {
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync($"/Breakouts/Manage/Index/{summitId}");
        var start = new TaskCompletionSource();
        var posts = Spellings.Select(name => Task.Run(async () =>
        {
            await start.Task;
            var response = await client.SubmitAsync(page, form, fields(name));
            return (response.StatusCode, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(posts);
    }

    private static void AssertOneAddedOthersTold((HttpStatusCode Status, string Body)[] answers, string told)
    {
        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Redirect), a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.Status);
            Assert.Contains(told, a.Body);
        });
    }
}
