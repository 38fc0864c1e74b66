using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Organisations;

/// <summary>The membership register as the secretariat keeps it: an organisation joins on a date, leaves on a date
/// with a reason, and may join again later. Dates are calendar days (UTC). The directory's "member since" year follows
/// the register (the year of the open period; none once it leaves), so the directory's count of members is today's
/// register wherever joinings are recorded.</summary>
public sealed class MembershipDesk(SummitDbContext db, AuditTrail audit, Endorsements.EndorsementDesk endorsements, Notifications.Notifier notifier,
    TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<DeskResult<Membership>> JoinAsync(int organisationId, DateOnly? joinedOn, AuditActor organiser, CancellationToken ct = default)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return new(DeskAnswer.NotFound, "There is no such organisation.");
        if (joinedOn is not { } day) return Refused("Give the day it joined.");
        if (day.Year < Organisation.FirstMemberYear) return Refused($"The Alliance's register starts in {Organisation.FirstMemberYear}.");
        if (day > Today) return Refused("Record a joining once it has happened: the date is in the future.");
        var periods = await db.Memberships.AsNoTracking().Where(m => m.OrganisationId == organisationId).ToListAsync(ct);
        if (periods.Any(m => m.LeftOn is null)) return Refused($"{organisation.FormalName} is already a member.");
        if (periods.FirstOrDefault(m => m.LeftOn > day) is { } earlier)
            return Refused($"{organisation.FormalName} was a member until {earlier.LeftOn:d MMMM yyyy}: a new membership starts on that day or later.");
        var membership = new Membership(organisationId, day, organiser.UserId ?? "", clock.GetUtcNow().UtcDateTime);
        db.Memberships.Add(membership);
        organisation.MemberSince = day.Year;
        organisation.Version = Guid.NewGuid();
        audit.Record(organiser, "membership.joined", membership, $"Organisation {organisationId} joined the Alliance on {day:yyyy-MM-dd}");
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The filtered unique index: another organiser recorded the joining at the same moment.
            db.ChangeTracker.Clear();
            return Refused($"{organisation.FormalName} is already a member.");
        }
        return new(DeskAnswer.Done, $"{organisation.FormalName} is a member from {day:d MMMM yyyy}.") { Value = membership };
    }

    public async Task<DeskResult<Membership>> LeaveAsync(int organisationId, DateOnly? leftOn, string? reason, AuditActor organiser, CancellationToken ct = default)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return new(DeskAnswer.NotFound, "There is no such organisation.");
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.OrganisationId == organisationId && m.LeftOn == null, ct);
        if (membership is null) return Refused($"{organisation.FormalName} is not a member.");
        if (leftOn is not { } day) return Refused("Give the day it left.");
        if (membership.Leave(day, reason, Today) is { } refusal) return Refused(refusal);
        organisation.MemberSince = null;
        organisation.Version = Guid.NewGuid();
        audit.Record(organiser, "membership.left", membership, $"Organisation {organisationId} left the Alliance on {day:yyyy-MM-dd}");
        // The departure and the end of its standing endorsements commit together, with their receipts.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ended = await endorsements.EndStandingOnLeavingAsync(organisationId, day, organiser, ct);
        try
        {
            await audit.SaveChangesAsync(ct);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Conflict($"{organisation.FormalName}'s membership").With<Membership>();
        }
        DeskText done;
        if (ended.Count == 0) done = $"{organisation.FormalName} left the Alliance on {day:d MMMM yyyy}.";
        else done = $"{organisation.FormalName} left the Alliance on {day:d MMMM yyyy}; its endorsement of the standing statements ({ended.Count}) ended with its membership.";
        return new(DeskAnswer.Done, done) { Value = membership };
    }

    private static DeskResult<Membership> Refused(DeskText reason) => new(DeskAnswer.Refused, Refusal: DeskRefusal.Invalid, Text: reason);
}
