using WeProtect.Summit.Tests.Browser;

namespace WeProtect.Summit.Tests.Accessibility;

/// <summary>The accessibility sweeps have an app and a Chromium of their own (xunit gives each collection its own
/// <see cref="BrowserFixture"/>), so that they run beside the browser journeys instead of after them: together they
/// were the suite's longest serial chain.</summary>
[CollectionDefinition(Name)]
public sealed class AccessibilityCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "accessibility: own app and browser";
}
