using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace WeProtect.Summit.Tests.Browser;

public static class PageProblemsExtensions
{
    /// <summary>The problems collected for a page opened with <see cref="BrowserFixture.NewPageAsync"/>.</summary>
    public static PageProblems Problems(this IPage page) => PageProblems.For(page);
}
