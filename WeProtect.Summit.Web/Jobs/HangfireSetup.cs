using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Hangfire: in-memory storage on the embedded SQLite default, SQL Server or PostgreSQL storage in the app's
/// own database with those providers (so that several web nodes share one queue). Jobs take ids and read the database, which stays the source of truth.</summary>
public static class HangfireSetup
{
    public const string DashboardPath = "/Organiser/Jobs";

    public static void AddSummitJobs(this IServiceCollection services, IConfiguration configuration)
    {
        // The storage is this app's own service, not Hangfire's process-wide JobStorage.Current, so that two app
        // instances in one process (the tests run many) never hand jobs to each other.
        services.AddSingleton<JobStorage>(_ => DatabaseSetup.Provider(configuration) switch
        {
            DatabaseSetup.SqlServer => new SqlServerStorage(JobPool.SqlServer(DatabaseSetup.ServerConnectionString(configuration, DatabaseSetup.SqlServer)),
                new SqlServerStorageOptions { SlidingInvisibilityTimeout = JobSettings.InvisibilityTimeout(configuration) }),
            // Hangfire's tables go to their own schema ("hangfire"), created at start-up, beside the app's tables.
            DatabaseSetup.Postgres => PostgresStorage(JobPool.Postgres(DatabaseSetup.ServerConnectionString(configuration, DatabaseSetup.Postgres)),
                JobSettings.InvisibilityTimeout(configuration)),
            _ => new InMemoryStorage(),
        });
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((provider, o) =>
        {
            o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            // Jobs are built from this app's container, not from the process-wide default activator.
            o.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>());
        });
        services.AddScoped<NotificationJob>();
        services.AddScoped<NotificationSweep>();
        services.AddScoped<NotificationLetters>();
        services.AddScoped<SigningSweep>();
        services.AddScoped<ReportingSweep>();
        services.AddScoped<InvitationReminderSweep>();
        services.AddScoped<ScheduledMessageSweep>();
        services.AddScoped<RetentionSweep>();
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<HandOver>();
        services.AddSingleton<INotificationQueue, HangfireNotificationQueue>();
        services.AddSingleton<Pdf.SigningCertificates>();
        services.AddSingleton<Pdf.TimestampAuthority>();
        services.AddScoped<CommuniqueJob>();
        services.AddScoped<CommuniqueSweep>();
        services.AddScoped<CommuniqueDesk>();
        services.AddSingleton<ICommuniqueQueue, HangfireCommuniqueQueue>();
        services.AddScoped<VisaLetterJob>();
        services.AddScoped<VisaLetterSweep>();
        services.AddSingleton<Data.Accreditations.IVisaLetterQueue, HangfireVisaLetterQueue>();
    }

    private static PostgreSqlStorage PostgresStorage(string connectionString, TimeSpan invisibilityTimeout)
    {
        // Hangfire.PostgreSql polls its queue every 15 s by default; an organiser waits for a communiqué and a delegate
        // for a confirmation, so poll every second (a cheap indexed query per worker). Its invisibility timeout is 30
        // minutes and fixed by default: a job taken by a node that died waited that long; sliding, it is renewed while
        // the job runs and can be short (see JobSettings).
        var options = new PostgreSqlStorageOptions
        {
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
            InvisibilityTimeout = invisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>The dashboard for organisers, and the sweep that re-enqueues whatever the database says is unsent.</summary>
    public static void UseSummitJobs(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new OrganiserOnly()],
            AppPath = "/",
            DashboardTitle = "WeProtect Summit jobs",
        });
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        var sweepEvery = JobSettings.SweepCron(app.Configuration);
        // A node killed while it registered the recurring jobs holds Hangfire's lock until the lock times out; the
        // registration is already stored (the same job, the same schedule), so a restarting node goes on without it
        // rather than failing to start.
        void Recurring(Action register)
        {
            try { register(); }
            catch (Exception e) when (e is Hangfire.Storage.DistributedLockTimeoutException or PostgreSqlDistributedLockException)
            {
                app.Logger.LogWarning("A recurring job's lock is held by another node; its stored schedule is kept.");
            }
        }
        Recurring(() => recurring.AddOrUpdate<NotificationSweep>(NotificationSweep.RecurringJobId, sweep => sweep.RunAsync(CancellationToken.None), sweepEvery));
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<NotificationSweep>(sweep => sweep.RunAsync(CancellationToken.None));
        // Signing invitations, reminders and closing at the window's end: every minute, and once at start-up.
        Recurring(() => recurring.AddOrUpdate<SigningSweep>(SigningSweep.RecurringJobId, sweep => sweep.RunAsync(CancellationToken.None), sweepEvery));
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<SigningSweep>(sweep => sweep.RunAsync(CancellationToken.None));
        // Reporting invitations and automatic reminders before a cycle's deadline: every minute, and once at start-up.
        Recurring(() => recurring.AddOrUpdate<ReportingSweep>(ReportingSweep.RecurringJobId, sweep => sweep.RunAsync(CancellationToken.None), sweepEvery));
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ReportingSweep>(sweep => sweep.RunAsync(CancellationToken.None));
        // Reminders to invited organisations that have not nominated, before the deadline: every minute, and once at start-up.
        Recurring(() => recurring.AddOrUpdate<InvitationReminderSweep>(InvitationReminderSweep.RecurringJobId, sweep => sweep.RunAsync(CancellationToken.None), sweepEvery));
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<InvitationReminderSweep>(sweep => sweep.RunAsync(CancellationToken.None));
        // Scheduled messages and reminders: every minute, and once at start-up.
        Recurring(() => recurring.AddOrUpdate<ScheduledMessageSweep>(ScheduledMessageSweep.RecurringJobId, sweep => sweep.RunAsync(CancellationToken.None), sweepEvery));
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ScheduledMessageSweep>(sweep => sweep.RunAsync(CancellationToken.None));
        // Personal data past its summit's retention date: once a day (a missed day runs when the server is back).
        Recurring(() => recurring.AddOrUpdate<RetentionSweep>(RetentionSweep.RecurringJobId, sweep => sweep.RunAsync(CancellationToken.None), Cron.Daily));
        Recurring(() => recurring.AddOrUpdate<CommuniqueSweep>(CommuniqueSweep.RecurringJobId, sweep => sweep.RunAsync(CancellationToken.None), sweepEvery));
        Recurring(() => recurring.AddOrUpdate<Audit.AuditCheckpoints>(Audit.AuditCheckpoints.RecurringJobId, c => c.RunAsync(CancellationToken.None), Cron.Hourly));
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<CommuniqueSweep>(sweep => sweep.RunAsync(CancellationToken.None));
        // Approved visa letters: every minute, and once at start-up.
        Recurring(() => recurring.AddOrUpdate<VisaLetterSweep>(VisaLetterSweep.RecurringJobId, sweep => sweep.RunAsync(CancellationToken.None), sweepEvery));
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<VisaLetterSweep>(sweep => sweep.RunAsync(CancellationToken.None));
    }

    private sealed class OrganiserOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.IsInRole(Roles.Organiser) || user.IsInRole(Roles.Admin);
        }
    }
}
