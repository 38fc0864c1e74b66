namespace WeProtect.Summit.Tests.Summits;

/// <summary>"Create summit" pressed twice (or the page's form posted from two tabs): the posts carry one form key,
/// under a unique index, so one summit is made and every post lands on it, never a second summit or a 500. Run on
/// SQLite (<see cref="SummitCreateRaceTests"/>) and PostgreSQL (<see cref="SummitCreateRaceOnPostgresTests"/>).</summary>
public abstract class SummitCreateRaceChecks(SummitAppFactory app)
{
    private static Dictionary<string, string> Form(string name) => new()
    {
        ["Input.Name"] = name, ["Input.City"] = "London", ["Input.CountryCode"] = "GB", ["Input.StartDate"] = "2027-06-10",
        ["Input.EndDate"] = "2027-06-11", ["Input.TimeZoneId"] = "Europe/London", ["Input.DelegateCapacity"] = "400",
    };

    [Fact]
    public async Task One_creation_form_posted_four_times_at_once_makes_one_summit_and_every_post_lands_on_it()
    {
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync("/Summits/Manage/Edit");
        var name = $"Double click {Guid.NewGuid():N}";
        var start = new TaskCompletionSource();
        var posts = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            var response = await client.SubmitAsync(page, "#summit-form", Form(name));
            return (response.StatusCode, response.Headers.Location?.OriginalString);
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(posts);

        var summit = await app.WithDbAsync(db => db.Summits.SingleAsync(s => s.Name == name));
        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.Redirect, a.StatusCode);
            Assert.EndsWith($"/Summits/Manage/Edit/{summit.Id}", a.OriginalString);
        });
        Assert.Equal(["summit.created"], await app.AuditActionsAsync("Summit", summit.Id));

        // Another visit of the page is another form: it makes another summit.
        var again = await client.SubmitAsync(await client.GetPageAsync("/Summits/Manage/Edit"), "#summit-form", Form(name));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Summits.CountAsync(s => s.Name == name)));
    }
}
