using System.Globalization;
using WeProtect.Summit.Tests.Security;

namespace WeProtect.Summit.Tests.Invitations;

/// <summary>Nomination links are rate-limited per client address (<c>RateLimits:NominationLink</c>): a registration page
/// opened with wrong tokens answers that the link is not known up to the limit, then 429 with Retry-After; the page
/// without a token is not counted; after the window, links are answered again.</summary>
public class NominationLinkRateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task Wrong_nomination_tokens_are_refused_with_429_past_the_limit_and_the_page_without_one_is_not_counted()
    {
        app.StartAfresh();
        var summit = await app.CreateOpenSummitAsync();
        var (client, _) = await app.LoggedInUserAsync();
        var url = $"/Registration/Register/{summit.Id}";
        for (var i = 0; i < RateLimitedAppFactory.AddressLimit; i++)
        {
            var page = await client.GetPageAsync($"{url}?nomination=wrong-token-{i}");
            Assert.Contains("This nomination link is not known", page.QuerySelector("#registration-closed")!.TextContent);
        }

        var refused = await client.GetAsync($"{url}?nomination=one-more-guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, (int)RateLimitedAppFactory.Window.TotalSeconds);
        // The ordinary registration form is not a link: it still answers.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        app.Clock.Advance(RateLimitedAppFactory.Window);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{url}?nomination=after-the-window")).StatusCode);
    }
}
