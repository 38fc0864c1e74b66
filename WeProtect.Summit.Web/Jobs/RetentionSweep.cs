using WeProtect.Summit.Data.Retention;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Once a day: erases the personal data of every summit past its retention date (<see cref="RetentionDesk"/>,
/// the rules in <see cref="PersonalDataCatalogue"/>). The database is the source of truth: a summit erased is marked
/// with the run's id and time, and a second run (or a second node) finds nothing to do.</summary>
public sealed class RetentionSweep(RetentionDesk desk, PickupFolderEraser pickup, ILogger<RetentionSweep> logger)
{
    public const string RecurringJobId = "retention-sweep";

    /// <summary>Returns how many summits this run erased.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var runId = Guid.NewGuid();
        var erased = 0;
        var failed = new List<Exception>();
        foreach (var summitId in await desk.DueSummitsAsync(ct))
        {
            // One summit that cannot be erased must not keep every other summit's data past its day: the rest go on,
            // and the run fails afterwards so that the job is retried and the failure seen.
            try
            {
                // The copies outside the database first: deleting them again is harmless, and the summit is marked last.
                var mails = pickup.DeleteNotifications(await desk.NotificationIdsAsync(summitId, ct));
                if (await desk.EraseSummitAsync(summitId, runId, ct) is not { } rows) continue;
                erased++;
                logger.LogInformation("Retention run {RunId}: personal data of summit {SummitId} erased ({Rows} rows, {Mails} mail copies)",
                    runId, summitId, rows, mails);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Retention run {RunId}: summit {SummitId} could not be erased", runId, summitId);
                failed.Add(e);
            }
        }
        if (failed.Count > 0) throw new AggregateException($"Retention run {runId}: {failed.Count} summit(s) could not be erased.", failed);
        return erased;
    }
}
