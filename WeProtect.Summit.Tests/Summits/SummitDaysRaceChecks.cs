using System.Globalization;
using WeProtect.Summit.Data.Accounts;

namespace WeProtect.Summit.Tests.Summits;

/// <summary>Two organisers at once, on four summits: one takes the last day off the summit while the other puts a
/// breakout on that day. On each summit exactly one of the two is saved and the other is refused with its reason;
/// never a summit whose programme falls outside its days. Run on SQLite (<see cref="SummitDaysRaceTests"/>) and
/// PostgreSQL (<see cref="SummitDaysRaceOnPostgresTests"/>).</summary>
public abstract class SummitDaysRaceChecks(SummitAppFactory app)
{
    private const int Summits = 4;

    [Fact]
    public async Task A_day_taken_off_while_a_breakout_is_put_on_it_keeps_one_of_the_two()
    {
        using var editor = await app.LoggedInClientAsync(Roles.Organiser);
        using var planner = await app.LoggedInClientAsync(Roles.Organiser);
        var summits = new List<Data.Summits.Summit>();
        var forms = new List<(AngleSharp.Html.Dom.IHtmlDocument Summit, AngleSharp.Html.Dom.IHtmlDocument Breakout)>();
        for (var i = 0; i < Summits; i++)
        {
            var summit = await app.CreateOpenSummitAsync();
            await app.CreateRoomAsync(summit.Id, "Hall", 100);
            summits.Add(summit);
            forms.Add((await editor.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}"), await planner.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}")));
        }
        var roomIds = await app.WithDbAsync(db => db.Rooms.Where(r => summits.Select(s => s.Id).Contains(r.SummitId))
            .ToDictionaryAsync(r => r.SummitId, r => r.Id));

        var start = new TaskCompletionSource();
        var posts = summits.SelectMany((summit, i) => new[]
        {
            Task.Run(async () =>
            {
                await start.Task;
                return await Answer(await editor.SubmitAsync(forms[i].Summit, "#summit-form", new Dictionary<string, string>
                {
                    ["Input.EndDate"] = summit.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }));
            }),
            Task.Run(async () =>
            {
                await start.Task;
                return await Answer(await planner.SubmitAsync(forms[i].Breakout, "#breakout-form", new Dictionary<string, string>
                {
                    ["Input.Title"] = "Last-day session", ["Input.RoomId"] = roomIds[summit.Id].ToString(CultureInfo.InvariantCulture),
                    ["Input.Date"] = summit.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["Input.StartTime"] = "14:00", ["Input.EndTime"] = "15:00", ["Input.Capacity"] = "20",
                }));
            }),
        }).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)a.Status}: {a.Body[..Math.Min(a.Body.Length, 300)]}"));
        for (var i = 0; i < Summits; i++)
        {
            var (shortened, placed) = (answers[2 * i], answers[2 * i + 1]);
            var endDate = await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summits[i].Id).Select(s => s.EndDate).SingleAsync());
            var breakouts = await app.WithDbAsync(db => db.Breakouts.CountAsync(b => b.SummitId == summits[i].Id));
            if (endDate == summits[i].StartDate)
            {
                Assert.Equal(0, breakouts);
                Assert.Equal(HttpStatusCode.Redirect, shortened.Status);
                Assert.Contains("The breakout must take place during the summit", placed.Body);
            }
            else
            {
                Assert.Equal((summits[i].EndDate, 1), (endDate, breakouts));
                Assert.Equal(HttpStatusCode.Redirect, placed.Status);
                Assert.Contains("1 breakout would fall outside these days", shortened.Body);
            }
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> Answer(HttpResponseMessage response) =>
        (response.StatusCode, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
}
