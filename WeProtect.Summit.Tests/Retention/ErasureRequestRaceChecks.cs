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
            return (response.StatusCode, Error: after.QuerySelector(".alert-danger")?.TextContent ?? "");
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.ErasureRequests.CountAsync(r => r.UserId == user.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "account.erasure-requested" && e.Summary.Contains(user.Id))));
        // One is taken; the seven others are each refused on their page. (The one status line "request is recorded"
        // goes to whichever page the shared cookie jar loads next, as in a browser's tabs: not counted here.)
        Assert.Equal(7, answers.Count(a => a.Error.Contains("already asked for your data to be erased")));
    }
}
