using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace WeProtect.Summit.Tests.Support;

/// <summary>The real app on PostgreSQL: a fresh database of its own (created on first use, dropped on dispose) in the
/// throwaway cluster that ./scripts/test.sh starts and names in <see cref="ConnectionVariable"/>. The race tests run
/// with it as well as with SQLite (a derived test class per race test class), because SQLite serialises every writer
/// and so cannot show what real concurrency does. Without the variable these tests fail, saying how to run them:
/// a race test that passes without its database would prove nothing.</summary>
public class PostgresAppFactory : SummitAppFactory
{
    public const string ConnectionVariable = "SUMMIT_TEST_POSTGRES";

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
                using var connection = new NpgsqlConnection(candidate);
                connection.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                create.ExecuteNonQuery();
                server = candidate;
            }
        }
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Summit", new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
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
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        // WITH (FORCE): a connection some job left open must not keep the database (PostgreSQL 13 and later).
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
        server = null;
    }
}
