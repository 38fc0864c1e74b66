using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Watches every transaction of a test app for a row changed after the transaction appended to the audit
/// trail. On PostgreSQL the append holds the audit chain's lock until commit (see AuditChainLock), so a desk that
/// updates a row after it waits for that row while holding the lock every other writer needs: a deadlock with a
/// transaction that locked the row first (found as a nominee registering while the focal point withdrew the
/// nomination). Checked on every provider, because the order is the desk's, not the database's; the factory fails
/// its clean-up listing each place (<see cref="Found"/>).</summary>
public sealed partial class AuditLastGuard : DbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbTransaction, object> appended = [];

    // Npgsql hands out the same transaction object again on a pooled connection: a new transaction starts unmarked.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        appended.Remove(result);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        appended.Remove(result);
        return ValueTask.FromResult(result);
    }

    public ConcurrentBag<string> Found { get; } = [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command)
    {
        var text = command.CommandText;
        if (command.Transaction is not { } transaction) return;
        if (appended.TryGetValue(transaction, out _))
        {
            foreach (Match change in RowChange().Matches(text))
            {
                if (change.Groups["table"].Value is "AuditEvents") continue;
                var desk = string.Join(" ← ", new System.Diagnostics.StackTrace().GetFrames()
                    .Select(f => f.GetMethod())
                    .Where(m => m?.DeclaringType?.FullName?.StartsWith("WeProtect.Summit.Data", StringComparison.Ordinal) == true
                        || m?.DeclaringType?.FullName?.StartsWith("WeProtect.Summit.Web", StringComparison.Ordinal) == true)
                    .Select(m => $"{m!.DeclaringType!.Name}.{m.Name}").Distinct().Take(6));
                Found.Add($"{change.Value.Trim(';', ' ', '\n', '\r')} after the audit append, in {desk}");
            }
        }
        if (AuditInsert().IsMatch(text)) appended.AddOrUpdate(transaction, this);
    }

    [GeneratedRegex("""INSERT INTO "AuditEvents"|pg_advisory_xact_lock\(4175648276\)""")]
    private static partial Regex AuditInsert();

    /// <summary>An UPDATE or DELETE statement (EF batches several in one command) and the table it changes.</summary>
    [GeneratedRegex(@"(?:^|;)\s*(?:UPDATE|DELETE FROM)\s+""(?<table>\w+)""", RegexOptions.Multiline)]
    private static partial Regex RowChange();
}
