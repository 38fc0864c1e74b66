using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using WeProtect.Summit.Data;

namespace WeProtect.Summit.Tests.Support;

/// <summary>The real app on PostgreSQL: a fresh database of its own (created on first use, dropped on dispose) in the
/// throwaway cluster that ./scripts/test.sh starts and names in <see cref="ConnectionVariable"/>. The race tests run
/// with it as well as with SQLite (a derived test class per race test class), because SQLite serialises every writer
/// and so cannot show what real concurrency does. Without the variable these tests fail, saying how to run them:
/// a race test that passes without its database would prove nothing. Each database is a copy of one migrated empty
/// database made once per run (<see cref="Template"/>); a first start on an empty PostgreSQL database (migrations,
/// Hangfire's schema) is what the deployment tests' nodes do.</summary>
public class PostgresAppFactory : SummitAppFactory
{
    public const string ConnectionVariable = "SUMMIT_TEST_POSTGRES";

    /// <summary>The app's tables and Hangfire's schema, empty: <c>CREATE DATABASE … TEMPLATE</c> copies it in a fraction of
    /// the second and more that migrating and installing Hangfire's schema took per app.</summary>
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string database = $"summit_test_{Guid.NewGuid():N}";
    private readonly Lock creating = new();
    private string? server;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // WithWebHostBuilder runs this again for its derived app, which shares the database (as it shares the
        // SQLite data folder): create it once.
        lock (creating)
        {
            if (server is null)
            {
                var candidate = ServerConnectionString();
                Execute(candidate, $"CREATE DATABASE \"{database}\" TEMPLATE \"{Template.Value}\"");
                server = candidate;
            }
        }
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Summit", new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
    }

    private static string CreateTemplate()
    {
        var server = ServerConnectionString();
        var name = $"summit_template_{Guid.NewGuid():N}";
        Execute(server, $"CREATE DATABASE \"{name}\"");
        // Unpooled: a database is copied only when nobody is connected to it.
        var template = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<SummitDbContext>()
            .UseNpgsql(template, o => o.MigrationsAssembly("WeProtect.Summit.Migrations.Postgres")).Options;
        using (var db = new SummitDbContext(options)) db.Database.Migrate();
        // Hangfire's storage installs its schema when it is made, as the app's does at start-up.
        var storageOptions = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true };
        _ = new PostgreSqlStorage(new NpgsqlConnectionFactory(template, storageOptions), storageOptions);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // A server already gone takes the template with it.
            try { Execute(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"); } catch (NpgsqlException) { }
        };
        return name;
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string ServerConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException(
                $"These tests run on PostgreSQL and {ConnectionVariable} is not set. Run ./scripts/test.sh (it starts a "
                + "throwaway PostgreSQL and sets the variable), or start one yourself and set "
                + $"{ConnectionVariable}=\"Host=127.0.0.1;Port=…;Username=postgres\".");
        return value;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || server is null) return;
        NpgsqlConnection.ClearAllPools();
        // WITH (FORCE): a connection some job left open must not keep the database (PostgreSQL 13 and later).
        Execute(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        server = null;
    }
}
