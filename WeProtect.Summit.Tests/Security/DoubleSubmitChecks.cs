using Xunit.Abstractions;

namespace WeProtect.Summit.Tests.Security;

/// <summary>Every form of the app (<see cref="FormSweep"/>) posted twice at once, as the page gave it, as a double click
/// or a second window does: no answer is a server error. A remove, withdraw or first save that loses the race must be
/// told so on a page, not fail on the row the other request removed or the unique index it filled. Forms that could
/// end the session (the account's own settings) go last. Run on SQLite (<see cref="DoubleSubmitTests"/>) and
/// PostgreSQL (<see cref="DoubleSubmitOnPostgresTests"/>).</summary>
public abstract class DoubleSubmitChecks(SummitAppFactory app, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_form_posted_twice_at_once_gets_no_server_error()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var sweep = await FormSweep.DiscoverAsync(app);
        var failures = new List<string>(sweep.Failures);
        var posts = sweep.Forms.Where(f => f.Method == "post").OrderBy(f => EndsSession(f.Action)).ToList();
        foreach (var form in posts)
        {
            var client = sweep.Clients[form.Who];
            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => client.Http.SendAsync(FormSweep.AsGiven(form)))));
            foreach (var answer in answers.Where(a => (int)a.StatusCode >= 500))
                failures.Add($"{(int)answer.StatusCode} POST {form.Action} as {form.Who} (from {form.Page})");
        }
        output.WriteLine($"{sweep.Visited} pages visited, {posts.Count} forms posted twice at once in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(posts.Count >= 40, $"Only {posts.Count} forms found");
        Assert.True(failures.Count == 0, $"{failures.Count} server errors:\n" + string.Join("\n", failures.Distinct().Take(40)));
    }

    private static bool EndsSession(string action) =>
        action.Contains("/Account/", StringComparison.OrdinalIgnoreCase) || action.Contains("/Profile", StringComparison.OrdinalIgnoreCase);
}
