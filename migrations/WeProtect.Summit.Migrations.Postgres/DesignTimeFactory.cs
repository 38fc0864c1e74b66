using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WeProtect.Summit.Data;

namespace WeProtect.Summit.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the context for this provider without starting the web app (no server needed to
/// add a migration): `dotnet ef migrations add Name --project migrations/WeProtect.Summit.Migrations.Postgres`.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SummitDbContext>
{
    public SummitDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SummitDbContext>()
            .UseNpgsql("Host=localhost;Database=weprotect_summit;Username=postgres", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
