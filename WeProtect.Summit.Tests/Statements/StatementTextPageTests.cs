using System.Security.Cryptography;
using AngleSharp.Dom;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Statements;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>The public text of a final statement, and the sanitised rendering of inline Markdown everywhere a
/// statement is shown.</summary>
public class StatementTextPageTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Url(int id, string query = "") => $"/Statements/{id}/text{query}";

    /// <summary>Markup a member might type into a text: none of it may become live HTML.</summary>
    private static readonly string Hostile = StatementExample.Canonical
        .Replace("It crosses borders.", "It crosses <script>alert(1)</script> borders <img src=x onerror=alert(2)>.")
        .Replace("Fund services", "Fund [services](javascript:alert(3)) and <javascript:alert(4)> and **[good ones](https://example.org/a)**");

    [Theory]
    [InlineData(StatementStatus.Draft)]
    [InlineData(StatementStatus.Consultation)]
    public async Task Before_final_the_text_does_not_exist_for_anyone_but_organisers(StatementStatus status)
    {
        var (summitId, id) = await app.StatementAsync(status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateFormClient().GetAsync(Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateFormClient().GetAsync(Url(id, "?handler=Markdown&version=1"))).StatusCode);
        var (member, _) = await app.DelegateAsync(summitId);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(Url(id))).StatusCode);
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync(Url(id, "?version=1"));
        Assert.NotNull(page.QuerySelector("#not-final"));
    }

    [Fact]
    public async Task A_final_text_is_public_with_its_version_hash_and_canonical_download()
    {
        var (_, id) = await app.StatementAsync(StatementStatus.Final);
        var anonymous = app.CreateFormClient();
        var page = await anonymous.GetPageAsync(Url(id));
        Assert.Equal(StatementExample.Hash, page.QuerySelector("#text-hash")!.TextContent.Trim());
        Assert.Contains("Final text: version 1", page.QuerySelector("#text-version")!.TextContent);
        Assert.NotNull(page.QuerySelector("[id='government-1.b']"));
        Assert.Null(page.QuerySelector("#not-final"));

        var download = await anonymous.GetAsync(page.QuerySelector("#text-download")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(StatementExample.Hash, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(StatementExample.Hash, download.Headers.GetValues("X-Content-SHA256").Single());
        Assert.Contains(StatementExample.Hash[..12], download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);

        // Other versions are for organisers only.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url(id, "?version=2"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url(424242))).StatusCode);
    }

    [Fact]
    public async Task Script_event_handlers_and_javascript_links_never_reach_the_page()
    {
        var (_, id) = await app.StatementAsync(StatementStatus.Final, Hostile);
        var page = await app.CreateFormClient().GetPageAsync(Url(id));
        AssertSafe(page.QuerySelector("article.statement-document")!);

        var (consultSummit, consultId) = await app.StatementAsync(StatementStatus.Consultation, Hostile);
        var (member, _) = await app.DelegateAsync(consultSummit);
        var consult = await member.GetPageAsync($"/Statements/{consultId}/consult");
        AssertSafe(consult.QuerySelector("article.statement-document")!);
    }

    private static void AssertSafe(IElement article)
    {
        Assert.Empty(article.QuerySelectorAll("script, img, style, iframe"));
        Assert.DoesNotContain(article.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(article.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Trim().StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        // What was typed stays readable as text, and safe Markdown still works.
        Assert.Contains("<script>alert(1)</script>", article.QuerySelector("[id='preamble-2']")!.TextContent);
        var good = article.QuerySelector("[id='government-2.a'] strong a[href='https://example.org/a']")!;
        Assert.Equal("nofollow noopener", good.GetAttribute("rel"));
        Assert.Equal("#government-2.a", article.QuerySelector("[id='government-2.a'] a.statement-anchor")!.GetAttribute("href"));
        Assert.Empty(article.QuerySelectorAll("a a"));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("[x](javascript:alert(1))", "javascript:")]
    [InlineData("<javascript:alert(1)>", "href=\"javascript")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("<a href=\"https://e.org\" onclick=\"x()\">y</a>", "<a")]
    public void The_renderer_writes_no_live_markup(string markdown, string forbidden)
    {
        Assert.DoesNotContain(forbidden, StatementHtml.InlineString(markdown), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_renderer_keeps_emphasis_and_safe_links()
    {
        Assert.Equal("<strong>bold</strong> and <em>it</em>", StatementHtml.InlineString("**bold** and *it*"));
        Assert.Equal("<a href=\"mailto:a@example.org\" rel=\"nofollow noopener\">mail</a>", StatementHtml.InlineString("[mail](mailto:a@example.org)"));
        Assert.Equal("", StatementHtml.InlineString(null));
        // Headings and commitment titles are links to themselves: a link inside keeps only its words.
        Assert.Equal("<strong>Act</strong> now", StatementHtml.InlineString("[**Act**](https://e.org) now", links: false));
        // Cross-references inside the statement stay links.
        Assert.Equal("see <a href=\"#government-1\" rel=\"nofollow noopener\">1</a>", StatementHtml.InlineString("see [1](#government-1)"));
    }
}
