using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>What went wrong in a page as the browser saw it: console errors (Chromium reports CSP refusals there),
/// uncaught script exceptions, and CSP violations. Pages from <see cref="BrowserFixture.NewPageAsync"/> have one;
/// read it with <c>page.Problems()</c>.</summary>
public sealed class PageProblems
{
    private static readonly ConditionalWeakTable<IPage, PageProblems> Table = new();
    private readonly List<string> consoleErrors = [];
    private readonly List<string> pageErrors = [];
    private readonly object gate = new();

    public IReadOnlyList<string> ConsoleErrors { get { lock (gate) return [.. consoleErrors]; } }

    public IReadOnlyList<string> PageErrors { get { lock (gate) return [.. pageErrors]; } }

    /// <summary>Console errors about the Content Security Policy: Chromium's own "Refused to …" messages and the
    /// fixture's "CSP violation:" reports.</summary>
    public IReadOnlyList<string> CspViolations => ConsoleErrors
        .Where(m => m.StartsWith("CSP violation:", StringComparison.Ordinal) || m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
        .ToList();

    internal static void Attach(IPage page)
    {
        var problems = Table.GetValue(page, _ => new PageProblems());
        page.Console += (_, message) =>
        {
            if (message.Type != "error") return;
            lock (problems.gate) problems.consoleErrors.Add($"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => { lock (problems.gate) problems.pageErrors.Add(error); };
    }

    internal static PageProblems For(IPage page) =>
        Table.TryGetValue(page, out var problems) ? problems
            : throw new InvalidOperationException("This page was not opened with BrowserFixture.NewPageAsync().");

    /// <summary>Fails the test if the page logged any console error, threw, or violated the CSP.</summary>
    public void AssertNone()
    {
        var all = ConsoleErrors.Select(m => "console: " + m).Concat(PageErrors.Select(m => "script: " + m)).ToList();
        Assert.True(all.Count == 0, "The page reported problems:\n" + string.Join("\n", all));
    }

    /// <summary>Forgets what was collected so far, e.g. after a step that is expected to log an error.</summary>
    public void Clear() { lock (gate) { consoleErrors.Clear(); pageErrors.Clear(); } }
}
