using Microsoft.Playwright;
using WeProtect.Summit.Tests.Browser;

namespace WeProtect.Summit.Tests.Accessibility;

/// <summary>No main page is wider than the window, on a phone (375 px) or a laptop (1280 px), for each kind of user
/// (each sees its own menus); wide content such as the agenda grid scrolls inside its own region. A screenshot of
/// each main page at both widths is kept (TestResults/screenshots/Main_pages_*).</summary>
[Collection(AccessibilityCollection.Name)]
public class ViewportTests(BrowserFixture browser)
{
    /// <summary>The main pages and the least-privileged persona who opens each of them; every persona above it may open it
    /// too, except the pages that act for the delegate's organisation (<see cref="OwnOnly"/>).</summary>
    private static IReadOnlyList<(string Name, Func<SweepSite, string> Url, Persona From)> MainPages() =>
    [
        ("home", _ => "/", Persona.Anonymous),
        ("summits", _ => "/Summits", Persona.Anonymous),
        ("summit", s => $"/Summits/Details/{s.Summit.Id}", Persona.Anonymous),
        ("agenda", s => $"/Breakouts/Agenda/{s.Summit.Id}", Persona.Anonymous),
        ("session", s => $"/Breakouts/Session/{s.BreakoutId}", Persona.Anonymous),
        ("organisations", _ => "/Organisations", Persona.Anonymous),
        ("statement-text", s => $"/Statements/{s.OpenStatementId}/text", Persona.Anonymous),
        ("agreed-by", s => $"/Statements/{s.OpenStatementId}/agreed-by", Persona.Anonymous),
        ("communique", s => $"/Communiques/{s.CommuniqueId}", Persona.Anonymous),
        ("accessibility", _ => "/Accessibility", Persona.Anonymous),
        ("my-registrations", _ => "/Registration", Persona.Delegate),
        ("my-breakouts", _ => "/Breakouts/Bookings", Persona.Delegate),
        ("consult", s => $"/Statements/{s.ConsultedStatementId}/consult", Persona.Delegate),
        ("sign", s => $"/Signing/Sign/{s.OpenStatementId}/{s.OrganisationId}", Persona.Delegate),
        ("report", s => $"/Reporting/Report/{s.CycleId}/{s.OrganisationId}", Persona.Delegate),
        ("manage-summits", _ => "/Summits/Manage", Persona.Organiser),
        ("vetting-queue", s => $"/Registration/Manage/{s.Summit.Id}", Persona.Organiser),
        ("check-in", s => $"/Registration/Manage/CheckIn/{s.Summit.Id}", Persona.Organiser),
        ("programme", s => $"/Breakouts/Manage/{s.Summit.Id}", Persona.Organiser),
        ("statement-edit", s => $"/Statements/Manage/Edit/{s.ConsultedStatementId}", Persona.Organiser),
        ("signing-manage", _ => "/Signing/Manage", Persona.Organiser),
        ("users", _ => "/Admin/Users", Persona.Admin),
        ("audit", _ => "/Admin/Audit", Persona.Admin),
    ];

    /// <summary>Pages for the signatory or focal point of the organisation only (the handlers answer 403 to anyone else).</summary>
    private static readonly string[] OwnOnly = ["sign", "report"];

    private static readonly Persona[] Ladder = [Persona.Anonymous, Persona.Delegate, Persona.Organiser, Persona.Admin];

    /// <summary>Each page as the persona it is for and as the administrator (the longest menus, the most controls), and
    /// the home page as everyone (each role's menus); the personas in between add nothing to the widths but minutes.</summary>
    private static bool Opens(Persona persona, string name, Persona from) =>
        OwnOnly.Contains(name) ? from == persona : from == persona || persona == Persona.Admin || name == "home";

    /// <summary>The widths checked: a phone's and a laptop's (with the height each has on its side).</summary>
    private static readonly (int Width, int Height)[] Windows = [(1280, 900), (375, 800)];

