using Microsoft.AspNetCore.Hosting;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>The app on its SQLite file with a one-second busy timeout (the default is 30 s), so that a test can hold
/// the writer's lock longer than the app waits for it.</summary>
public sealed class BusyDatabaseApp : SummitAppFactory
{
    public string DatabasePath => Path.Combine(DataFolder, "summit.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Summit", $"Data Source={DatabasePath};Default Timeout=1");
    }
}
