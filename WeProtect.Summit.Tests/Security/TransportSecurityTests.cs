using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WeProtect.Summit.Tests.Security;

/// <summary>Behind a TLS-terminating proxy: Secure cookies, HSTS, and forwarded headers believed from the known
/// proxy only.</summary>
public sealed class TransportSecurityTests(ProductionLikeAppFactory app) : IClassFixture<ProductionLikeAppFactory>
{
    private async Task<HttpResponseMessage> GetLoginAsync(bool forwardedHttps)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = ProductionLikeAppFactory.Host;
        if (forwardedHttps) request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Behind_the_known_proxy_with_https_cookies_are_secure_and_hsts_is_sent()
    {
        var response = await GetLoginAsync(forwardedHttps: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "no HSTS header");
        Assert.Contains("max-age=", Assert.Single(hsts!));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Cookies_are_secure_even_over_plain_http_and_a_forged_host_is_refused()
    {
        var plain = await GetLoginAsync(forwardedHttps: false);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.All(plain.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        forged.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task A_client_that_is_not_the_known_proxy_cannot_claim_https()
    {
        app.RemoteAddress = IPAddress.Parse("203.0.113.9");
        try
        {
            var response = await GetLoginAsync(forwardedHttps: true);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        }
        finally { app.RemoteAddress = IPAddress.Parse(ProductionLikeAppFactory.ProxyAddress); }
    }
}
