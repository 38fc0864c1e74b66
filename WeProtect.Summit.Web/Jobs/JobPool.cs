namespace WeProtect.Summit.Web.Jobs;

/// <summary>The job queue's connections come from a pool of their own (a connection string differing in its
/// application name is pooled apart, by Npgsql and SqlClient alike). In one shared pool, a burst of requests held every
/// connection while each, its work committed, waited for one more to hand its letter to the queue: none came back
/// until the pool's timeout (found with 400 registrations through two nodes). The job pool is small; the database's
/// connection limit must cover both pools of every node (README, "Several web nodes").</summary>
public static class JobPool
{
    public const int MaxConnections = 30;
    private const string Suffix = " (jobs)";

    public static string Postgres(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        builder.ApplicationName = (builder.ApplicationName ?? "WeProtect Summit") + Suffix;
        builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, MaxConnections);
        return builder.ConnectionString;
    }

    public static string SqlServer(string connectionString)
    {
        var builder = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString);
        // SqlClient reports its own name when none is given.
        var given = builder.ApplicationName == new Microsoft.Data.SqlClient.SqlConnectionStringBuilder().ApplicationName ? null : builder.ApplicationName;
        builder.ApplicationName = (given ?? "WeProtect Summit") + Suffix;
        builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, MaxConnections);
        return builder.ConnectionString;
    }
}
