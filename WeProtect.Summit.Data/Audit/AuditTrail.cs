using System.Security.Cryptography;
using System.Text.Json;

namespace WeProtect.Summit.Data.Audit;

/// <summary>Appends audit events in the same transaction as the change they record, and verifies the hash chain.
/// Page handlers record events and then call <see cref="SaveChangesAsync"/> instead of the context's own. With
/// <paramref name="keys"/> (the app always has them) every row also carries a keyed MAC, and verification requires
/// it; without keys (a tool that only walks the chain) the MACs are not checked.</summary>
public sealed class AuditTrail(SummitDbContext db, TimeProvider clock, AuditKeys? keys = null)
{
    public static readonly string GenesisHash = new('0', 64);
    private const int AppendAttempts = 5;

    private readonly List<Pending> pending = [];

    private sealed record Pending(AuditActor Actor, string Action, object Subject, string Summary);

    /// <summary>Queues an event about <paramref name="subject"/> (an entity); it is written by the next
    /// <see cref="SaveChangesAsync"/>, after the entity has its key.</summary>
    public void Record(AuditActor actor, string action, object subject, string summary) =>
        pending.Add(new Pending(actor, action, subject, summary));

    /// <summary>A count in a summary, in English ("1 badge", "3 badges"): the trail is the English record, never
    /// translated, but it reads as a sentence rather than "badge(s)".</summary>
    public static string Count(long count, string one, string other) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : other)}";

    /// <summary>Saves the tracked changes and the queued events atomically.</summary>
    public async Task<int> SaveChangesAsync(CancellationToken ct = default)
    {
        try
        {
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var changed = await db.SaveChangesAsync(ct);
            if (pending.Count > 0) await AppendPendingAsync(ct);
            if (tx is not null) await tx.CommitAsync(ct);
            return changed;
        }
        finally
        {
            // Saved or failed, these events are done: a failed change must not be recorded by a later save.
            pending.Clear();
        }
    }

    private async Task AppendPendingAsync(CancellationToken ct)
    {
        await AuditChainLock.TakeAsync(db.Database, ct);
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
            var (sequence, previous) = last is null ? (0L, GenesisHash) : (last.Sequence, last.Hash);
            var rows = new List<AuditEvent>();
            foreach (var p in pending)
            {
                var entry = db.Entry(p.Subject);
                var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(k => entry.Property(k.Name).CurrentValue);
                var row = new AuditEvent
                {
                    Sequence = ++sequence,
                    OccurredUtc = Truncate(clock.GetUtcNow().UtcDateTime),
                    ActorUserId = p.Actor.UserId,
                    ActorName = p.Actor.Stored,
                    Action = p.Action,
                    SubjectType = entry.Metadata.ClrType.Name,
                    SubjectId = string.Join("/", key),
                    Summary = p.Summary,
                    PreviousHash = previous,
                };
                row.Hash = ComputeHash(row);
                if (keys is not null) (row.MacKeyId, row.Mac) = (keys.CurrentId, keys.Mac(keys.CurrentId, row));
                previous = row.Hash;
                rows.Add(row);
            }
            db.AuditEvents.AddRange(rows);
            try
            {
                await db.SaveChangesAsync(ct);
                pending.Clear();
                return;
            }
            catch (DbUpdateException) when (attempt < AppendAttempts)
            {
                // Another writer appended after the same row (unique Sequence); EF rolled back to its savepoint.
                foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    /// <summary>Walks the chain from the first row and reports the first row that does not hold. The intact result
    /// carries the head (<see cref="AuditVerification.HeadHash"/>), which a checkpoint compares with.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var expectedPrevious = GenesisHash;
        long expectedSequence = 1;
        await foreach (var row in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            string? problem =
                row.Sequence != expectedSequence ? $"row {expectedSequence} is missing: the trail jumps to row {row.Sequence}"
                : row.PreviousHash != expectedPrevious ? "it does not follow the row before it, which was changed or removed"
                : ComputeHash(row) != row.Hash ? "its content was changed after it was written"
                : keys is null ? null
                : row.MacKeyId is null || row.Mac is null ? "it carries no MAC: it was written or re-written without the audit key"
                : !keys.Holds(row.MacKeyId) ? $"its MAC was made with the key \"{row.MacKeyId}\", which this server does not hold"
                : !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(keys.Mac(row.MacKeyId, row)!), Encoding.ASCII.GetBytes(row.Mac))
                    ? "its MAC does not match: it was changed (and the chain re-hashed) by someone without the audit key"
                : null;
            if (problem is not null) return new AuditVerification(expectedSequence - 1, row.Sequence, problem);
            expectedPrevious = row.Hash;
            expectedSequence++;
        }
        return new AuditVerification(expectedSequence - 1, null, null) { HeadHash = expectedPrevious };
    }

    /// <summary>The canonical form is a JSON array of the fields in a fixed order (System.Text.Json defaults),
    /// hashed as UTF-8 with SHA-256 and written as lowercase hex.</summary>
    public static string CanonicalForm(AuditEvent e) => JsonSerializer.Serialize(new object?[]
    {
        e.Sequence, e.OccurredUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), e.ActorUserId, e.ActorName,
        e.Action, e.SubjectType, e.SubjectId, e.Summary, e.PreviousHash,
    });

    public static string ComputeHash(AuditEvent e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalForm(e))));

    // Milliseconds survive every provider's date type unchanged, so a re-read row hashes the same.
    private static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
