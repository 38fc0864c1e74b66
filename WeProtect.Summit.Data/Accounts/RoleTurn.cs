namespace WeProtect.Summit.Data.Accounts;

/// <summary>Changes to who holds a role, one at a time: inside a transaction, a write to the role's own row (a new
/// concurrency stamp), which a second transaction changing the same role waits for — a row lock on PostgreSQL and SQL
/// Server; SQLite takes one writer at a time — and after which its reads see what the first committed. Every provider
/// runs the same statement, so no provider-specific locking SQL is needed.</summary>
public static class RoleTurn
{
    /// <summary>Takes the turn of <paramref name="role"/> until the transaction ends: its id, or null when the role does
    /// not exist (the app creates both at start-up).</summary>
    public static async Task<string?> TakeAsync(SummitDbContext db, string role, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A role's turn is taken inside a transaction.");
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (roleId is null) return null;
        await db.Roles.Where(r => r.Id == roleId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ConcurrencyStamp, Guid.NewGuid().ToString()), ct);
        return roleId;
    }
}
