using Microsoft.Data.Sqlite;
using Npgsql;
using WeProtect.Summit.Web.Infrastructure;

namespace WeProtect.Summit.Tests.Database;

/// <summary>Which failures are "the database was busy, try again" (503) on each provider, and which stay errors.</summary>
public class DatabaseBusyTests
{
    public static TheoryData<Exception> Busy() =>
    [
        new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt"))),
        new PostgresException("deadlock detected", "ERROR", "ERROR", "40P01"),
        new PostgresException("canceling statement due to statement timeout", "ERROR", "ERROR", "57014"),
        new DbUpdateException("save failed", new SqliteException("database is locked", 5)),
    ];

    public static TheoryData<Exception> NotBusy() =>
    [
        new DbUpdateException("save failed", new SqliteException("UNIQUE constraint failed", 19)),
        new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"),
        new InvalidOperationException("Sequence contains no elements"),
    ];

    [Theory, MemberData(nameof(Busy))]
    public void A_timeout_a_deadlock_or_a_held_lock_is_busy(Exception failure) => Assert.True(DatabaseBusy.Is(failure));

    [Theory, MemberData(nameof(NotBusy))]
    public void A_broken_rule_or_a_bug_is_not(Exception failure) => Assert.False(DatabaseBusy.Is(failure));
}
