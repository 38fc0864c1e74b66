using WeProtect.Summit.Tests.Communiques;

namespace WeProtect.Summit.Tests.Summits;

/// <summary>Anonymous visitors get public pages from the output cache; a saved change shows at once, and a
/// signed-in user never gets someone else's cached page.</summary>
public class PublicPageCacheTests : IClassFixture<SummitAppFactory>
{
    private readonly SummitAppFactory app;

    public PublicPageCacheTests(SummitAppFactory app) => this.app = app;

    [Fact]
    public async Task An_edit_is_visible_to_anonymous_visitors_straight_away()
    {
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var (_, details) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync("/Summits/Manage"), "#sample-summit");
        var id = details.Url.Split('/').Last();

        using var visitor = app.CreateFormClient();
        var first = await visitor.GetAsync($"/Summits/Details/{id}");
        Assert.False(first.Headers.Contains("Set-Cookie"), "a public page must not set cookies, or it cannot be cached");
        var before = (await visitor.GetPageAsync($"/Summits/Details/{id}")).QuerySelector("h1")!.TextContent.Trim();
        Assert.Contains("(sample)", before);
        Assert.Contains(before, (await visitor.GetPageAsync("/Summits")).QuerySelector("main")!.TextContent);

        var edit = await organiser.GetPageAsync($"/Summits/Manage/Edit/{id}");
        var saved = await organiser.SubmitAsync(edit, "#summit-form", new Dictionary<string, string> { ["Input.Name"] = "Renamed summit" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal("Renamed summit", (await visitor.GetPageAsync($"/Summits/Details/{id}")).QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Renamed summit", (await visitor.GetPageAsync("/Summits")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_signed_in_user_never_gets_the_anonymous_cached_page()
    {
        using var visitor = app.CreateFormClient();
        Assert.Contains("Log in", (await visitor.GetPageAsync("/Summits")).QuerySelector("nav")!.TextContent);
        Assert.Contains("Log in", (await visitor.GetPageAsync("/Summits")).QuerySelector("nav")!.TextContent);

        var (member, user) = await app.LoggedInUserAsync();
        using (member)
        {
            var nav = (await member.GetPageAsync("/Summits")).QuerySelector("nav")!.TextContent;
            Assert.Contains(user.FullName, nav);
            Assert.DoesNotContain("Log in", nav);
        }
    }

    [Fact]
    public async Task The_summit_page_lists_final_statements_and_their_communique_as_soon_as_it_is_published()
    {
        var closed = await app.ClosedStatementAsync();
        using var visitor = app.CreateFormClient();
        var before = await visitor.GetPageAsync($"/Summits/Details/{closed.SummitId}");
        var item = before.QuerySelector($"#summit-statement-{closed.StatementId}")!;
        Assert.Equal($"/Statements/{closed.StatementId}/text", item.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(item.QuerySelector(".agreed-by-link"));
        Assert.Null(item.QuerySelector(".communique-link"));

        // A draft of the same summit is not public; publication shows on the (cached) page at once.
        await app.WithDbAsync(async db =>
        {
            db.Statements.Add(new Data.Statements.Statement { SummitId = closed.SummitId, Title = "Draft only", CreatedUtc = app.UtcNow });
            await db.SaveChangesAsync();
        });
        var communique = await app.PublishedAsync(closed.StatementId);
        var after = await visitor.GetPageAsync($"/Summits/Details/{closed.SummitId}");
        Assert.Equal($"/Communiques/{communique.Id}",
            after.QuerySelector($"#summit-statement-{closed.StatementId} .communique-link")!.GetAttribute("href"));
        Assert.DoesNotContain("Draft only", after.QuerySelector("#summit-statements")!.TextContent);
    }
}
