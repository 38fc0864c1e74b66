using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Organisations;

/// <summary>The membership register as the secretariat keeps it: an organisation joins on a date, leaves on a date
/// with a reason, and may join again later. Dates are calendar days (UTC). It is the one record of membership: the
/// directory's "member since" and its count of members are read from it (<see cref="MembershipRegister"/>), and the
/// other ways an organisation enters as a member (the organisation form, the directory import, the sample summit's
/// host) record their joining here too (<see cref="AddJoining"/>), in the same save as the organisation.</summary>
public sealed class MembershipDesk(SummitDbContext db, AuditTrail audit, Endorsements.EndorsementDesk endorsements, Notifications.Notifier notifier,
    TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<DeskResult<Membership>> JoinAsync(int organisationId, DateOnly? joinedOn, AuditActor organiser, CancellationToken ct = default)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return new(DeskAnswer.NotFound, "There is no such organisation.");
        if (joinedOn is not { } day) return Refused("Give the day it joined.");
        if (RefuseJoining(day) is { } refusal) return Refused(refusal);
        var periods = await db.Memberships.AsNoTracking().Where(m => m.OrganisationId == organisationId).ToListAsync(ct);
        if (periods.Any(m => m.LeftOn is null)) return Refused($"{organisation.FormalName} is already a member.");
        if (periods.FirstOrDefault(m => m.LeftOn > day) is { } earlier)
            return Refused($"{organisation.FormalName} was a member until {earlier.LeftOn:d MMMM yyyy}: a new membership starts on that day or later.");
        var membership = new Membership(organisationId, day, organiser.UserId ?? "", clock.GetUtcNow().UtcDateTime);
        db.Memberships.Add(membership);
        // The organisation's token moves with its membership: of two organisers recording at once, one wins.
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

    /// <summary>Corrects the day a period of the organisation began (the register held a wrong date), with the reason;
    /// the audit event keeps the old and the new day. Refused for a day the register cannot take, on or after the day
    /// the period ended, or before the end of the organisation's previous period.</summary>
    public async Task<DeskResult<Membership>> CorrectJoiningAsync(int organisationId, int membershipId, DateOnly? joinedOn, string? reason, AuditActor organiser,
        CancellationToken ct = default)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return new(DeskAnswer.NotFound, "There is no such organisation.");
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.OrganisationId == organisationId, ct);
        if (membership is null) return new(DeskAnswer.NotFound, "There is no such membership in the register.");
        if (joinedOn is not { } day) return Refused("Give the day it joined.");
        var previousLeftOn = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.Id != membershipId && m.LeftOn != null && m.LeftOn <= membership.JoinedOn)
            .MaxAsync(m => m.LeftOn, ct);
        var was = membership.JoinedOn;
        if (membership.CorrectJoining(day, reason, previousLeftOn, Today, clock.GetUtcNow().UtcDateTime) is { } refusal) return Refused(refusal);
        // The organisation's token moves with its membership: of two organisers correcting at once, one wins.
        organisation.Version = Guid.NewGuid();
        audit.Record(organiser, "membership.joining-corrected", membership,
            $"Organisation {organisationId}'s joining date corrected from {was:yyyy-MM-dd} to {day:yyyy-MM-dd}. Reason: {(reason ?? "").Trim()}");
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Conflict($"{organisation.FormalName}'s membership").With<Membership>();
        }
        return new(DeskAnswer.Done, $"{organisation.FormalName} joined the Alliance on {day:d MMMM yyyy} (corrected from {was:d MMMM yyyy}).") { Value = membership };
    }

    /// <summary>Why the register cannot take a joining on <paramref name="joinedOn"/> (see <see cref="Membership.RefuseJoining"/>), or null.</summary>
    public DeskText? RefuseJoining(DateOnly joinedOn) => Membership.RefuseJoining(joinedOn, Today);

    /// <summary>Adds (unsaved) the joining of an organisation that is being added to the directory in the same save,
    /// with its audit event; <paramref name="how"/> says where the date came from. The caller saves both, or refuses
    /// before when <see cref="RefuseJoining(DateOnly)"/> says no; a new organisation has no earlier period.</summary>
    internal Membership AddJoining(Organisation organisation, DateOnly joinedOn, AuditActor actor, string how)
    {
        if (RefuseJoining(joinedOn) is { } refusal) throw new InvalidOperationException($"A joining on {joinedOn:yyyy-MM-dd} was not checked: {refusal}");
        var membership = new Membership(organisation, joinedOn, actor.UserId ?? "", clock.GetUtcNow().UtcDateTime);
        db.Memberships.Add(membership);
        audit.Record(actor, "membership.joined", membership, $"{organisation.FormalName} joined the Alliance on {joinedOn:yyyy-MM-dd} ({how})");
        return membership;
    }

    private static DeskResult<Membership> Refused(DeskText reason) => new(DeskAnswer.Refused, Refusal: DeskRefusal.Invalid, Text: reason);
}
