using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WeProtect.Summit.Data;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Tests.Support;

/// <summary>The real app on a fresh SQLite database in its own temporary data folder. Use one per test class
/// (<c>IClassFixture&lt;SummitAppFactory&gt;</c>) and give each test its own users.</summary>
public class SummitAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "weprotect-summit-tests", Guid.NewGuid().ToString("N"));

    public const string TestPasswordHashIterations = "1000";
    public const string PublicBaseUrl = "http://localhost";

    private bool checkedLog;
    private string? passwordHash;

    public string OutboxFolder => Path.Combine(DataFolder, "outbox");

    /// <summary>The app's clock (its <see cref="TimeProvider"/>), starting at the real time; tests move it with
    /// <c>Clock.Advance(…)</c> instead of rewriting rows. It stands still between moves. What reads it: every desk,
    /// job and page, sign-in cookies and security stamps (ASP.NET Core takes the registered TimeProvider), the signing
    /// step-up's TOTP check. What keeps real time: Identity's lockout and its log-in TOTP check, data-protection keys
    /// and tokens, and Hangfire's own scheduling (none of them takes a TimeProvider), so a test that moves the clock
    /// far must not rely on those.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Now, by the app's clock.</summary>
    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;
    /// <summary>Every line this app logged (see <see cref="LogCollector"/>).</summary>
    public LogCollector Log { get; } = new();

    /// <summary>Personal values this app was given by the test helpers (names, addresses); none may be logged.</summary>
    public ConcurrentBag<string> PersonalValues { get; } = [];

    /// <summary>Rows changed after their transaction's audit append (see <see cref="AuditLastGuard"/>); none may be.</summary>
    public AuditLastGuard AuditOrder { get; } = new();

    /// <summary>Whether the app's data folder starts with the migrated database and the key-encryption certificate
    /// every app makes on its first start (<see cref="StartTemplate"/>); false where that first start is what is tested.</summary>
    protected virtual bool StartsFromTemplate => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (StartsFromTemplate && !Directory.Exists(DataFolder)) StartTemplate.CopyInto(DataFolder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataFolder", DataFolder);
        // E-mailed links are built from this, never from the request's Host (the test server's own address).
        builder.UseSetting("PublicBaseUrl", PublicBaseUrl);
        // Hashing a password costs 100,000 PBKDF2 rounds by default: every test user and log-in paid it, minutes of
        // the suite's CPU (the app nodes of the deployment tests are given the same count).
        builder.UseSetting(PasswordHashing.IterationsKey, TestPasswordHashIterations);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The app's reporting sweep runs on real time beside the tests: at 14 days it would remind the organisations of
        // every test cycle between a grant and a submission, into the reminders and audit trails those tests count.
        // A second before the deadline, it leaves them alone; the sweep's own tests use DefaultReminderApp.
        builder.UseSetting("Reporting:ReminderBefore", "00:00:01");
        // Likewise the invitation sweep: a second before a summit's registration closes (its tests use a factory of their own).
        builder.UseSetting("Invitations:ReminderBefore", "00:00:01");
        // Every test client comes from one address: per-address limits generous here (the per-account defaults
        // stay, each test has its own users); the rate-limit tests set tight ones on a factory of their own.
        foreach (var action in Enum.GetNames<WeProtect.Summit.Web.Infrastructure.RateLimits.RateLimitedAction>())
            builder.UseSetting($"RateLimits:{action}:PermitLimit", "100000");
        // Hangfire's log provider is process-wide: it points at the logger factory of the last app started, which
        // throws once that app is disposed and would stop the job servers of the other test apps running beside it.
        // (Job storage and activator are per app already, see HangfireSetup.)
        builder.ConfigureLogging(logging => logging.AddProvider(Log)
            .AddFilter<LogCollector>(null, LogLevel.Information)
            .AddFilter<LogCollector>("Microsoft.EntityFrameworkCore", LogLevel.Warning)
            // As appsettings.json has it: request lines (addresses with tokens in them) are not logged.
            .AddFilter<LogCollector>("Microsoft.AspNetCore", LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureDbContext<SummitDbContext>(o => o.AddInterceptors(AuditOrder));
            var configuration = services.Last(d => d.ServiceType == typeof(Hangfire.IGlobalConfiguration));
            services.Remove(configuration);
            services.AddSingleton<Hangfire.IGlobalConfiguration>(provider =>
            {
                var global = (Hangfire.IGlobalConfiguration)configuration.ImplementationFactory!(provider);
                Hangfire.Logging.LogProvider.SetCurrentLogProvider(QuietHangfireLog.Instance);
                return global;
            });
        });
    }

    /// <summary>Hangfire's own logging, off: the tests read outcomes from the database and the outbox.</summary>
    private sealed class QuietHangfireLog : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public static readonly QuietHangfireLog Instance = new();
        public Hangfire.Logging.ILog GetLogger(string name) => this;
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see every 302.</summary>
    public FormClient CreateFormClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Creates a confirmed user directly in the database, with the given roles.</summary>
    public async Task<SummitUser> CreateUserAsync(string? email = null, string fullName = "Test User", params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>();
        email ??= $"user-{Guid.NewGuid():N}@example.org";
        PersonalValues.Add(email);
        PersonalValues.Add(fullName);
        // The hash of Password, made once: CreateAsync(user, Password) ran the strength check (zxcvbn's dictionary
        // match, tens of milliseconds) for every test user, several per cent of the suite's CPU. The pages that take
        // a new password test that check themselves.
        passwordHash ??= scope.ServiceProvider.GetRequiredService<IPasswordHasher<SummitUser>>().HashPassword(new SummitUser(), Password);
        var user = new SummitUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, CreatedUtc = UtcNow, PasswordHash = passwordHash };
        var result = await users.CreateAsync(user);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        if (roles.Length > 0) Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        return user;
    }

    /// <summary>Saves <paramref name="language"/> as the language <paramref name="user"/> reads the app and its e-mails in.</summary>
    public Task PreferLanguageAsync(SummitUser user, string language) => WithDbAsync(async db =>
    {
        var row = await db.Users.SingleAsync(u => u.Id == user.Id);
        Assert.Null(row.PreferLanguage(language));
        await db.SaveChangesAsync();
    });

    /// <summary>Many users with the password <see cref="Password"/>, written in one insert for the load tests (hundreds
    /// through <see cref="UserManager{TUser}"/> cost a validator run and two look-ups each): what Identity's CreateAsync
    /// stores for a confirmed account without a role, the same hash for all.</summary>
    public async Task<List<SummitUser>> CreateUsersAsync(int count, Func<int, string> fullName)
    {
        using var scope = Services.CreateScope();
        var normalizer = scope.ServiceProvider.GetRequiredService<ILookupNormalizer>();
        var hash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<SummitUser>>().HashPassword(new SummitUser(), Password);
        var users = Enumerable.Range(0, count).Select(i =>
        {
            var email = $"user-{Guid.NewGuid():N}@example.org";
            PersonalValues.Add(email);
            PersonalValues.Add(fullName(i));
            return new SummitUser
            {
                UserName = email, NormalizedUserName = normalizer.NormalizeName(email), Email = email,
                NormalizedEmail = normalizer.NormalizeEmail(email), EmailConfirmed = true, FullName = fullName(i), CreatedUtc = UtcNow,
                PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
        }).ToList();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users;
    }

    /// <summary>A new client, logged in as <paramref name="user"/> (password <see cref="Password"/>) through the log-in
    /// form. The browser tests' counterpart is <c>BrowserFixture.LogInAsync(page, email)</c>.</summary>
    public async Task<FormClient> LogInAsync(SummitUser user)
    {
        var client = CreateFormClient();
        await client.LogInAsync(user.Email!, Password);
        return client;
    }

    /// <summary>A new user with the given roles (none: a signed-in user without a role), logged in through the
    /// log-in form as a browser would, so every test goes through the app's real authentication.</summary>
    public async Task<(FormClient Client, SummitUser User)> LoggedInUserAsync(params string[] roles)
    {
        var user = await CreateUserAsync(null, "Test " + (roles.Length == 0 ? "Member" : string.Join(" ", roles)), roles);
        var client = CreateFormClient();
        await client.LogInAsync(user.Email!, Password);
        return (client, user);
    }

    public async Task<FormClient> LoggedInClientAsync(params string[] roles) => (await LoggedInUserAsync(roles)).Client;

    /// <summary>The token of the one-time first-administrator link the app printed at start-up, or null once used (or
    /// when an administrator exists). FirstAdminSetup keeps it private on purpose; the tests read it as the console reader would.</summary>
    public string? FirstAdminToken() => (string?)typeof(WeProtect.Summit.Web.Accounts.FirstAdminSetup)
        .GetField("token", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
        ?.GetValue(Services.GetRequiredService<WeProtect.Summit.Web.Accounts.FirstAdminSetup>());

    /// <summary>Runs <paramref name="work"/> against the app's database in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<SummitDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<SummitDbContext>());
    }

    public async Task WithDbAsync(Func<SummitDbContext, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<SummitDbContext>());
    }

    /// <summary>Messages in the pick-up folder, newest last.</summary>
    public virtual IReadOnlyList<MimeKit.MimeMessage> SentMail() => Directory.Exists(OutboxFolder)
        ? Directory.EnumerateFiles(OutboxFolder, "*.eml").Order(StringComparer.Ordinal).Select(path => MimeKit.MimeMessage.Load(path)).ToList()
        : [];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // Every line this app logged during its tests, searched once it has stopped: the log rule holds for the
        // whole run, not only for the journeys LogContentTests walks. A leak fails the test class's clean-up.
        if (disposing && !checkedLog)
        {
            checkedLog = true;
            var lines = Log.Lines.ToList();
            var leaks = LogLeaks.In(lines, PersonalValues);
            if (leaks.Count > 0) throw new InvalidOperationException(LogLeaks.Describe(leaks, lines.Count));
            if (!AuditOrder.Found.IsEmpty)
                throw new InvalidOperationException("A desk changed rows after appending to the audit trail, where a deadlock waits:\n"
                    + string.Join("\n", AuditOrder.Found.Distinct().Order()));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
