namespace WeProtect.Summit.Tests.Security;

/// <summary>Styles and scripts are linked with their content hash, so browsers keep them a year and do not ask again
/// on every page; an address without the hash may change and is kept an hour.</summary>
public class StaticFileCacheTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Styles_and_scripts_are_linked_with_their_hash_and_kept_by_browsers_for_a_year()
    {
        using var client = app.CreateFormClient();
        var page = await client.GetPageAsync("/Account/Register");
        var assets = page.QuerySelectorAll("link[rel=stylesheet], script[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToList();
        Assert.True(assets.Count >= 3, string.Join(", ", assets));
        foreach (var asset in assets)
        {
            Assert.Contains("?v=", asset);
            var response = await client.Http.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cache = response.Headers.CacheControl!;
            Assert.True(cache.Public, asset);
            Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
            Assert.Contains(cache.Extensions, e => e.Name == "immutable");
        }
        var plain = await client.Http.GetAsync(assets[0].Split('?')[0]);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), plain.Headers.CacheControl!.MaxAge);
    }
}
