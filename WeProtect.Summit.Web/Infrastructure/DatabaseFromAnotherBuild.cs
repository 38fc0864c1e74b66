using Microsoft.Data.Sqlite;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>A database whose migration history names a migration this build does not have. Until the first release
/// each provider has one Initial migration, written again when the model changes (README, "Database migrations"), so
/// a database made by an earlier build would otherwise fail half-way through migrating ("table already exists").
/// The embedded SQLite default in Development (a developer's or a trial's machine) is moved aside, whole, and a new
/// one made; anywhere else the app refuses to start and says what to do: nothing is ever deleted.</summary>
public static class DatabaseFromAnotherBuild
{
    /// <summary>The migrations applied to the database that this build does not know, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> UnknownMigrationsAsync(SummitDbContext db)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        return [.. (await db.Database.GetAppliedMigrationsAsync()).Where(m => !known.Contains(m))];
    }

    /// <summary>Moves the SQLite file (with its write-ahead log) and the audit checkpoints kept for it into a folder
    /// named after the unknown migration, beside where they were; returns that folder.</summary>
    public static string MoveAside(DataFolder data, string unknownMigration, string checkpointsFile, DateTimeOffset now)
    {
        SqliteConnection.ClearAllPools(); // pooled connections hold the file open
        var database = DatabaseSetup.SqlitePath(data);
        var aside = data.Combine($"from-another-build-{unknownMigration}-{now.UtcDateTime:yyyyMMddHHmmss}");
        Directory.CreateDirectory(aside);
        foreach (var file in new[] { database, database + "-wal", database + "-shm", checkpointsFile })
            if (File.Exists(file)) File.Move(file, Path.Combine(aside, Path.GetFileName(file)));
        return aside;
    }

    /// <summary>What the operator reads when the app refuses to start.</summary>
    public static string Refusal(string source, string unknownMigration) =>
        $"The database {source} was made by another build of WeProtect Summit: it has the migration {unknownMigration}, which this build does not have " +
        "(until the first release the Initial migration is written again when the model changes). Nothing was changed. Run the build that made it, " +
        "or move the database aside and start again to make a new one.";
}
