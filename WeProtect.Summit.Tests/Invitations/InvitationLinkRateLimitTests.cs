using System.Globalization;

using WeProtect.Summit.Tests.Security;

namespace WeProtect.Summit.Tests.Invitations;

/// <summary>Invitation links are rate-limited per client address (<c>RateLimits:InvitationLink</c>): wrong tokens are
/// answered 404 up to the limit, then 429 with Retry-After, whatever the token; after the window, answered again.</summary>
public class InvitationLinkRateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task Wrong_tokens_are_refused_with_429_past_the_limit_and_answered_again_after_the_window()
    {
        app.StartAfresh();
        var (client, _) = await app.LoggedInUserAsync();
        for (var i = 0; i < RateLimitedAppFactory.AddressLimit; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Invitations/Accept/wrong-token-{i}")).StatusCode);

        var refused = await client.GetAsync("/Invitations/Accept/one-more-guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, (int)RateLimitedAppFactory.Window.TotalSeconds);
        // Posting (accept, ask for a fresh link) counts against the same limit.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.Http.PostAsync("/Invitations/Accept/one-more-guess?handler=Renew", new FormUrlEncodedContent([]))).StatusCode);

        app.Clock.Advance(RateLimitedAppFactory.Window);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Invitations/Accept/after-the-window")).StatusCode);
    }
}
