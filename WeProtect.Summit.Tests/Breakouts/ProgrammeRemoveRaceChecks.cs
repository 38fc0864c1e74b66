using WeProtect.Summit.Data.Accounts;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>A room or a theme removed by several requests at once (a double click, two organisers on the same page):
/// removed once with one audit event; every other request answered with a page, never a server error. Run on SQLite
/// (<see cref="ProgrammeRemoveRaceTests"/>) and PostgreSQL (<see cref="ProgrammeRemoveRaceOnPostgresTests"/>).</summary>
public abstract class ProgrammeRemoveRaceChecks(SummitAppFactory app)
{
    private const int Posts = 8;

    [Fact]
    public async Task A_theme_removed_eight_times_at_once_is_removed_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var theme = await app.CreateThemeAsync(summit.Id, "Technology");
        await app.DecorateAsync((await app.CreateBreakoutAsync(summit, title: "Themed")).Id, themeId: theme.Id);

        var answers = await RemoveAtOnceAsync(summit.Id, $"#theme-remove-{theme.Id}");

        Assert.False(await app.WithDbAsync(db => db.Themes.AnyAsync(t => t.Id == theme.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "theme.removed" && a.SubjectId == theme.Id.ToString())));
        Assert.False(await app.WithDbAsync(db => db.Breakouts.AnyAsync(b => b.ThemeId == theme.Id)));
        AssertOneRemovedTheRestAnswered(answers);
    }

    [Fact]
    public async Task A_room_removed_eight_times_at_once_is_removed_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var room = await app.CreateRoomAsync(summit.Id, "Spare room", 20);

        var answers = await RemoveAtOnceAsync(summit.Id, $"#room-remove-{room.Id}");

        Assert.False(await app.WithDbAsync(db => db.Rooms.AnyAsync(r => r.Id == room.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "room.removed" && a.SubjectId == room.Id.ToString())));
        AssertOneRemovedTheRestAnswered(answers);
    }

    /// <summary>The organiser's page loaded once, its remove form posted <see cref="Posts"/> times at once.</summary>
    private async Task<List<(HttpStatusCode Status, string Body)>> RemoveAtOnceAsync(int summitId, string form)
    {
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync($"/Breakouts/Manage/Index/{summitId}");
        var start = new TaskCompletionSource();
        var posts = Enumerable.Range(0, Posts).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            var response = await client.SubmitAsync(page, form);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        })).ToList();
        start.SetResult();
        return [.. await Task.WhenAll(posts)];
    }

    /// <summary>One request removed it (and went back to the programme); each other one either found it already gone
    /// (404, as a second click after the first has finished) or was told someone else changed it.</summary>
    private static void AssertOneRemovedTheRestAnswered(List<(HttpStatusCode Status, string Body)> answers)
    {
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Redirect or HttpStatusCode.OK or HttpStatusCode.NotFound,
            $"{(int)a.Status}: {a.Body[..Math.Min(a.Body.Length, 300)]}"));
        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.OK), a => Assert.Contains("Someone else changed", a.Body));
    }
}
