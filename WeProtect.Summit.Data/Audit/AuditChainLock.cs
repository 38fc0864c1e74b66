using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace WeProtect.Summit.Data.Audit;

/// <summary>Puts appends to the audit chain in one order across connections: each row holds the hash of the row
/// before it, so two transactions must not both append after the same row. SQLite has one writer at a time already.
/// PostgreSQL and SQL Server run writers at once: without a lock, of many parallel requests all but one collide on
/// the unique Sequence and retry, and under load some run out of attempts (a 500 for a change that was valid). The
/// lock belongs to the transaction and is released by its commit or rollback. Provider-specific SQL, in this one
/// place; it is taken after the transaction's other writes, just before the chain is read, so that it is always
/// the last lock a transaction waits for.</summary>
internal static class AuditChainLock
{
    public static Task TakeAsync(DatabaseFacade database, CancellationToken ct) => database.ProviderName switch
    {
        // An advisory lock on a constant key that stands for the audit chain (any bigint unused elsewhere).
        "Npgsql.EntityFrameworkCore.PostgreSQL" => database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4175648276)", ct),
        // An application lock owned by the transaction; not run on this machine (no SQL Server here).
        "Microsoft.EntityFrameworkCore.SqlServer" => database.ExecuteSqlRawAsync(
            "EXEC sp_getapplock @Resource = N'audit-chain', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = -1", ct),
        _ => Task.CompletedTask,
    };
}
