using Microsoft.Data.Sqlite;
using Npgsql;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>Whether a request failed because the database was too busy to answer in time (a lock waited for longer
/// than the command timeout, a deadlock victim, SQLite's writer lock): the desk's transaction was rolled back, so
/// nothing was saved, and the same request a moment later succeeds. Such a failure is answered 503 "try again" (see
/// the Error page), not 500. Found under a burst of 100 bookings for one breakout on two nodes, where the last ones
/// queued on the breakout's row lock longer than PostgreSQL's 30-second command timeout.</summary>
public static class DatabaseBusy
{
    /// <summary>Seconds a client is asked to wait (Retry-After).</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutException:
                // Deadlock victim, lock not available, statement cancelled by a timeout, serialisation failure.
                case PostgresException pg when pg.SqlState is "40P01" or "55P03" or "57014" or "40001":
                // Command timeout, deadlock victim, lock request timeout.
                case Microsoft.Data.SqlClient.SqlException sql when sql.Number is -2 or 1205 or 1222:
                // SQLITE_BUSY, SQLITE_LOCKED.
                case SqliteException lite when lite.SqliteErrorCode is 5 or 6:
                    return true;
            }
        }
        return false;
    }
}
