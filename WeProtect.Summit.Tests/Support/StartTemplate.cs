using Microsoft.Extensions.Configuration;
using WeProtect.Summit.Data;
using WeProtect.Summit.Web.Infrastructure;

namespace WeProtect.Summit.Tests.Support;

/// <summary>What every test app would otherwise make for itself on its first start, made once per test run and copied
/// into each app's data folder before it starts: the migrated, empty SQLite database (about 200 ms of migrations per
/// app) and the key-encryption certificate (a 2048-bit RSA key, up to 300 ms per app); over two hundred apps, about a
/// minute and a half of the suite's CPU. Each app then starts as a server does on any later start: the migrations find
/// nothing to apply, the certificate is found. The first start itself is tested by the apps that opt out
/// (<see cref="SummitAppFactory.StartsFromTemplate"/>).</summary>
internal static class StartTemplate
{
    private static readonly Lazy<string> Folder = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void CopyInto(string dataFolder)
    {
        var keys = Path.Combine(dataFolder, "keys");
        Directory.CreateDirectory(keys);
        File.Copy(Path.Combine(Folder.Value, "summit.db"), DatabaseSetup.SqlitePath(new DataFolder(dataFolder)));
        var certificate = Path.Combine(keys, KeyEncryptionCertificate.GeneratedFileName);
        File.Copy(KeyEncryptionCertificate.GeneratedPath(new DataFolder(Folder.Value)), certificate);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(certificate, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "weprotect-summit-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        var data = new DataFolder(folder);
        // The app's own migrations, as DatabaseSetup applies them; unpooled, so that the file is complete and closed.
        var options = new DbContextOptionsBuilder<SummitDbContext>()
            .UseSqlite($"Data Source={DatabaseSetup.SqlitePath(data)};Pooling=False", o => o.MigrationsAssembly("WeProtect.Summit.Migrations.Sqlite"))
            .Options;
        using (var db = new SummitDbContext(options)) db.Database.Migrate();
        KeyEncryptionCertificate.Load(new ConfigurationBuilder().Build(), data).Dispose();
        return folder;
    }
}
