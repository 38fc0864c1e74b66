using Microsoft.Playwright;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>The first journey of every installation, in a real browser. It has an app of its own because it needs
/// one in which no administrator exists yet.</summary>
[CollectionDefinition(Name)]
public sealed class FirstAdminCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser: first administrator";
}
