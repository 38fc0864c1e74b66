using System.Globalization;
using WeProtect.Summit.Data.Accounts;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>Organisers building the programme side by side: one lowers a room's capacity from 100 to 50 while another
/// puts an 80-seat breakout into it, in six rooms at once. In each room exactly one of the two is saved and the other
/// is refused beside its capacity field; never a room of 50 holding a breakout of 80 (seats the room does not have).
/// Run on SQLite (<see cref="RoomCapacityRaceTests"/>) and PostgreSQL (<see cref="RoomCapacityRaceOnPostgresTests"/>).</summary>
public abstract class RoomCapacityRaceChecks(SummitAppFactory app)
{
    private const int Rooms = 6;

    [Fact]
    public async Task A_room_made_smaller_while_a_bigger_breakout_is_put_in_it_keeps_one_of_the_two()
    {
        var summit = await app.CreateOpenSummitAsync();
        var rooms = new List<Data.Breakouts.Room>();
        for (var i = 0; i < Rooms; i++) rooms.Add(await app.CreateRoomAsync(summit.Id, $"Hall {i}", 100));
        using var shrinker = await app.LoggedInClientAsync(Roles.Organiser);
        using var planner = await app.LoggedInClientAsync(Roles.Organiser);
        var programme = await shrinker.GetPageAsync($"/Breakouts/Manage/Index/{summit.Id}");
        var form = await planner.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}");
        var date = summit.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var start = new TaskCompletionSource();
        var posts = rooms.SelectMany((room, i) => new[]
        {
            Task.Run(async () =>
            {
                await start.Task;
                return await Answer(await shrinker.SubmitAsync(programme, $"#room-edit-{room.Id}", new Dictionary<string, string> { ["capacity"] = "50" }));
            }),
            Task.Run(async () =>
            {
                await start.Task;
                return await Answer(await planner.SubmitAsync(form, "#breakout-form", new Dictionary<string, string>
                {
                    ["Input.Title"] = $"Session {i}", ["Input.RoomId"] = room.Id.ToString(CultureInfo.InvariantCulture),
                    ["Input.Date"] = date, ["Input.StartTime"] = "14:00", ["Input.EndTime"] = "15:00", ["Input.Capacity"] = "80",
                }));
            }),
        }).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)a.Status}: {a.Body[..Math.Min(a.Body.Length, 300)]}"));
        for (var i = 0; i < Rooms; i++)
        {
            var (lowered, placed) = (answers[2 * i], answers[2 * i + 1]);
            var capacity = await app.WithDbAsync(db => db.Rooms.Where(r => r.Id == rooms[i].Id).Select(r => r.Capacity).SingleAsync());
            var breakouts = await app.WithDbAsync(db => db.Breakouts.CountAsync(b => b.RoomId == rooms[i].Id));
            // One of the two, each told why the other way round was refused.
            if (capacity == 50)
            {
                Assert.Equal(0, breakouts);
                Assert.Equal(HttpStatusCode.Redirect, lowered.Status);
                Assert.Contains("The capacity cannot be above the room", placed.Body);
            }
            else
            {
                Assert.Equal((100, 1), (capacity, breakouts));
                Assert.Equal(HttpStatusCode.Redirect, placed.Status);
                Assert.Contains("A breakout in this room has more seats than that", lowered.Body);
            }
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> Answer(HttpResponseMessage response) =>
        (response.StatusCode, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
}
