using System.Globalization;
using WeProtect.Summit.Data.Accounts;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>Eight breakouts in eight rooms, for the same hour, each with the same facilitator, saved at the same moment
/// (organisers building the programme side by side): one is saved, every other one is refused beside its facilitators
/// field; never one person in two places at once. Run on SQLite (<see cref="FacilitatorClashRaceTests"/>) and
/// PostgreSQL (<see cref="FacilitatorClashRaceOnPostgresTests"/>).</summary>
public abstract class FacilitatorClashRaceChecks(SummitAppFactory app)
{
    private const int Rooms = 8;

    [Fact]
    public async Task Eight_breakouts_given_one_facilitator_for_one_hour_at_once_get_them_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var facilitator = await app.CreateUserAsync(fullName: "Grace Facilitator");
        var rooms = new List<Data.Breakouts.Room>();
        for (var i = 0; i < Rooms; i++) rooms.Add(await app.CreateRoomAsync(summit.Id, $"Room {i}", 100));
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var form = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}");
        var date = summit.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var start = new TaskCompletionSource();
        var posts = rooms.Select((room, i) => Task.Run(async () =>
        {
            await start.Task;
            var response = await client.SubmitAsync(form, "#breakout-form", new Dictionary<string, string>
            {
                ["Input.Title"] = $"Facilitated session {i}", ["Input.RoomId"] = room.Id.ToString(CultureInfo.InvariantCulture),
                ["Input.Date"] = date, ["Input.StartTime"] = "14:00", ["Input.EndTime"] = "15:00", ["Input.Capacity"] = "40",
                ["Input.FacilitatorEmails"] = facilitator.Email!,
            });
            return (response.StatusCode, Body: System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(posts);

        var saved = await app.WithDbAsync(db => db.Breakouts.Where(b => b.SummitId == summit.Id)
            .Select(b => new { b.Title, Facilitators = b.Facilitators.Select(f => f.Id).ToList() }).ToListAsync());
        Assert.Equal([facilitator.Id], Assert.Single(saved).Facilitators);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Redirect), a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.StatusCode);
            Assert.Contains($"Grace Facilitator facilitates \"{saved[0].Title}\" at the same time.", a.Body);
        });
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "breakout.created" && e.Summary.Contains("Facilitated session"))));
    }
}
