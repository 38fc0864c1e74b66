using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>Browser tests share one app and one Chromium: mark a test class <c>[Collection("browser")]</c> and take
/// a <see cref="BrowserFixture"/> in its constructor.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
