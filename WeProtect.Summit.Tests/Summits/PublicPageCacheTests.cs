using System.Net;
using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Tests.Support;

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
}
