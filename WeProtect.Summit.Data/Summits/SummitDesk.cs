using Microsoft.EntityFrameworkCore.ChangeTracking;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Summits;

/// <summary>Summits as organisers change them: create, edit, move along Draft → Open → Closed → Archived, and the
/// one-button sample summit. Each change is checked against the version the organiser started from and saved with
/// its audit event.</summary>
public sealed class SummitDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock, Organisations.MembershipDesk membership,
    Messages.MessageDesk messages, Registrations.RegistrationDesk registrations, Notifications.Notifier notifier, Breakouts.BreakoutDesk breakouts)
{
    /// <summary>Saves a summit the caller has filled in (new when it has no id, else tracked). Its rules
    /// (<see cref="Summit.Validate"/>) are the caller's to show beside the form's fields first; a first day already past
    /// (<see cref="Summit.WhyStartIsPast"/>) is refused here, where the clock is.</summary>
    public async Task<DeskResult<Summit>> SaveAsync(Summit summit, Guid? expectedVersion, AuditActor actor, CancellationToken ct = default)
    {
        var isNew = summit.Id == 0;
        if (isNew && await CreatedEarlierAsync(summit.CreationKey, ct) is { } earlier) return earlier;
        var entry = db.Entry(summit);
        if (!isNew && expectedVersion != entry.Property(s => s.Version).OriginalValue) return Conflict();
        if (summit.Validate() is { Count: > 0 } errors) return DeskResult.Invalid(errors).With<Summit>();
        if (summit.WhyStartIsPast(isNew ? null : entry.Property(s => s.StartDate).OriginalValue, clock.GetUtcNow().UtcDateTime) is { } past)
            return DeskResult.Invalid([(nameof(Summit.StartDate), past)]).With<Summit>();

        var changes = isNew ? null : DescribeChanges(entry);
        // Nominations now close later: the invitation links that would stop before then are kept working until then.
        var closesLater = !isNew && summit.RegistrationClosesUtc is { } closes
            && (entry.Property(s => s.RegistrationClosesUtc).OriginalValue is not { } before || closes > before) ? summit.RegistrationClosesUtc : null;
        // Check the version the form was made from against the database, not only against our own read.
        if (!isNew) entry.Property(s => s.Version).OriginalValue = expectedVersion!.Value;
        summit.Version = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        if (isNew)
        {
            summit.CreatedUtc = now;
            db.Summits.Add(summit);
        }
        var extended = 0;
        (int Moved, int Told) programme = (0, 0);
        IReadOnlyList<DeskText> reminders = [];
        var raised = !isNew && summit.DelegateCapacity > entry.Property(s => s.DelegateCapacity).OriginalValue;
        var promoted = 0;
        try
        {
            // One transaction: a summit edit refused as stale leaves the links as they were.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The summit's turn first (a write that changes nothing, held to the commit): a breakout saved at the same
            // moment either committed before and is checked below, or waits and sees the new days (BreakoutDesk).
            if (!isNew) await db.Summits.Where(s => s.Id == summit.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Name, s => s.Name), ct);
            if (closesLater is { } until)
            {
                var version = Guid.NewGuid();
                extended = await db.Invitations.Where(Invitations.Invitation.StoppingBefore(summit.Id, until, now))
                    .ExecuteUpdateAsync(u => u.SetProperty(i => i.ExpiresUtc, until).SetProperty(i => i.Version, version), ct);
            }
            // The programme keeps its local times in a new zone and must stay within the summit's days.
            if (!isNew)
            {
                var zoneBefore = SummitClock.FindZone(entry.Property(s => s.TimeZoneId).OriginalValue) ?? TimeZoneInfo.Utc;
                var followed = await breakouts.FollowSummitAsync(summit, zoneBefore, actor, ct);
                if (followed.Errors.Count > 0)
                {
                    db.ChangeTracker.Clear();
                    return DeskResult.Invalid(followed.Errors).With<Summit>();
                }
                programme = (followed.Moved, followed.Told);
            }
            // The reminders scheduled from the summit's dates follow them (before the audit append: rows first).
            if (!isNew) reminders = await messages.FollowSummitDatesAsync(summit, actor, ct);
            // More places: the waiting list moves up, in its order, as when a place is given back. The new capacity is
            // saved first, for the claims to count against it.
            if (raised)
            {
                await db.SaveChangesAsync(ct);
                promoted = await registrations.PromoteIntoFreedPlacesAsync(summit.Id, ct);
            }
            audit.Record(actor, isNew ? "summit.created" : "summit.updated", summit,
                isNew ? $"Summit \"{summit.Name}\" created"
                : $"Summit \"{summit.Name}\" changed: {changes}" + (extended > 0 ? $"; {extended} invitation links extended to {closesLater:yyyy-MM-dd HH:mm} UTC" : ""));
            await audit.SaveChangesAsync(ct);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateConcurrencyException) { return Conflict(); }
        catch (DbUpdateException) when (isNew && summit.CreationKey is not null)
        {
            // The creation key's unique index: the same form posted at the same moment made the summit first.
            db.ChangeTracker.Clear();
            if (await CreatedEarlierAsync(summit.CreationKey, ct) is { } first) return first;
            throw;
        }
        if (isNew) return DeskResult.Done("Summit created as a draft.").With(summit);
        DeskText saved = extended switch
        {
            0 => "Summit saved.",
            1 => "Summit saved. One invitation link now works until registration closes.",
            _ => (DeskText)$"Summit saved. {extended} invitation links now work until registration closes.",
        };
        DeskText[] moved = promoted == 0 ? [] : [DeskText.Counted(promoted, $"{promoted:N0} delegate moved up from the waiting list into the new places and will be told by e-mail.",
            $"{promoted:N0} delegates moved up from the waiting list into the new places and will be told by e-mail.")];
        DeskText[] kept = programme.Moved == 0 ? [] : [DeskText.Counted(programme.Moved,
            $"{programme.Moved:N0} breakout keeps its local time in the new time zone; {programme.Told:N0} booking holders will be told by e-mail.",
            $"{programme.Moved:N0} breakouts keep their local times in the new time zone; {programme.Told:N0} booking holders will be told by e-mail.")];
        return DeskResult.Done(DeskResult.Joined([saved, .. reminders, .. moved, .. kept])).With(summit);
    }

    /// <summary>Moves the summit to another status, as the entity allows.</summary>
    public async Task<DeskResult<Summit>> MoveAsync(int id, SummitStatus to, Guid expectedVersion, AuditActor actor, CancellationToken ct = default)
    {
        var summit = await db.Summits.Include(s => s.Hosts).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (summit is null) return DeskResult.NotFound("There is no such summit.").With<Summit>();
        var from = summit.Status;
        if (summit.Version != expectedVersion) return Stale(summit, to);
        if (summit.MoveTo(to) is { } refusal) return DeskResult.Refused(refusal).With(summit);
        db.Entry(summit).Property(s => s.Version).OriginalValue = expectedVersion;
        summit.Version = Guid.NewGuid();
        audit.Record(actor, "summit.status-changed", summit, $"Summit \"{summit.Name}\": {from} → {to}");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var saved = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
            return saved is null ? DeskResult.NotFound("There is no such summit.").With<Summit>() : Stale(saved, to);
        }
        return DeskResult.Done(NowIs(to)).With(summit);
    }

    /// <summary>Sets who may register (open, or by invitation), as the entity allows.</summary>
    public async Task<DeskResult> SetRegistrationModeAsync(int id, RegistrationMode mode, AuditActor actor, CancellationToken ct = default)
    {
        var summit = await db.Summits.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (summit is null) return DeskResult.NotFound("There is no such summit.");
        var from = summit.RegistrationMode;
        if (from == mode) return DeskResult.Done("Nothing changed: registration already works this way.");
        if (summit.SetRegistrationMode(mode) is { } refusal) return DeskResult.Refused(refusal);
        summit.Version = Guid.NewGuid();
        audit.Record(actor, "summit.registration-mode-changed", summit, $"Summit \"{summit.Name}\": registration {from} → {mode}");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Conflict(); }
        return DeskResult.Done(mode == RegistrationMode.ByInvitation
            ? "Registration is now by invitation: only delegates nominated by an invited organisation may register."
            : "Registration is now open to anyone with an account.");
    }

    /// <summary>Creates an open sample summit hosted by the United Arab Emirates, for demonstrations.</summary>
    public async Task<DeskResult<Summit>> CreateSampleAsync(AuditActor actor, CancellationToken ct = default)
    {
        var summit = SampleSummit.Create(clock.GetUtcNow().UtcDateTime);
        var host = await db.Organisations.FirstOrDefaultAsync(o => o.FormalName == SampleSummit.HostFormalName, ct);
        if (host is null)
        {
            host = new Organisation { CreatedUtc = summit.CreatedUtc, FormalName = SampleSummit.HostFormalName, SortName = SampleSummit.HostFormalName, Sector = Sector.Government, CountryCode = "AE" };
            db.Organisations.Add(host);
            audit.Record(actor, "organisation.created", host, $"{host.FormalName} added for the sample summit");
            // A member, as the host of a real summit is: in the register, like every member.
            membership.AddJoining(host, SampleSummit.HostJoinedOn, actor, "the sample summit's host");
        }
        summit.Hosts.Add(host);
        summit.MoveTo(SummitStatus.Open);
        db.Summits.Add(summit);
        audit.Record(actor, "summit.created", summit, $"Sample summit \"{summit.Name}\" created and opened");
        await audit.SaveChangesAsync(ct);
        return DeskResult.Done($"Sample summit \"{summit.Name}\" created and open for registration.").With(summit);
    }

    /// <summary>"The summit is now open.": one sentence per status, since the word agrees with "summit" in other languages.</summary>
    private static DeskText NowIs(SummitStatus status) => status switch
    {
        SummitStatus.Draft => "The summit is now a draft.",
        SummitStatus.Open => "The summit is now open.",
        SummitStatus.Closed => "The summit is now closed.",
        SummitStatus.Archived => "The summit is now archived.",
        _ => $"The summit is now {Vocabulary.Words.InSentence(status)}.",
    };

    /// <summary>The summit an earlier post of the same creation form made (a double click): answered as created, so the
    /// organiser lands on it, and nothing is made twice.</summary>
    private async Task<DeskResult<Summit>?> CreatedEarlierAsync(Guid? key, CancellationToken ct) =>
        key is not null && await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.CreationKey == key, ct) is { } earlier
            ? DeskResult.Done("Summit created as a draft.").With(earlier)
            : null;

    /// <summary>A status step from a stale page: done when the summit is there already (a double click), else the conflict.</summary>
    private DeskResult<Summit> Stale(Summit saved, SummitStatus to)
    {
        db.ChangeTracker.Clear();
        return DeskResult.Stale(saved.Status == to, "this summit", NowIs(to)).With(saved);
    }

    private DeskResult<Summit> Conflict()
    {
        db.ChangeTracker.Clear();
        return DeskResult.Conflict("this summit").With<Summit>();
    }

    private static string DescribeChanges(EntityEntry<Summit> entry)
    {
        var changed = entry.Properties.Where(p => p.IsModified && p.Metadata.Name != nameof(Summit.Version))
            .Select(p => p.Metadata.Name).ToList();
        if (entry.Collection(s => s.Hosts).IsModified) changed.Add("Hosts");
        return changed.Count == 0 ? "nothing" : string.Join(", ", changed);
    }
}
