using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Retention;

/// <summary>Each summit's personal data kept until its retention date (<see cref="SummitRetention"/>), then erased
/// with the rules of <see cref="PersonalDataCatalogue"/>, once. Organisers may keep it longer, with a reason.</summary>
public sealed class RetentionDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The actor of the daily run in the audit trail.</summary>
    public static readonly AuditActor RetentionJob = new(null, "retention job");

    public async Task<RetentionPlan?> PlanAsync(int summitId, CancellationToken ct = default)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return null;
        var retention = await db.SummitRetentions.AsNoTracking().FirstOrDefaultAsync(r => r.SummitId == summitId, ct);
        var scope = ErasureScope.OfSummit(db, summitId, clock.GetUtcNow().UtcDateTime);
        var items = new List<(string, string, int)>();
        foreach (var item in PersonalDataCatalogue.Summit) items.Add((item.What, item.Becomes, await item.Count(scope, ct)));
        return new RetentionPlan(summit, retention, SummitRetention.RetainUntil(summit, retention),
            SummitRetention.ErasureDueUtc(summit, retention), items);
    }

    /// <summary>Keeps the summit's personal data until a later day, with the organisers' reason (audited).</summary>
    public async Task<DeskResult> ExtendAsync(int summitId, DateOnly? until, string? reason, AuditActor actor, CancellationToken ct = default)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return DeskResult.NotFound("There is no such summit.");
        var retention = await db.SummitRetentions.FirstOrDefaultAsync(r => r.SummitId == summitId, ct);
        if (retention is null) db.SummitRetentions.Add(retention = new SummitRetention(summitId));
        var before = SummitRetention.RetainUntil(summit, retention);
        var errors = retention.Extend(summit, until, reason, actor.UserId ?? "", clock.GetUtcNow().UtcDateTime);
        if (errors.Count > 0) return DeskResult.Invalid(errors);
        audit.Record(actor, "summit.retention-extended", retention,
            $"Personal data of summit {summitId} kept until {until:yyyy-MM-dd} (was {before:yyyy-MM-dd}): {retention.ExtensionReason}");
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Conflict("this summit's retention");
        }
        return DeskResult.Done($"The personal data of this summit is now kept until {until:d MMMM yyyy}.");
    }

    /// <summary>The summits whose retention date has passed and whose data is not yet erased.</summary>
    public async Task<IReadOnlyList<int>> DueSummitsAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var erased = await db.SummitRetentions.AsNoTracking().Where(r => r.ErasedUtc != null).Select(r => r.SummitId).ToListAsync(ct);
        var candidates = await db.Summits.AsNoTracking().Where(s => !erased.Contains(s.Id)).ToListAsync(ct);
        var retentions = await db.SummitRetentions.AsNoTracking().ToDictionaryAsync(r => r.SummitId, ct);
        return candidates.Where(s => SummitRetention.IsDue(s, retentions.GetValueOrDefault(s.Id), now)).Select(s => s.Id).ToList();
    }

    /// <summary>The ids of the summit's notifications, whose copies in the mail pick-up folder go with its data.</summary>
    public async Task<IReadOnlyList<long>> NotificationIdsAsync(int summitId, CancellationToken ct = default) =>
        await ErasureScope.OfSummit(db, summitId, clock.GetUtcNow().UtcDateTime).Notifications.Select(n => n.Id).ToListAsync(ct);

    /// <summary>Erases the summit's personal data if it is due and not yet erased; returns the rows changed, or null when
    /// there was nothing to do (not due, extended meanwhile, or erased by an earlier or concurrent run). The claim is a
    /// conditional update of the summit's retention row, in the same transaction as the erasure and its audit event.</summary>
    public async Task<int?> EraseSummitAsync(int summitId, Guid runId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A sweep goes on after a summit that failed: nothing that summit left tracked is saved with the next one.
        db.ChangeTracker.Clear();
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return null;
        if (!await db.SummitRetentions.AnyAsync(r => r.SummitId == summitId, ct))
        {
            db.SummitRetentions.Add(new SummitRetention(summitId));
            // Two runs at once: one insert wins, the other finds the row below.
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { }
            db.ChangeTracker.Clear();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var retention = await db.SummitRetentions.FirstAsync(r => r.SummitId == summitId, ct);
        if (!SummitRetention.IsDue(summit, retention, now)) return null;
        var claimed = await db.SummitRetentions.Where(r => r.SummitId == summitId && r.ErasedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ErasedUtc, now).SetProperty(r => r.ErasureRunId, runId), ct);
        if (claimed == 0) return null;

        var (total, counts) = await EraseAsync(PersonalDataCatalogue.Summit, ErasureScope.OfSummit(db, summitId, now), ct);
        audit.Record(RetentionJob, "summit.personal-data-erased", retention,
            $"Personal data of summit {summitId} erased by run {runId}: {total} rows changed{counts}");
        await audit.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return total;
    }

    /// <summary>Runs the items in order; returns the rows changed and, in words, how many per item.</summary>
    internal static async Task<(int Total, string Counts)> EraseAsync(IEnumerable<PersonalDataItem> items, ErasureScope scope, CancellationToken ct)
    {
        var total = 0;
        var counts = new List<string>();
        foreach (var item in items)
        {
            var changed = await item.Erase(scope, ct);
            total += changed;
            if (changed > 0) counts.Add($"{item.What}: {changed}");
        }
        return (total, counts.Count == 0 ? "" : $" ({string.Join("; ", counts)})");
    }
}
