using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WeProtect.Summit.Tests.Accessibility;

/// <summary>The same axe-core (the one bundled with Deque.AxeCore.Playwright) and the same <c>axe.run</c> as
/// <c>page.RunAxe</c>, at a fraction of its cost per page. <c>RunAxe</c> sends the whole axe script (about 550 KB)
/// through the Playwright driver into the page on every call, then opens a new browser context with a blank page,
/// sends the script again and merges the page's partial results there. Here the script is installed once per browser
/// context as an init script (Chromium then has it in every document the context loads, child frames included, and
/// compiles it from its cache), and <c>axe.run</c> runs in the page itself: same rules, same options, same
/// results.</summary>
public static class AxeInContext
{
    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>Makes axe available in every page this context opens from now on.</summary>
    public static Task InstallAsync(IBrowserContext context) => context.AddInitScriptAsync(Script.Value);

    /// <summary>Runs axe on the page as it is (installed with <see cref="InstallAsync"/> before the page loaded).</summary>
    public static async Task<AxeResult> RunAsync(IPage page, AxeRunOptions options)
    {
        // Serialised as RunAxe serialises its options; the result comes back as JSON text, read as RunAxe reads it.
        var json = await page.EvaluateAsync<string>(
            "async options => JSON.stringify(await window.axe.run(document, JSON.parse(options)))", JsonConvert.SerializeObject(options));
        return new AxeResult(JObject.Parse(json));
    }
}
