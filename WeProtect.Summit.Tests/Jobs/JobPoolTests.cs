using Microsoft.Data.SqlClient;
using Npgsql;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Jobs;

/// <summary>The job queue's connection string differs from the app's only in what makes it a pool of its own (its
/// application name) and in a small limit, on both server providers: the same server, database and credentials.</summary>
public class JobPoolTests
{
    [Fact]
    public void On_postgres_the_jobs_have_their_own_small_pool_on_the_same_database()
    {
        const string app = "Host=db;Database=summit;Username=summit;Password=secret;Timeout=60";
        var jobs = new NpgsqlConnectionStringBuilder(JobPool.Postgres(app));
        Assert.NotEqual(app, jobs.ConnectionString);
        Assert.Equal(("db", "summit", "summit", "secret", 60), (jobs.Host, jobs.Database, jobs.Username, jobs.Password, jobs.Timeout));
        Assert.Equal("WeProtect Summit (jobs)", jobs.ApplicationName);
        Assert.Equal(JobPool.MaxConnections, jobs.MaxPoolSize);
        Assert.Equal(10, new NpgsqlConnectionStringBuilder(JobPool.Postgres(app + ";Maximum Pool Size=10;Application Name=summit-eu")).MaxPoolSize);
        Assert.Equal("summit-eu (jobs)", new NpgsqlConnectionStringBuilder(JobPool.Postgres(app + ";Application Name=summit-eu")).ApplicationName);
    }

    [Fact]
    public void On_sql_server_the_jobs_have_their_own_small_pool_on_the_same_database()
    {
        const string app = "Server=db;Database=WeProtectSummit;User Id=sa;Password=secret;TrustServerCertificate=True;Connect Timeout=60";
        var jobs = new SqlConnectionStringBuilder(JobPool.SqlServer(app));
        Assert.Equal(("db", "WeProtectSummit", "sa", "secret", 60), (jobs.DataSource, jobs.InitialCatalog, jobs.UserID, jobs.Password, jobs.ConnectTimeout));
        Assert.Equal("WeProtect Summit (jobs)", jobs.ApplicationName);
        Assert.Equal(JobPool.MaxConnections, jobs.MaxPoolSize);
    }
}
