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
        services.AddScoped<AllowanceSweep>();
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
        // A sweep runs on its schedule and, unless said otherwise, once at start-up (what the last run missed).
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        void Sweep<TSweep>(string id, System.Linq.Expressions.Expression<Func<TSweep, Task>> run, string cron, bool atStart = true)
        {
            Recurring(() => recurring.AddOrUpdate(id, run, cron));
            if (atStart) jobs.Enqueue(run);
        }
        Sweep<NotificationSweep>(NotificationSweep.RecurringJobId, s => s.RunAsync(CancellationToken.None), sweepEvery);
        // Signing invitations, reminders and closing at the window's end.
        Sweep<SigningSweep>(SigningSweep.RecurringJobId, s => s.RunAsync(CancellationToken.None), sweepEvery);
        // Reporting invitations and automatic reminders before a cycle's deadline.
        Sweep<ReportingSweep>(ReportingSweep.RecurringJobId, s => s.RunAsync(CancellationToken.None), sweepEvery);
        // Reminders to invited organisations that have not nominated, before the deadline.
        Sweep<InvitationReminderSweep>(InvitationReminderSweep.RecurringJobId, s => s.RunAsync(CancellationToken.None), sweepEvery);
        // Scheduled messages and reminders.
        Sweep<ScheduledMessageSweep>(ScheduledMessageSweep.RecurringJobId, s => s.RunAsync(CancellationToken.None), sweepEvery);
        // Personal data past its summit's retention date: once a day (a missed day runs when the server is back).
        Sweep<RetentionSweep>(RetentionSweep.RecurringJobId, s => s.RunAsync(CancellationToken.None), Cron.Daily(), atStart: false);
        Sweep<CommuniqueSweep>(CommuniqueSweep.RecurringJobId, s => s.RunAsync(CancellationToken.None), sweepEvery);
        // Rate-limit windows that have ended.
        Sweep<AllowanceSweep>(AllowanceSweep.RecurringJobId, s => s.RunAsync(CancellationToken.None), Cron.Hourly(), atStart: false);
        Sweep<Audit.AuditCheckpoints>(Audit.AuditCheckpoints.RecurringJobId, c => c.RunAsync(CancellationToken.None), Cron.Hourly(), atStart: false);
        // Approved visa letters.
        Sweep<VisaLetterSweep>(VisaLetterSweep.RecurringJobId, s => s.RunAsync(CancellationToken.None), sweepEvery);
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
