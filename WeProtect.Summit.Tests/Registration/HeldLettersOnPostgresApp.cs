using Microsoft.AspNetCore.Hosting;

namespace WeProtect.Summit.Tests.Registration;

/// <summary><see cref="HeldLettersApp"/> on PostgreSQL.</summary>
public sealed class HeldLettersOnPostgresApp : PostgresAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        HeldLettersApp.Hold(builder);
    }
}
