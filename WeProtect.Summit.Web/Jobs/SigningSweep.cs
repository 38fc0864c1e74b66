using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Runs at start-up and every minute over the statements open for signature: queues the invitations once
/// the window has opened (once per statement, to every signatory with two-factor authentication of an eligible
/// organisation), the reminders once the window closes within <c>Signing:ReminderBefore</c> (default 48 hours, to
/// signatories whose organisation has not signed), and closes signing when the window has ended. Each step is
/// claimed by a conditional update, so two sweeps at once do it once; the signing rule refuses late signatures by
/// itself, so a late sweep changes nothing that matters.</summary>
public sealed class SigningSweep(SummitDbContext db, Notifier notifier, EndorsementDesk desk, TimeProvider clock, IConfiguration configuration,
    ILogger<SigningSweep> logger)
{
    public const string RecurringJobId = "signing-sweep";
    public const string ReminderBeforeKey = "Signing:ReminderBefore";
    public static readonly TimeSpan DefaultReminderBefore = TimeSpan.FromHours(48);
    private static readonly AuditActor Actor = new(null, "Signing sweep");

    public TimeSpan ReminderBefore => ReminderLead.Read(configuration, ReminderBeforeKey, DefaultReminderBefore);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Statements.AsNoTracking().Where(s => s.Status == StatementStatus.OpenForSignature)
            .Select(s => new { s.Id, s.SigningOpensUtc, s.SigningClosesUtc, s.InvitationsQueuedUtc, s.RemindersQueuedUtc, s.FinalVersionId })
            .ToListAsync(ct);
        foreach (var s in open)
        {
            if (s.SigningClosesUtc is not { } closes || s.SigningOpensUtc is not { } opens) continue;
            if (now >= closes)
            {
                var closed = await desk.CloseAsync(s.Id, Actor, "the signing window ended", ct);
                if (closed.Succeeded) logger.LogInformation("Signing of statement {StatementId} closed at the end of its window", s.Id);
                continue;
            }
            if (now < opens) continue;
            if (s.InvitationsQueuedUtc is null) await QueueAsync(s.Id, s.FinalVersionId, NotificationKinds.SigningInvitation, now, ct);
            else if (s.RemindersQueuedUtc is null && now >= closes - ReminderBefore)
                await QueueAsync(s.Id, s.FinalVersionId, NotificationKinds.SigningReminder, now, ct);
        }
    }

    private async Task QueueAsync(int statementId, int? finalVersionId, string kind, DateTime now, CancellationToken ct)
    {
        var final = finalVersionId is { } id ? await db.StatementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) : null;
        var audiences = EndorsementDesk.AudiencesOf(final);
        var sectors = Enum.GetValues<Data.Organisations.Sector>()
            .Where(sector => Statement.SpeaksTo(audiences, sector)).ToList();
        var reminder = kind == NotificationKinds.SigningReminder;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = reminder
            ? await db.Statements.Where(s => s.Id == statementId && s.RemindersQueuedUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.RemindersQueuedUtc, now), ct)
            : await db.Statements.Where(s => s.Id == statementId && s.InvitationsQueuedUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.InvitationsQueuedUtc, now), ct);
        if (claimed == 0) return; // another sweep did it

        var authorities = await db.SigningAuthorities.AsNoTracking().Live(db.Users)
            .Where(a => sectors.Contains(a.Organisation.Sector)
                && (!reminder || !db.Endorsements.Any(e => e.StatementId == statementId && e.OrganisationId == a.OrganisationId && e.WithdrawnUtc == null)))
            .Select(a => a.Id).ToListAsync(ct);
        foreach (var authorityId in authorities) notifier.Add(kind, authorityId);
        await notifier.CommitAsync(tx, ct);
        logger.LogInformation("Queued {Count} {Kind} messages for statement {StatementId}", authorities.Count, kind, statementId);
    }
}