    /// <summary>Each page is loaded once per persona and measured in both windows (the tab is resized in between, as a
    /// browser window is; the styles' media queries apply again): half the page loads of one pass per width.</summary>
    [Fact]
    public async Task Main_pages_are_no_wider_than_a_phone_or_a_laptop_window_for_each_role()
    {
        var site = await SweepSite.ForAsync(browser);
        var failures = new List<string>();
        foreach (var persona in Ladder)
        {
            var page = await site.PageAsAsync(browser, persona, Windows[0].Width, Windows[0].Height);
            foreach (var (name, url, _) in MainPages().Where(p => Opens(persona, p.Name, p.From)))
            {
                var address = url(site);
                var response = await page.GotoAsync(address);
                Assert.True(response is { Ok: true }, $"{address} as {persona}: HTTP {response?.Status}");
                foreach (var (width, height) in Windows)
                {
                    await page.SetViewportSizeAsync(width, height);
                    var (scroll, client) = await WidthsAsync(page);
                    if (scroll > client) failures.Add($"{address} as {persona} at {width} px: the page is {scroll} px wide{await WidestAsync(page, client)}");
                    foreach (var word in await BrokenTableWordsAsync(page)) failures.Add($"{address} as {persona} at {width} px: a table breaks {word}");
                    foreach (var region in await UnreachableRegionsAsync(page)) failures.Add($"{address} as {persona} at {width} px: {region} scrolls but a keyboard cannot reach it");
                    // One screenshot per page and width: as the highest persona who opens it, whose menus are the longest.
                    if (persona == Persona.Admin || OwnOnly.Contains(name)) await browser.ScreenshotAsync(page, $"{width}-{name}", $"Main_pages_{width}");
                }
                await page.SetViewportSizeAsync(Windows[0].Width, Windows[0].Height);
            }
            page.Problems().AssertNone();
            await page.Context.CloseAsync();
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The navigation fits: at 1280 px every menu sits on one line; on a phone the menus fold behind the toggler
    /// and, opened, fit the screen.</summary>
    [Theory]
    [InlineData(320)]
    [InlineData(375)]
    [InlineData(992)]
    [InlineData(1280)]
    [InlineData(1920)]
    public async Task The_administrators_navigation_fits_the_window(int width)
    {
        var site = await SweepSite.ForAsync(browser);
        var page = await site.PageAsAsync(browser, Persona.Admin, width);
        await page.GotoAsync("/");
        var toggler = page.Locator("button.navbar-toggler");
        if (await toggler.IsVisibleAsync())
        {
            await toggler.ClickAsync();
            await Assertions.Expect(page.Locator("#main-nav")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bshow\b"));
            await page.Locator("#menu-administer > button").ClickAsync();
            await Assertions.Expect(page.Locator("#menu-administer .dropdown-menu")).ToBeVisibleAsync();
        }
        else
        {
            // Every menu and the user's links on one line: the items share one top.
            var tops = await page.Locator("#main-nav > ul > li").EvaluateAllAsync<double[]>("items => items.map(i => Math.round(i.getBoundingClientRect().top))");
            Assert.True(tops.Distinct().Count() == 1, $"At {width} px the navigation wraps onto {tops.Distinct().Count()} lines");
            await page.Locator("#menu-administer > button").ClickAsync();
            await Assertions.Expect(page.Locator("#menu-administer .dropdown-menu a", new() { HasText = "Audit trail" })).ToBeVisibleAsync();
        }
        var (scroll, client) = await WidthsAsync(page);
        Assert.True(scroll <= client, $"At {width} px the page is {scroll} px wide{await WidestAsync(page, client)}");
        await browser.ScreenshotAsync(page, $"{width}-menu-open", "Navigation");
        page.Problems().AssertNone();
        await page.Context.CloseAsync();
    }

    /// <summary>The agenda's grid scrolls inside its own region with the time column in view; the page itself does not.
    /// In Arabic the grid runs right to left: the time column is on the right and stays there.</summary>
    [Theory]
    [InlineData("en-GB", "ArrowRight")]
    [InlineData("ar", "ArrowLeft")]
    public async Task The_agenda_grid_scrolls_in_its_own_region_with_the_time_column_fixed(string locale, string onwards)
    {
        var site = await SweepSite.ForAsync(browser);
        var app = browser.App;
        var summit = await app.CreateOpenSummitAsync(name: "Nine-room summit");
        for (var room = 0; room < 9; room++) await app.CreateBreakoutAsync(summit, title: $"Session in room {room + 1} with a long title");
        var page = await site.PageAsAsync(browser, Persona.Anonymous, 1280, locale: locale);
        await page.GotoAsync($"/Breakouts/Agenda/{summit.Id}");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", locale == "ar" ? "rtl" : "ltr");
        var region = page.Locator(".agenda-scroll").First;
        await Assertions.Expect(region).ToHaveAttributeAsync("role", "region");
        Assert.True(await region.EvaluateAsync<bool>("r => r.scrollWidth > r.clientWidth"), "Nine rooms should overflow the grid's region");
        var (scroll, client) = await WidthsAsync(page);
        Assert.True(scroll <= client, $"The agenda page is {scroll} px wide at 1280 px");
        var timeBefore = await page.Locator(".agenda-table tbody th.agenda-time").First.BoundingBoxAsync();
        // The keyboard reaches the region and scrolls it (no mouse).
        await region.FocusAsync();
        for (var i = 0; i < 12; i++) await page.Keyboard.PressAsync(onwards);
        await Assertions.Expect(region).Not.ToHaveJSPropertyAsync("scrollLeft", 0);
        var timeAfter = await page.Locator(".agenda-table tbody th.agenda-time").First.BoundingBoxAsync();
        Assert.InRange(timeAfter!.X, timeBefore!.X - 2, timeBefore.X + 2); // within a border's width
        await browser.ScreenshotAsync(page, $"scrolled-{locale}");
        page.Problems().AssertNone();
        await page.Context.CloseAsync();
    }

    private static async Task<(int Scroll, int Client)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>Words of a table drawn on two lines ("Remov|e"): a table keeps its words and scrolls in its region
    /// instead. A word here runs between spaces, hyphens, dashes and slashes (where a line may break); hashes, code and
    /// e-mail addresses may break anywhere.</summary>
    private static async Task<string[]> BrokenTableWordsAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        () => {
          const broken = [];
          const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node && broken.length < 10; node = walker.nextNode()) {
            const host = node.parentElement;
            if (!host.closest('table') || host.closest('.hash, code, .email-address, .visually-hidden')) continue;
            for (const match of node.data.matchAll(/[^\s\-\/\u2013\u2014]+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
              if (lines.size > 1) broken.push(`"${match[0]}" in <${host.tagName.toLowerCase()}> of table #${host.closest('table').id}`);
            }
          }
          return broken;
        }
        """);

    /// <summary>Regions wider than their window that neither take the focus nor hold anything that does, so that only a
    /// mouse or a finger could scroll them.</summary>
    private static async Task<string[]> UnreachableRegionsAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('.table-responsive, [role=region]')]
          .filter(r => r.scrollWidth > r.clientWidth && r.tabIndex < 0
            && !r.querySelector('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'))
          .map(r => `the region of table #${r.querySelector('table')?.id ?? ''}`)
        """);

    /// <summary>The element that sticks out furthest, to say what to fix.</summary>
    internal static async Task<string> WidestAsync(IPage page, int client) => await page.EvaluateAsync<string>("""
        client => {
          let worst = null, right = client;
          for (const e of document.querySelectorAll('body *')) {
            const r = e.getBoundingClientRect().right;
            if (r > right + 0.5) { right = r; worst = e; }
          }
          return worst ? `; widest: <${worst.tagName.toLowerCase()} id="${worst.id}" class="${worst.className}"> to ${Math.round(right)} px` : '';
        }
        """, client);
}
