using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Runs at start-up and every minute over the reporting cycles open now: invites the focal points not
/// invited yet (a cycle that opened after it was created, an organisation that endorsed since), and once the deadline
/// is within <c>Reporting:ReminderBefore</c> (default 14 days) reminds each organisation that has not submitted.
/// Both go through <see cref="ReportingDesk"/>, as a system actor, so they are audited as an organiser's are; each is
/// once per focal point (invitation) or organisation (reminder) by a unique index, whatever the number of sweeps or
/// nodes, and a reminder pressed by an organiser counts as the automatic one. Only those invited before the reminders
/// begin are reminded (<see cref="ReportingCycle.RemindersBeginUtc"/>): never an invitation and a reminder together.</summary>
public sealed class ReportingSweep(SummitDbContext db, ReportingDesk desk, TimeProvider clock, IConfiguration configuration, ILogger<ReportingSweep> logger)
{
    public const string RecurringJobId = "reporting-sweep";
    public const string ReminderBeforeKey = "Reporting:ReminderBefore";
    public static readonly TimeSpan DefaultReminderBefore = TimeSpan.FromDays(14);
    private static readonly AuditActor Actor = new(null, "Reporting sweep");

    public TimeSpan ReminderBefore => ReminderLead.Read(configuration, ReminderBeforeKey, DefaultReminderBefore);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.ReportingCycles.AsNoTracking().Where(c => c.OpensUtc <= now && c.DeadlineUtc > now)
            .OrderBy(c => c.Id).ToListAsync(ct);
        foreach (var cycle in open)
        {
            if (await ReportingDue.MayOweInvitationsAsync(db, cycle.Id, ct))
            {
                var invited = await desk.InviteAsync(cycle.Id, Actor, ct);
                if (invited.Succeeded) logger.LogInformation("Reporting invitations queued in cycle {CycleId}", cycle.Id);
            }
            var remindersBegin = cycle.RemindersBeginUtc(ReminderBefore);
            if (now >= remindersBegin && await ReportingDue.MayOweRemindersAsync(db, cycle.Id, ct))
            {
                var reminded = await desk.RemindAsync(cycle.Id, null, Actor, ct, invitedBefore: remindersBegin);
                if (reminded.Succeeded) logger.LogInformation("Reporting reminders queued in cycle {CycleId}", cycle.Id);
            }
        }
    }
}
