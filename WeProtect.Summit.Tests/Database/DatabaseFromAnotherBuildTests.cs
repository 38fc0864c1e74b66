using Microsoft.Data.Sqlite;

namespace WeProtect.Summit.Tests.Database;

/// <summary>A database made by an earlier build (its Initial migration since written again): the app says so and stops,
/// changing nothing, except for the embedded SQLite default in Development, which is moved aside whole (with its audit
/// checkpoints) for a new one — never a half-migrated file, never "table already exists".</summary>
public class DatabaseFromAnotherBuildTests
{
    private const string Unknown = "20200101000000_Initial";

    /// <summary>A data folder whose summit.db has another build's migration history and a row to recognise it by.</summary>
    private static string FolderFromAnotherBuild()
    {
        var folder = Path.Combine(Path.GetTempPath(), "weprotect-summit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "audit"));
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "summit.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('{Unknown}', '10.0.0');
                CREATE TABLE "Summits" ("Id" INTEGER PRIMARY KEY, "Name" TEXT);
                INSERT INTO "Summits" VALUES (1, 'Made by the earlier build');
                """;
            command.ExecuteNonQuery();
        }
        File.WriteAllText(Path.Combine(folder, "audit", "checkpoints.jsonl"), "{\"made\":\"by the earlier build\"}\n");
        return folder;
    }

    private static string SummitName(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Name\" FROM \"Summits\" WHERE \"Id\" = 1";
        return (string)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Outside_development_the_app_refuses_to_start_says_why_and_changes_nothing()
    {
        var folder = FolderFromAnotherBuild();
        using var node = NodeProcess.Start(new Dictionary<string, string> { ["Storage__DataFolder"] = folder });

        Assert.Equal(2, await node.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        Assert.Contains($"was made by another build of WeProtect Summit: it has the migration {Unknown}", node.Output);
        Assert.DoesNotContain("   at ", node.Output); // a message, not a stack trace
        Assert.Equal("Made by the earlier build", SummitName(Path.Combine(folder, "summit.db")));
        Assert.Empty(Directory.GetDirectories(folder, "from-another-build-*"));
        Assert.True(File.Exists(Path.Combine(folder, "audit", "checkpoints.jsonl")));
    }

    [Fact]
    public async Task In_development_the_embedded_database_is_moved_aside_whole_and_a_new_one_made()
    {
        var folder = FolderFromAnotherBuild();
        using var node = NodeProcess.Start(new Dictionary<string, string>
        {
            ["Storage__DataFolder"] = folder, ["ASPNETCORE_ENVIRONMENT"] = "Development",
        });

        await node.WaitUntilReadyAsync();
        var aside = Assert.Single(Directory.GetDirectories(folder, $"from-another-build-{Unknown}-*"));
        Assert.Equal("Made by the earlier build", SummitName(Path.Combine(aside, "summit.db")));
        Assert.True(File.Exists(Path.Combine(aside, "checkpoints.jsonl")));
        Assert.False(File.Exists(Path.Combine(folder, "audit", "checkpoints.jsonl")));
        Assert.Contains("moved aside", node.Output);
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(node.BaseUrl + "/")).StatusCode); // the new database answers pages
    }
}
