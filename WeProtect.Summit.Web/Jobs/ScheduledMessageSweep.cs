using WeProtect.Summit.Data.Messages;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Every minute (and once at start-up), sends the scheduled messages and reminders that are due: the database
/// is the source of truth, and <see cref="MessageDesk.SendDueAsync"/> claims each message before it writes its
/// recipients, so that two sweeps, or two nodes, send it once.</summary>
public sealed class ScheduledMessageSweep(MessageDesk desk, ILogger<ScheduledMessageSweep> logger)
{
    public const string RecurringJobId = "scheduled-message-sweep";

    public async Task RunAsync(CancellationToken ct)
    {
        var sent = await desk.SendDueAsync(ct);
        if (sent > 0) logger.LogInformation("Sent {Count} scheduled messages", sent);
    }
}
