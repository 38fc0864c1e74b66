using System.Globalization;

namespace WeProtect.Summit.Tests.Registration;

/// <summary>The travel form saved for the first time twice at once (a double click, two windows): one save, the other
/// told someone changed it, never a server error from the travel row's unique index. Run on SQLite
/// (<see cref="TravelRaceTests"/>) and PostgreSQL (<see cref="TravelRaceOnPostgresTests"/>).</summary>
public abstract class TravelRaceChecks(SummitAppFactory app)
{
    [Fact]
    public async Task The_first_travel_form_posted_eight_times_at_once_is_saved_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Double Traveller");
        using var client = await app.LogInAsync(user);
        var form = await client.GetPageAsync($"/Registration/Travel/{registration.Id}");
        string Local(int day, int hour) => summit.StartDate.AddDays(day).ToDateTime(new TimeOnly(hour, 30)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

        var start = new TaskCompletionSource();
        var posts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return (await client.SubmitAsync(form, "#travel-form", new Dictionary<string, string>
            {
                ["Input.ArrivalLocal"] = Local(0, 8), ["Input.DepartureLocal"] = Local(1, 20), ["Input.ArrivalFlight"] = $"KQ {300 + i}",
            })).StatusCode;
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.True(a is HttpStatusCode.Redirect or HttpStatusCode.OK, a.ToString()));
        Assert.Contains(HttpStatusCode.Redirect, answers);
        Assert.Equal(1, await app.WithDbAsync(db => db.TravelDetails.CountAsync(t => t.RegistrationId == registration.Id)));
    }
}
