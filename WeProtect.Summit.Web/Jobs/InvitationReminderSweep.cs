using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Summits;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Runs at start-up and every minute over the summits registering by invitation whose nomination deadline (the
/// registration window's end) is within <c>Invitations:ReminderBefore</c> (default 3 days): reminds each invited
/// organisation that has not nominated anyone, through <see cref="InvitationDesk.RemindBeforeDeadlineAsync"/> as a
/// system actor (audited as an organiser's reminder is). Once per invitation by a conditional update, whatever the
/// number of sweeps or nodes; an organisation an organiser reminded within that time is not reminded again.</summary>
public sealed class InvitationReminderSweep(SummitDbContext db, InvitationDesk desk, TimeProvider clock, IConfiguration configuration,
    ILogger<InvitationReminderSweep> logger)
{
    public const string RecurringJobId = "invitation-reminder-sweep";
    public const string ReminderBeforeKey = "Invitations:ReminderBefore";
    public static readonly TimeSpan DefaultReminderBefore = TimeSpan.FromDays(3);
    private static readonly AuditActor Actor = new(null, "Invitation sweep");

    public TimeSpan ReminderBefore => ReminderLead.Read(configuration, ReminderBeforeKey, DefaultReminderBefore);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = ReminderBefore;
        var summits = await db.Summits.AsNoTracking()
            .Where(s => s.RegistrationMode == RegistrationMode.ByInvitation && s.RegistrationClosesUtc != null && s.RegistrationClosesUtc > now)
            .Select(s => new { s.Id, Closes = s.RegistrationClosesUtc!.Value }).ToListAsync(ct);
        foreach (var summit in summits.Where(s => now >= s.Closes - before).OrderBy(s => s.Id))
        {
            var windowStart = summit.Closes - before;
            var open = await db.Invitations.AnyAsync(i => i.SummitId == summit.Id && i.RevokedUtc == null && i.DeadlineRemindedUtc == null
                && !db.Nominations.Any(n => n.InvitationId == i.Id && n.WithdrawnUtc == null), ct);
            if (!open) continue;
            var reminded = await desk.RemindBeforeDeadlineAsync(summit.Id, windowStart, Actor, ct);
            if (reminded.Succeeded) logger.LogInformation("Invitation deadline reminders queued in summit {SummitId}", summit.Id);
        }
    }
}
