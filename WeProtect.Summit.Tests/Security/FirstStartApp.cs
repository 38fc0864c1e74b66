namespace WeProtect.Summit.Tests.Security;

/// <summary>The app on its very first start: it migrates an empty folder's new database and generates its
/// key-encryption certificate itself, instead of finding the suite's copies (<see cref="StartTemplate"/>).</summary>
public sealed class FirstStartApp : SummitAppFactory
{
    protected override bool StartsFromTemplate => false;
}
