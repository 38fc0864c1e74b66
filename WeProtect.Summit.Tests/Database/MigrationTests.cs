using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WeProtect.Summit.Data;

namespace WeProtect.Summit.Tests.Database;

/// <summary>Every provider's migrations build, match the model, and (for SQL Server, which cannot run here)
/// produce an idempotent script, as `dotnet ef migrations script --idempotent` would.</summary>
public class MigrationTests
{
    private static SummitDbContext SqlServer() => new(new DbContextOptionsBuilder<SummitDbContext>()
        .UseSqlServer("Server=localhost;Database=WeProtectSummit;TrustServerCertificate=True",
            o => o.MigrationsAssembly("WeProtect.Summit.Migrations.SqlServer")).Options);

    private static SummitDbContext Sqlite() => new(new DbContextOptionsBuilder<SummitDbContext>()
        .UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly("WeProtect.Summit.Migrations.Sqlite")).Options);

    private static SummitDbContext Postgres() => new(new DbContextOptionsBuilder<SummitDbContext>()
        .UseNpgsql("Host=localhost;Database=weprotect_summit;Username=postgres",
            o => o.MigrationsAssembly("WeProtect.Summit.Migrations.Postgres")).Options);

    [Fact]
    public void The_SQL_Server_migrations_produce_an_idempotent_script()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [AuditEvents]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_AuditEvents_Sequence]", script);
        Assert.Contains("IF NOT EXISTS", script);
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "sqlserver-idempotent.sql"), script);
    }

    [Theory]
    [InlineData("SqlServer")]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void Each_provider_has_migrations_for_every_model_change(string provider)
    {
        using var db = provider switch { "SqlServer" => SqlServer(), "Postgres" => Postgres(), _ => Sqlite() };
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes with no {provider} migration: run ./scripts/regenerate-initial-migration.sh (one migration per provider).");
    }
}
