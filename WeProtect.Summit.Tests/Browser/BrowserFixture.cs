using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>The real app on Kestrel at 127.0.0.1 on a free port (its own temporary data folder and SQLite
/// database, see <see cref="SummitAppFactory"/>), and one headless Debian Chromium driven by Playwright .NET,
/// shared by every test of the "browser" collection. Each <see cref="NewPageAsync"/> opens a fresh browser
/// context (own cookies), so tests do not see each other's log-ins.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright downloads no browser of its own. Override with SUMMIT_CHROMIUM.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("SUMMIT_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly ConcurrentBag<IBrowserContext> contexts = [];
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The app under test: its <c>Services</c>, <c>CreateUserAsync</c>, <c>WithDbAsync</c>, <c>SentMail</c>.</summary>
    public SummitAppFactory App { get; } = new();

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser fixture is not initialised.");

    /// <summary><c>TestResults/screenshots</c> at the repository root (next to WeProtect.Summit.slnx), the folder
    /// <c>scripts/test.sh</c> also gives <c>dotnet test</c> for its results. Override with SUMMIT_SCREENSHOTS.</summary>
    public string ScreenshotFolder { get; } = FindScreenshotFolder();

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000); // see NewPageAsync: room for a busy CI machine
        App.UseKestrel(0);          // port 0: Kestrel picks a free port on the loopback address
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Directory.CreateDirectory(ScreenshotFolder);

        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: run ./scripts/test.sh, which installs Debian's chromium.");
        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A new page in a browser context of its own, whose relative URLs (<c>page.GotoAsync("/")</c>)
    /// resolve against <see cref="BaseUrl"/>. Console errors, uncaught script errors and CSP violations are
    /// collected from the start: read them with <c>page.Problems()</c>.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL ??= BaseUrl;
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 900 };
        options.Locale ??= "en-GB";
        var context = await Browser.NewContextAsync(options);
        // Generous waits: on a busy 2-core CI machine a page can take seconds; a real failure still fails.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        contexts.Add(context);
        // Reports CSP violations as console errors with a recognisable prefix (Chromium already logs most of
        // them; this catches the ones it only reports as events). Injected scripts are not subject to the CSP.
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
              console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
                            ' at ' + (e.sourceFile || e.documentURI) + ':' + e.lineNumber));
            """);
        var page = await context.NewPageAsync();
        PageProblems.Attach(page);
        return page;
    }

    /// <summary>Logs in through the real form and waits until the browser has left the log-in page.</summary>
    public static async Task LogInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("form#login input[name='Input.Email']").FillAsync(email);
        await page.Locator("form#login input[name='Input.Password']").FillAsync(SummitAppFactory.Password);
        await page.Locator("form#login button[type=submit]").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Account/Login"), new() { Timeout = 60_000 });
    }

    /// <summary>Waits until the address contains <paramref name="part"/>, e.g. after a click that navigates. It polls
    /// the address rather than waiting for a load event: WaitForURL with WaitUntil=Commit hangs when the navigation
    /// has already committed (the "commit" state is never recorded), which made browser tests time out at random.</summary>
    public static Task WaitForAddressAsync(IPage page, string part) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(part)), new() { Timeout = 60_000 });

    /// <summary>Saves a full-page screenshot as <c>TestResults/screenshots/&lt;test&gt;-&lt;step&gt;.png</c> and
    /// returns its path. <paramref name="test"/> defaults to the calling test method's name.</summary>
    public async Task<string> ScreenshotAsync(IPage page, string step, [CallerMemberName] string test = "")
    {
        var path = Path.Combine(ScreenshotFolder, $"{Safe(test)}-{Safe(step)}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>The one-time first-administrator link the app printed at start-up, or null once used
    /// (or when an administrator exists).</summary>
    public string? FirstAdminSetupUrl()
    {
        var token = App.FirstAdminToken();
        return token is null ? null : $"{BaseUrl}/Setup?token={token}";
    }

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
        {
            try { await context.CloseAsync(); } catch (PlaywrightException) { }
        }
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }

    private static string Safe(string name) => Regex.Replace(name, @"[^A-Za-z0-9_.-]+", "_").Trim('_');

    private static string FindScreenshotFolder()
    {
        if (Environment.GetEnvironmentVariable("SUMMIT_SCREENSHOTS") is { Length: > 0 } configured) return Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WeProtect.Summit.slnx")))
                return Path.Combine(dir.FullName, "TestResults", "screenshots");
        return Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
    }
}
