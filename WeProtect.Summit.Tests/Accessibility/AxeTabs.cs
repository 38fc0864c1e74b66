using System.Collections.Concurrent;
using Microsoft.Playwright;
using WeProtect.Summit.Tests.Browser;

namespace WeProtect.Summit.Tests.Accessibility;

/// <summary>Idle tabs with axe installed, by persona, for one browser app: a sweep lane takes one (or opens one when
/// none is idle) and gives it back when its area is done. The browser app closes them all when it stops.</summary>
public sealed class AxeTabs
{
    private readonly ConcurrentDictionary<Persona, ConcurrentBag<IPage>> idle = new();
    private BrowserFixture? owner;

    public async Task<IPage> TakeAsync(BrowserFixture browser, SweepSite site, Persona persona)
    {
        lock (idle)
        {
            // Tabs of an earlier browser app are closed with it.
            if (!ReferenceEquals(owner, browser)) { idle.Clear(); owner = browser; }
        }
        if (idle.GetOrAdd(persona, _ => []).TryTake(out var tab) && !tab.IsClosed) return tab;
        var page = await site.PageAsAsync(browser, persona);
        await AxeInContext.InstallAsync(page.Context);
        return page;
    }

    public void Return(Persona persona, IPage tab) => idle.GetOrAdd(persona, _ => []).Add(tab);
}
