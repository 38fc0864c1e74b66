using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WeProtect.Summit.Data;

namespace WeProtect.Summit.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the context for this provider without starting the web app:
/// `dotnet ef migrations add Name --project migrations/WeProtect.Summit.Migrations.Sqlite`.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SummitDbContext>
{
    public SummitDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SummitDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
