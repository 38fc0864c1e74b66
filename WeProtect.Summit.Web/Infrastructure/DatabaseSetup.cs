namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>Chooses the database provider from configuration: SQLite in the data folder unless
/// <c>Database:Provider</c> is <c>SqlServer</c> or <c>Postgres</c>, with <c>ConnectionStrings:Summit</c>.</summary>
public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
    public const string Postgres = "Postgres";

    public static string Provider(IConfiguration configuration) => configuration["Database:Provider"] switch
    {
        null or "" => Sqlite,
        var p when string.Equals(p, SqlServer, StringComparison.OrdinalIgnoreCase) => SqlServer,
        var p when string.Equals(p, Postgres, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p, "PostgreSQL", StringComparison.OrdinalIgnoreCase) => Postgres,
        var p when string.Equals(p, Sqlite, StringComparison.OrdinalIgnoreCase) => Sqlite,
        // A misspelt provider must not quietly run the app on an empty SQLite file beside the real database.
        var p => throw new InvalidOperationException($"Database:Provider is '{p}': use Sqlite, SqlServer or Postgres."),
    };

    /// <summary>The connection string of a server provider, or a start-up error that says what is missing.</summary>
    public static string ServerConnectionString(IConfiguration configuration, string provider)
    {
        var connectionString = configuration.GetConnectionString("Summit");
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"Database:Provider is {provider} but ConnectionStrings:Summit is empty.")
            : connectionString;
    }

    public static void AddSummitDatabase(this IServiceCollection services, IConfiguration configuration, DataFolder data)
    {
        var provider = Provider(configuration);
        var connectionString = configuration.GetConnectionString("Summit");
        services.AddSingleton<Localization.SummitLanguages>();
        services.AddSingleton<PublicPageCache>();
        services.AddDbContext<SummitDbContext>((services, options) =>
        {
            options.AddInterceptors(services.GetRequiredService<PublicPageCache>());
            // A unique index or concurrency token refusing a racing write is an expected answer that the caller turns
            // into a message; a failure nobody handles still reaches the error log through the exception handler.
            options.ConfigureWarnings(w => w.Log(
                (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Information),
                (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Information)));
            if (provider == SqlServer)
            {
                options.UseSqlServer(ServerConnectionString(configuration, provider), o => o.MigrationsAssembly("WeProtect.Summit.Migrations.SqlServer").UseQuerySplittingBehavior(Splitting));
            }
            else if (provider == Postgres)
            {
                options.UseNpgsql(ServerConnectionString(configuration, provider), o => o.MigrationsAssembly("WeProtect.Summit.Migrations.Postgres").UseQuerySplittingBehavior(Splitting));
            }
            else
            {
                options.UseSqlite(connectionString ?? $"Data Source={SqlitePath(data)}",
                    o => o.MigrationsAssembly("WeProtect.Summit.Migrations.Sqlite").UseQuerySplittingBehavior(Splitting));
            }
        });
    }

    /// <summary>One query per read, said explicitly (EF warns when it is left unsaid): the collections read together
    /// are a row's own few (a registration's answers and needs, a report's entries and attachments, a breakout's
    /// facilitators), where one round trip and one consistent read beat avoiding a small cartesian product. A read of
    /// many rows' collections asks for <c>AsSplitQuery()</c> (see <c>PublishedFigures</c>).</summary>
    private const QuerySplittingBehavior Splitting = QuerySplittingBehavior.SingleQuery;

    public static string SqlitePath(DataFolder data) => data.Combine("summit.db");

    /// <summary>EF Core's SQLite migration lock is a row that a process killed mid-migration (Ctrl+C on first
    /// start) leaves behind, after which every start waits forever. Migrations take seconds, so a lock older than
    /// ten minutes is stale.</summary>
    private static async Task ReleaseStaleSqliteMigrationLockAsync(SummitDbContext db, ILogger logger)
    {
        // The wall clock, not the app's: EF Core stamps the lock with the real time.
        var cutoff = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("yyyy-MM-dd HH:mm:ss");
        var exists = await db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'").SingleAsync();
        if (exists == 0) return;
        var released = await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\" WHERE \"Timestamp\" < {0}", cutoff);
        if (released > 0) logger.LogWarning("Released a stale migration lock left by an interrupted start");
    }

    /// <summary>Applies pending migrations. SQLite gets write-ahead logging so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, ILogger logger)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        if (db.Database.IsSqlite()) await ReleaseStaleSqliteMigrationLockAsync(db, logger);
        if (await DatabaseFromAnotherBuild.UnknownMigrationsAsync(db) is [var unknown, ..])
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            // Only the embedded default on a developer's machine is moved aside; a configured database is never touched.
            if (!db.Database.IsSqlite() || !string.IsNullOrEmpty(configuration.GetConnectionString("Summit"))
                || !services.GetRequiredService<IHostEnvironment>().IsDevelopment())
                throw new DatabaseFromAnotherBuildException(DatabaseFromAnotherBuild.Refusal(
                    db.Database.IsSqlite() ? db.Database.GetDbConnection().DataSource : db.Database.GetDbConnection().Database, unknown));
            var aside = DatabaseFromAnotherBuild.MoveAside(services.GetRequiredService<DataFolder>(), unknown,
                services.GetRequiredService<Audit.AuditCheckpoints>().FilePath, services.GetRequiredService<TimeProvider>().GetUtcNow());
            logger.LogWarning("The database was made by another build (migration {Migration}): moved aside to {Folder}; a new one is made", unknown, aside);
        }
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        logger.LogInformation("Database ready ({Provider}): {Source}", db.Database.ProviderName,
            db.Database.IsSqlite() ? db.Database.GetDbConnection().DataSource : db.Database.GetDbConnection().Database);
    }
}
