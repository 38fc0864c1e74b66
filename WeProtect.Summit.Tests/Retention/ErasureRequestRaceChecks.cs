namespace WeProtect.Summit.Tests.Retention;

/// <summary>"Erase my data" posted eight times at once (a double click, two tabs): one open request in the
/// administrators' queue and one audit event; every other post is told the request is already there, never a server
/// error. Run on SQLite (<see cref="ErasureRequestRaceTests"/>) and PostgreSQL (<see cref="ErasureRequestRaceOnPostgresTests"/>).</summary>
public abstract class ErasureRequestRaceChecks(SummitAppFactory app)
{
    [Fact]
    public async Task Asking_for_erasure_eight_times_at_once_records_one_request()
    {
        var user = await app.CreateUserAsync(fullName: "Eight Clicks");
        using var client = await app.LogInAsync(user);
        var page = await client.GetPageAsync("/Profile/Data");

        var start = new TaskCompletionSource();
        var posts = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            var (response, after) = await client.SubmitAndFollowAsync(page, "#erasure-form", new Dictionary<string, string> { ["Confirm"] = "true" });
            return (response.StatusCode, Text: after.Body!.TextContent);
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.ErasureRequests.CountAsync(r => r.UserId == user.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "account.erasure-requested" && e.Summary.Contains(user.Id))));
        Assert.Single(answers, a => a.Text.Contains("request is recorded"));
        Assert.All(answers.Where(a => !a.Text.Contains("request is recorded")), a => Assert.Contains("already asked for your data to be erased", a.Text));
    }
}
