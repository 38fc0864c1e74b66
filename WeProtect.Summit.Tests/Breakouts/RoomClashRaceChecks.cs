using System.Globalization;
using WeProtect.Summit.Data.Accounts;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>Eight breakouts put into one room for the same hour at the same moment (organisers building the programme
/// side by side): one is saved, every other one is refused beside its room field, never a room given twice. Run on
/// SQLite (<see cref="RoomClashRaceTests"/>) and PostgreSQL (<see cref="RoomClashRaceOnPostgresTests"/>).</summary>
public abstract class RoomClashRaceChecks(SummitAppFactory app)
{
    [Fact]
    public async Task Eight_breakouts_saved_into_one_room_for_one_hour_at_once_get_it_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var room = await app.CreateRoomAsync(summit.Id, "Plenary hall", 400);
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var form = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}");
        var date = summit.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var start = new TaskCompletionSource();
        var posts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var response = await client.SubmitAsync(form, "#breakout-form", new Dictionary<string, string>
            {
                ["Input.Title"] = $"Parallel session {i}", ["Input.RoomId"] = room.Id.ToString(CultureInfo.InvariantCulture),
                ["Input.Date"] = date, ["Input.StartTime"] = "14:00", ["Input.EndTime"] = "15:00", ["Input.Capacity"] = "40",
            });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(posts);

        Assert.Equal(1, await app.WithDbAsync(db => db.Breakouts.CountAsync(b => b.RoomId == room.Id)));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Redirect), a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.StatusCode);
            Assert.Contains("The room is taken at that time by", a.Body);
        });
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "breakout.created" && e.Summary.Contains("Parallel session"))));
    }
}
