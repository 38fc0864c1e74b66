using System.Diagnostics;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Xunit.Abstractions;
using WeProtect.Summit.Tests.Authorization;
using WeProtect.Summit.Tests.Browser;

namespace WeProtect.Summit.Tests.Accessibility;

/// <summary>axe-core (offline, in the test browser) over every page of the authorization test's list, for each kind
/// of user who may open it: no serious or critical violation anywhere, no navigation that marks two links as the page
/// the user is on (axe has no rule for it; a screen reader then announces two "current page" links), no table region
/// that is a tab stop without a name, and no page wider than the window. One test per area; a failure lists every problem with the page, the persona and, for axe, the rule
/// and the elements' selectors.</summary>
[Collection(AccessibilityCollection.Name)]
public class AxeSweepTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>Pages checked at once (see the area test).</summary>
    private const int Lanes = 3;

    /// <summary>The WCAG 2.0–2.2 A and AA rules.</summary>
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        // Violations only: axe then skips collecting every passing element's details, most of its work on a long page.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Tabs kept from one area's test to the next: a new browser context's first page costs seconds (a new
    /// renderer compiles axe and loads the styles), most of a small area's time when every area opened its own.</summary>
    private static readonly AxeTabs Tabs = new();

    public static TheoryData<string> Areas() => new(PageAccessTests.Expected.Keys.Select(SweepSite.AreaOf).Distinct().Order(StringComparer.Ordinal));

    /// <summary>Each page's address in the sweep matches its route (every route value filled in), so that no page is
    /// checked on a "not found" answer by mistake.</summary>
    [Fact]
    public async Task Every_page_of_the_authorization_list_has_an_address_that_matches_its_route()
    {
        var site = await SweepSite.ForAsync(browser);
        var pages = browser.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()).OfType<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()
            .DistinctBy(p => p.ViewEnginePath).ToList();
        var failures = new List<string>();
        foreach (var page in pages.Where(p => !SweepSite.NotPages.ContainsKey(p.ViewEnginePath)))
        {
            var template = page.AttributeRouteInfo?.Template ?? page.ViewEnginePath.TrimStart('/');
            var pattern = System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Escape(template).Replace(@"\{", "{"),
                @"/\{[^}]+\?}|\{[^}]+}", m => m.Value.EndsWith("?}", StringComparison.Ordinal) ? "(/[^/]+)?" : "[^/]+");
            // An Index page also answers without "Index" ("Breakouts/Manage/{summitId}").
            pattern = pattern.EndsWith("Index", StringComparison.Ordinal) ? pattern[..^"Index".Length] + "(Index)?" : pattern.Replace("/Index/", "(/Index)?/", StringComparison.Ordinal);
            var url = site.UrlOf(page.ViewEnginePath).Split('?')[0];
            if (!System.Text.RegularExpressions.Regex.IsMatch(url, "^/" + pattern + "/?$"))
                failures.Add($"{page.ViewEnginePath}: {url} does not match {template}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.All(SweepSite.NotPages.Keys, page => Assert.Contains(page, PageAccessTests.Expected.Keys));
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public async Task Every_page_of_the_area_has_no_serious_or_critical_axe_violation_for_any_role(string area)
    {
        var site = await SweepSite.ForAsync(browser);
        var pages = PageAccessTests.Expected.Where(p => SweepSite.AreaOf(p.Key) == area && !SweepSite.NotPages.ContainsKey(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var visits = pages.SelectMany(p => SweepSite.SweptAs(p.Key, p.Value).Select(persona => (Persona: persona, Url: site.UrlOf(p.Key)))).ToList();
        var queue = new System.Collections.Concurrent.ConcurrentQueue<(Persona Persona, string Url)>(visits);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var checkedVisits = 0;
        var clock = Stopwatch.StartNew();
        // Several lanes at once, each with its own tab per persona: an axe run is one renderer's work, so a single
        // lane leaves the second core idle (a serial sweep was the suite's longest chain).
        await Task.WhenAll(Enumerable.Range(0, Lanes).Select(async _ =>
        {
            var tabs = new Dictionary<Persona, IPage>();
            try
            {
                while (queue.TryDequeue(out var visit))
                {
                    if (!tabs.TryGetValue(visit.Persona, out var page))
                        tabs[visit.Persona] = page = await Tabs.TakeAsync(browser, site, visit.Persona);
                    if (await CheckAsync(page, visit.Url, visit.Persona) is not { } found) continue;
                    Interlocked.Increment(ref checkedVisits);
                    foreach (var failure in found) failures.Add(failure);
                }
            }
            finally
            {
                foreach (var (persona, tab) in tabs) Tabs.Return(persona, tab);
            }
        }));
        output.WriteLine($"{area}: {checkedVisits} page visits checked in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.IsEmpty, $"{failures.Count} serious or critical violations in {area}:\n" + string.Join("\n", failures.Order(StringComparer.Ordinal)));
    }

    /// <summary>Opens <paramref name="url"/> and checks it: the problems found, or null when there was
    /// nothing for axe to read (a file download, a PDF or an image shown inline).</summary>
    private static async Task<List<string>?> CheckAsync(IPage page, string url, Persona persona)
    {
        IResponse? response;
        try { response = await page.GotoAsync(url); }
        catch (PlaywrightException e) when (e.Message.Contains("Download is starting", StringComparison.Ordinal))
        {
            return null; // a file for this persona (a badge, a photo, a letter)
        }
        if (response is null || response.Status >= 500) return [$"{url} as {persona}: HTTP {response?.Status}"];
        if (response.Headers.TryGetValue("content-type", out var type) && !type.StartsWith("text/html", StringComparison.Ordinal))
            return null;
        var result = await AxeInContext.RunAsync(page, Options);
        var problems = result.Violations.Where(v => Blocking.Contains(v.Impact)).Select(v =>
        {
            var where = string.Join("; ", v.Nodes.Take(5).Select(n => n.Target?.ToString() ?? n.Html));
            return $"{v.Impact} {v.Id} ({v.Help}): {where}{(v.Nodes.Count() > 5 ? $" and {v.Nodes.Count() - 5} more" : "")}";
        }).ToList();
        var doubled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('nav')].filter(n => n.querySelectorAll('[aria-current=page]').length > 1).map(n => n.getAttribute('aria-label') ?? n.id)");
        problems.AddRange(doubled.Select(nav => $"the navigation \"{nav}\" marks more than one link as the current page"));
        // A table's scrolling region that is a tab stop of its own says what it is: a screen reader otherwise lands
        // on a nameless "group" (axe asks only that a scrolling region be reachable).
        var nameless = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.table-responsive[tabindex="0"]')]
              .filter(r => r.getAttribute('role') !== 'region'
                || !(r.getAttribute('aria-label')?.trim() || document.getElementById(r.getAttribute('aria-labelledby') ?? '')?.textContent.trim()))
              .map(r => r.querySelector('table')?.id || r.querySelector('table')?.className || 'a table')
            """);
        problems.AddRange(nameless.Select(table => $"the scrolling region of table \"{table}\" is a tab stop with no name: give the table a caption"));
        // Every page, not only the viewport test's main ones, fits a laptop's window (the tabs' 1280 px): a table whose
        // columns keep their words whole there must still fit.
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] > widths[1]) problems.Add($"the page is {widths[0]} px wide in a {widths[1]} px window{await ViewportTests.WidestAsync(page, widths[1])}");
        return problems.Select(problem => $"{url} as {persona}: {problem}").ToList();
    }
}
