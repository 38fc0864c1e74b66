using System.Security.Cryptography;

namespace WeProtect.Summit.Data.Throttling;

/// <summary>Per-account allowances counted in the database, so that several web nodes share one count (an in-memory
/// limiter would give a stranger the allowance once per node). A fixed window starts at an allowance's first use;
/// every step is one conditional statement, so parallel requests on any node never take more than the limit.</summary>
public sealed class AllowanceLedger(SummitDbContext db, TimeProvider clock)
{
    /// <summary>Takes one use of <paramref name="partition"/>'s allowance of <paramref name="limit"/> per
    /// <paramref name="window"/>. Null when granted; otherwise how long until the window ends.</summary>
    public async Task<TimeSpan?> TakeAsync(string partition, int limit, TimeSpan window, CancellationToken ct)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(partition)));
        // A lost race (another request inserted or restarted the window between two statements) goes round again.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var taken = await db.Allowances
                .Where(a => a.Key == key && a.WindowEndsUtc > now && a.Used < limit)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Used, a => a.Used + 1), ct);
            if (taken == 1) return null;

            var current = await db.Allowances.AsNoTracking().Where(a => a.Key == key).Select(a => new { a.WindowEndsUtc, a.Used }).FirstOrDefaultAsync(ct);
            if (current is null)
            {
                var first = new Allowance(key, now + window);
                db.Allowances.Add(first);
                try
                {
                    await db.SaveChangesAsync(ct);
                    return null;
                }
                catch (DbUpdateException)
                {
                    // Another request inserted it first: count against that row.
                }
                finally
                {
                    db.Entry(first).State = EntityState.Detached;
                }
                continue;
            }
            if (current.WindowEndsUtc <= now)
            {
                var restarted = await db.Allowances
                    .Where(a => a.Key == key && a.WindowEndsUtc <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Used, 1).SetProperty(a => a.WindowEndsUtc, now + window), ct);
                if (restarted == 1) return null;
                continue;
            }
            // Inserted or restarted by another request between the two statements: take from it on the next round.
            if (current.Used < limit) continue;
            return current.WindowEndsUtc - now;
        }
        // Still contended after several rounds: refuse for now rather than grant beyond the limit.
        return TimeSpan.FromSeconds(1);
    }

    /// <summary>Forgets the allowances whose window ended before <paramref name="before"/>; returns how many.</summary>
    public Task<int> ForgetEndedAsync(DateTime before, CancellationToken ct) =>
        db.Allowances.Where(a => a.WindowEndsUtc < before).ExecuteDeleteAsync(ct);
}
