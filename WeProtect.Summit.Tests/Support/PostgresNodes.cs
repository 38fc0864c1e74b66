using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Npgsql;
using Xunit.Abstractions;

namespace WeProtect.Summit.Tests.Support;

/// <summary>What several app processes (<see cref="NodeProcess"/>) share, as an operator sets it up: one PostgreSQL
/// database of their own on the test server (<see cref="PostgresAppFactory.ConnectionVariable"/>, started by
/// ./scripts/test.sh), the same data-protection key and signing certificates (PFX files with random passwords), and
/// the same audit key, and the environment every node is started with. <see cref="SetupApp"/> writes test data through the usual helpers
/// before the nodes start. Disposing it kills the nodes (printing what they logged unless <see cref="Passed"/>), drops
/// the database and deletes the folder.</summary>
public sealed class PostgresNodes : IAsyncDisposable
{
    private readonly string server;
    private readonly string database;
    private readonly ITestOutputHelper output;
    private readonly List<NodeProcess> nodes = [];
    private readonly (string Path, string Password) keys;
    private readonly (string Path, string Password) signing;
    private readonly string auditKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The one audit MAC key every node and the set-up app sign with (each data folder would otherwise make
    /// its own, and the chain written by several would not verify).</summary>
    public const string AuditKeyId = "nodes-1";

    private PostgresNodes(string server, string name, ITestOutputHelper output)
    {
        this.server = server;
        this.output = output;
        database = $"summit_{name}_{Guid.NewGuid():N}";
        // As README's "Several web nodes" advises: under a burst requests wait in line, first for one of the pool's
        // connections (Timeout, Npgsql's 15 s), then for a row lock (Command Timeout, Npgsql's 30 s; a breakout's
        // seats, the audit chain). On a 2-core machine shared with PostgreSQL, two nodes and the test, the last of
        // 100 bookings waited more than 30 s for the lock, and of 400 registrations more than 15 s for a connection.
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, Timeout = 60, CommandTimeout = 120 }.ConnectionString;
        Folder = Path.Combine(Path.GetTempPath(), "weprotect-summit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        keys = MakePfx(Folder, "keys");
        signing = MakePfx(Folder, "signing");
        Db = new NpgsqlDataSourceBuilder(ConnectionString).Build();
    }

    public string ConnectionString { get; }
    public string Folder { get; }
    /// <summary>The shared database, for the test's own checks (raw SQL, names quoted).</summary>
    public NpgsqlDataSource Db { get; }
    public IReadOnlyList<NodeProcess> Nodes => nodes;
    /// <summary>Set at the end of a test that passed: the nodes' output is printed only for one that did not.</summary>
    public bool Passed { get; set; }

    /// <summary>A fresh database on the test server; fails clearly when the test does not run under ./scripts/test.sh.</summary>
    public static async Task<PostgresNodes> CreateAsync(string name, ITestOutputHelper output)
    {
        var server = Environment.GetEnvironmentVariable(PostgresAppFactory.ConnectionVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException($"This test runs on PostgreSQL and {PostgresAppFactory.ConnectionVariable} is not set: run ./scripts/test.sh.");
        var nodes = new PostgresNodes(server, name, output);
        await ExecuteAsync(server, $"CREATE DATABASE \"{nodes.database}\"");
        return nodes;
    }

    /// <summary>The app in-process on the shared database (which it migrates), to write data before the nodes start.
    /// Dispose it before they do: its own job server would take their jobs.</summary>
    public SharedPostgresAppFactory SetupApp() => new(ConnectionString, keys.Path, keys.Password, auditKey);

    /// <summary>Starts nodes at once (as an operator's deployment does), each as <see cref="StartAsync"/>.</summary>
    public async Task<NodeProcess[]> StartAllAsync(IReadOnlyDictionary<string, string>? settings, params string[] names) =>
        await Task.WhenAll(names.Select(name => StartAsync(name, settings)));

    /// <summary>Starts a node with the shared settings, a data folder of its own and <paramref name="settings"/> (which
    /// win), and waits until it answers /healthz.</summary>
    public async Task<NodeProcess> StartAsync(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Summit"] = ConnectionString,
            ["Deployment__Nodes"] = "2",
            ["Accounts__PasswordHashIterations"] = SummitAppFactory.TestPasswordHashIterations,
            ["Communiques__Certificate__Path"] = signing.Path,
            ["Communiques__Certificate__Password"] = signing.Password,
            ["DataProtection__Certificate__Path"] = keys.Path,
            ["DataProtection__Certificate__Password"] = keys.Password,
            [$"Audit__Keys__{AuditKeyId}"] = auditKey,
            ["PublicBaseUrl"] = SummitAppFactory.PublicBaseUrl,
            ["Storage__DataFolder"] = Path.Combine(Folder, name),
        };
        // Every test client comes from one address: per-address limits generous, as in SummitAppFactory.
        foreach (var action in Enum.GetNames<WeProtect.Summit.Web.Infrastructure.RateLimits.RateLimitedAction>())
            environment[$"RateLimits__{action}__PermitLimit"] = "100000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        var node = NodeProcess.Start(environment);
        lock (nodes) nodes.Add(node);
        await node.WaitUntilReadyAsync();
        return node;
    }

    /// <summary>A form client on one node with the user's cookies (shared between nodes: the same keys read them).</summary>
    public static FormClient Client(NodeProcess node, CookieContainer cookies) =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
            { BaseAddress = new Uri(node.BaseUrl), Timeout = TimeSpan.FromSeconds(120) });

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = Db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<string?> TextAsync(string sql)
    {
        await using var command = Db.CreateCommand(sql);
        return await command.ExecuteScalarAsync() as string;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            // What a node logged (warnings and errors): the reason behind a 5xx is there.
            if (!Passed) output.WriteLine($"Node on port {node.Port}{(node.HasExited ? $" exited ({node.ExitCode})" : "")}:\n{Tail(node.Output)}");
            node.Dispose();
        }
        await Db.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string Tail(string text) => text.Length <= 20_000 ? text : text[^20_000..];

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A self-signed PFX with a random password, as an operator would mount on every node.</summary>
    public static (string Path, string Password) MakePfx(string folder, string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=WeProtect Summit test {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation
            | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var path = Path.Combine(folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return (path, password);
    }
}
