using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using WeProtect.Summit.Data;

namespace WeProtect.Summit.Tests.Organisations;

/// <summary><see cref="RaceAppFactory"/> on PostgreSQL: the same colleague, inserting on a connection of its own.</summary>
public sealed class PostgresRaceAppFactory : PostgresAppFactory
{
    public RaceAppFactory.ColleagueInsert Colleague { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<SummitDbContext>(o => o.AddInterceptors(Colleague)));
    }
}
