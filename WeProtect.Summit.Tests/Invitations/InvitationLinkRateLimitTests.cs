using System.Globalization;

using WeProtect.Summit.Tests.Security;

namespace WeProtect.Summit.Tests.Invitations;

/// <summary>Secret links are rate-limited per client address: invitation links (<c>RateLimits:InvitationLink</c>), whose
/// wrong tokens are answered 404 up to the limit, and nomination links (<c>RateLimits:NominationLink</c>), whose wrong
/// tokens are told the link is not known; past the limit 429 with Retry-After, whatever the token; after the window,
/// answered again.</summary>
public class InvitationLinkRateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task Wrong_tokens_are_refused_with_429_past_the_limit_and_answered_again_after_the_window()
    {
        app.StartAfresh();
        var (client, _) = await app.LoggedInUserAsync();
        for (var i = 0; i < RateLimitedAppFactory.AddressLimit; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Invitations/Accept/wrong-token-{i}")).StatusCode);

        AssertRefused(await client.GetAsync("/Invitations/Accept/one-more-guess"));
        // Posting (accept, ask for a fresh link) counts against the same limit.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.Http.PostAsync("/Invitations/Accept/one-more-guess?handler=Renew", new FormUrlEncodedContent([]))).StatusCode);

        app.Clock.Advance(RateLimitedAppFactory.Window);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Invitations/Accept/after-the-window")).StatusCode);
    }

    [Fact]
    public async Task Wrong_nomination_tokens_are_refused_with_429_past_the_limit_and_the_page_without_one_is_not_counted()
    {
        app.StartAfresh();
        var summit = await app.CreateOpenSummitAsync();
        var (client, _) = await app.LoggedInUserAsync();
        var url = $"/Registration/Register/{summit.Id}";
        for (var i = 0; i < RateLimitedAppFactory.AddressLimit; i++)
            Assert.Contains("This nomination link is not known",
                (await client.GetPageAsync($"{url}?nomination=wrong-token-{i}")).QuerySelector("#registration-closed")!.TextContent);

        AssertRefused(await client.GetAsync($"{url}?nomination=one-more-guess"));
        // The ordinary registration form is not a link: it still answers.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        app.Clock.Advance(RateLimitedAppFactory.Window);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{url}?nomination=after-the-window")).StatusCode);
    }

    /// <summary>429, with a Retry-After within the window.</summary>
    private static void AssertRefused(HttpResponseMessage refused)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, (int)RateLimitedAppFactory.Window.TotalSeconds);
    }
}
