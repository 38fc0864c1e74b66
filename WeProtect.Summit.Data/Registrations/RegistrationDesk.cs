using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Data.Registrations;

/// <summary>Every change of a registration's status, each in one transaction with its audit event (which names the
/// registration by id, never the person: the trail cannot be edited, so it holds no personal data) and the
/// notification that tells the delegate. Places are counted by conditional updates in the database
/// ("… SET ApprovedCount = ApprovedCount + 1 WHERE ApprovedCount &lt; DelegateCapacity"), never by counting
/// and then inserting, so that two organisers approving the last place at once cannot both succeed.</summary>
public sealed class RegistrationDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock, Notifier notifier, BookingDesk bookings)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Records a new registration while the summit's registration window is open.</summary>
    public async Task<DeskResult> RegisterAsync(Registration registration, AuditActor actor, CancellationToken ct = default)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == registration.SummitId, ct);
        if (summit is null) return DeskResult.NotFound("There is no such summit.");
        if (summit.WhyRegistrationIsClosed(Now) is { } closed) return DeskResult.Refused(closed);
        Invitations.Nomination? nomination = null;
        if (registration.NominationId is int nominationId)
        {
            nomination = await db.Nominations.FirstOrDefaultAsync(n => n.Id == nominationId && n.SummitId == summit.Id, ct);
            if (await WhyNominationCannotRegisterAsync(nomination, registration, ct) is { } refusal) return DeskResult.Refused(refusal, DeskRefusal.Forbidden);
            registration.CompleteNomination(nomination!);
        }
        else if (summit.WhySelfServiceIsRefused() is { } byInvitation) return DeskResult.Refused(byInvitation, DeskRefusal.Forbidden);
        var earlier = await db.Registrations.Include(r => r.Answers).Include(r => r.Needs)
            .FirstOrDefaultAsync(r => r.SummitId == registration.SummitId && r.UserId == registration.UserId, ct);
        if (earlier is not null)
        {
            // One row per person per summit (a unique index): a cancelled registration is made again in place, and
            // the caller's object gets its id.
            if (earlier.RegisterAgain(registration, Now) is { } refused) return DeskResult.Refused(refused);
            registration.Id = earlier.Id;
            registration.CreatedUtc = earlier.CreatedUtc;
            registration.BadgeCode = earlier.BadgeCode;
            registration.CalendarToken = earlier.CalendarToken;
            registration.Version = earlier.Version;
            nomination?.Completed(earlier.Id);
            audit.Record(actor, "registration.created", earlier, $"Registered again for {summit.Name} as {registration.Category.DisplayName()}");
            try
            {
                await using var again = await db.Database.BeginTransactionAsync(ct);
                // The cancelled badge's first print stays in the log, but is no longer this registration's first print
                // (a unique index): the new badge code is printed for the first time by the next batch.
                await db.BadgePrints.Where(p => p.FirstPrintOf == earlier.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.FirstPrintOf, (int?)null), ct);
                await audit.SaveChangesAsync(ct);
                notifier.Add(NotificationKinds.RegistrationReceived, earlier.Id);
                await notifier.CommitAsync(again, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                // Registered again in another tab, or the row changed otherwise (the nomination as it was): said apart.
                if (await NominationChangedAsync(nomination, registration, ct) is { } changed) return changed;
                return await db.Registrations.AnyAsync(r => r.Id == earlier.Id && r.Status != RegistrationStatus.Cancelled, ct)
                    ? DeskResult.Refused("You have already registered for this summit.")
                    : DeskResult.Conflict(DeskText.LowerFirst("Your registration"));
            }
            return DeskResult.Done("Your registration has been received. The secretariat will tell you its decision by e-mail.");
        }

        registration.CreatedUtc = Now;
        db.Registrations.Add(registration);
        audit.Record(actor, "registration.created", registration, $"Registered for {summit.Name} as {registration.Category.DisplayName()}");
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The registration first, for its id; then the nomination's claim with the audit event, so that the audit
            // chain's lock is the last one this transaction takes (a withdrawal holds the nomination, then wants it).
            await db.SaveChangesAsync(ct);
            nomination?.Completed(registration.Id);
            await audit.SaveChangesAsync(ct);
            notifier.Add(NotificationKinds.RegistrationReceived, registration.Id);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await NominationChangedAsync(nomination, registration, ct) ?? DeskResult.Conflict("this nomination");
        }
        catch (DbUpdateException)
        {
            // The unique index (summit, user): a second registration submitted at the same moment.
            db.ChangeTracker.Clear();
            return DeskResult.Refused("You have already registered for this summit.");
        }
        return DeskResult.Done("Your registration has been received. The secretariat will tell you its decision by e-mail.");
    }

    /// <summary>The refusal when the nomination changed while the nominee registered (an organiser re-addressed or
    /// withdrew it, the nominee completed it in another tab), read again; null when it is as it was.</summary>
    private async Task<DeskResult?> NominationChangedAsync(Invitations.Nomination? read, Registration registration, CancellationToken ct)
    {
        if (read is null) return null;
        var now = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == read.Id, ct);
        if (now is not null && now.TokenHash != read.TokenHash && now.RegistrationId is null && !now.IsWithdrawn)
            return DeskResult.Refused("This nomination link is no longer valid: the organisers sent a new link to another address. Ask your focal point if you need it.", DeskRefusal.Forbidden);
        return await WhyNominationCannotRegisterAsync(now, registration, ct) is { } why ? DeskResult.Refused(why, DeskRefusal.Forbidden) : null;
    }

    /// <summary>Why the registering user cannot complete <paramref name="nomination"/>: it is not for this summit, its
    /// invitation was revoked, it was sent to another address, or someone else completed it.</summary>
    private async Task<DeskText?> WhyNominationCannotRegisterAsync(Invitations.Nomination? nomination, Registration registration, CancellationToken ct)
    {
        if (nomination is null) return "This nomination link is not known for this summit.";
        if (nomination.IsWithdrawn) return Invitations.Nomination.WithdrawnMessage;
        if (!await db.Invitations.AnyAsync(i => i.Id == nomination.InvitationId && i.RevokedUtc == null, ct))
            return "The invitation under which you were nominated was withdrawn by the organisers.";
        var email = await db.Users.Where(u => u.Id == registration.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (nomination.WhyNotFor(email) is { } other) return other;
        if (nomination.RegistrationId is int taken && !await db.Registrations.AnyAsync(r => r.Id == taken && r.UserId == registration.UserId, ct))
            return "This nomination was already used to register.";
        return null;
    }

    /// <summary>An organiser approves, waitlists or rejects (with a reason). Approving takes a place and, where the
    /// organisation has a quota, a place in its delegation; rejecting an approved registration frees both (and its
    /// breakout seats) and promotes the first delegate waiting for a place.</summary>
    public async Task<DeskResult> DecideAsync(int registrationId, RegistrationStatus decision, string? reason, AuditActor actor,
        Guid? expectedVersion = null, CancellationToken ct = default)
    {
        if (CheckDecision(decision, ref reason) is { } bad) return bad;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var summitId = await db.Registrations.Where(r => r.Id == registrationId).Select(r => (int?)r.SummitId).FirstOrDefaultAsync(ct);
        if (summitId is null) return DeskResult.NotFound("There is no such registration.");
        await LockSummitAsync(summitId.Value, ct);
        // Read after the summit's lock, which every decision takes: a decision committed meanwhile is seen here.
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such registration.");
        // One registration from a stale page: a double click asked for what is now so, and is answered as done. In a
        // bulk decision (DecideManyAsync) such a row stays a conflict: someone else decided it, and the report says so.
        if (expectedVersion is not null && expectedVersion != registration.Version)
            return DeskResult.Stale(registration.Status == decision && (decision != RegistrationStatus.Rejected || registration.DecisionReason == reason),
                $"{registration.FullName}'s registration", DeskWords.Decided(registration.FullName, decision));
        var result = await DecideOneAsync(registration, decision, reason, actor, expectedVersion, ct);
        if (!result.Succeeded) return result; // disposing the transaction rolls back anything claimed
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
        return result;
    }

    /// <summary>One decision for many registrations of a summit, in one transaction: each row is checked by the same
    /// rules as a single decision and either applied whole or not at all (a savepoint per row), so a full summit or
    /// delegation refuses the rows beyond it while the others stand. Answers one result per registration, in order.</summary>
    public async Task<DeskResult<IReadOnlyList<(int Id, DeskResult Result)>>> DecideManyAsync(int summitId,
        IReadOnlyList<(int Id, Guid? Version)> items, RegistrationStatus decision, string? reason, AuditActor actor, CancellationToken ct = default)
    {
        if (CheckDecision(decision, ref reason) is { } bad) return bad.With<IReadOnlyList<(int, DeskResult)>>();
        if (items.Count == 0) return DeskResult.Refused("Select at least one registration, then choose the decision.").With<IReadOnlyList<(int, DeskResult)>>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockSummitAsync(summitId, ct);
        var ids = items.Select(i => i.Id).Distinct().ToList();
        var rows = new Dictionary<int, Registration>();
        foreach (var chunk in ids.Chunk(500))
            foreach (var r in await db.Registrations.AsNoTracking().Where(r => r.SummitId == summitId && chunk.Contains(r.Id)).ToListAsync(ct))
                rows[r.Id] = r;
        var results = new List<(int, DeskResult)>();
        var n = 0;
        foreach (var (id, version) in items.DistinctBy(i => i.Id))
        {
            if (!rows.TryGetValue(id, out var registration))
            {
                results.Add((id, DeskResult.NotFound("There is no such registration at this summit.")));
                continue;
            }
            var savepoint = $"decide{++n}";
            await tx.CreateSavepointAsync(savepoint, ct);
            var result = await DecideOneAsync(registration, decision, reason, actor, version, ct);
            if (!result.Succeeded) await tx.RollbackToSavepointAsync(savepoint, ct);
            results.Add((id, result));
        }
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
        var done = results.Count(r => r.Item2.Succeeded);
        return DeskResult.Done(DeskWords.Decided(done, decision)).With<IReadOnlyList<(int, DeskResult)>>(results);
    }

    private static DeskResult? CheckDecision(RegistrationStatus decision, ref string? reason)
    {
        if (decision is not (RegistrationStatus.Approved or RegistrationStatus.Waitlisted or RegistrationStatus.Rejected))
            return DeskResult.Refused("Choose approve, waitlist or reject.");
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (decision == RegistrationStatus.Rejected && reason is null)
            return DeskResult.Refused("Give the delegate a reason for the rejection.");
        if (reason?.Length > Registration.ReasonMaxLength)
            return DeskResult.Refused($"The reason is longer than {Registration.ReasonMaxLength} characters.");
        return null;
    }

    /// <summary>Every change of places in a summit locks its row first (an update that changes nothing), so that
    /// transactions touching the summit's counters, quotas and registrations always take their locks in one order and
    /// cannot deadlock on PostgreSQL or SQL Server; SQLite has one writer anyway.</summary>
    private Task LockSummitAsync(int summitId, CancellationToken ct) =>
        db.Summits.Where(s => s.Id == summitId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ApprovedCount, x => x.ApprovedCount), ct);

    /// <summary>The decision on one registration inside the caller's transaction (which has locked the summit).
    /// Records the audit event and the notification only when it succeeds.</summary>
    private async Task<DeskResult> DecideOneAsync(Registration registration, RegistrationStatus decision, string? reason, AuditActor actor,
        Guid? expectedVersion, CancellationToken ct)
    {
        if (expectedVersion is not null && expectedVersion != registration.Version)
            return DeskResult.Conflict($"{registration.FullName}'s registration");
        var from = registration.Status;
        if (!Registration.CanBecome(from, decision))
            return DeskResult.Refused($"{DeskWords.RegistrationIs(registration.FullName, from)}: {DeskWords.CannotBe(decision)}");

        if (decision == RegistrationStatus.Approved)
        {
            var claim = await ClaimPlaceAsync(registration, ct);
            if (!claim.Succeeded) return claim;
        }
        if (from == RegistrationStatus.Approved) await ReleasePlaceAsync(registration, ct);
        var waitingForPlace = decision == RegistrationStatus.Waitlisted && await HasNoPlaceAsync(registration, ct);

        var now = Now;
        var changed = await db.Registrations
            .Where(r => r.Id == registration.Id && r.Version == registration.Version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, decision)
                .SetProperty(r => r.DecisionReason, reason)
                .SetProperty(r => r.DecidedUtc, now)
                .SetProperty(r => r.DecidedByUserId, actor.UserId)
                .SetProperty(r => r.WaitlistedUtc, decision == RegistrationStatus.Waitlisted ? now : registration.WaitlistedUtc)
                .SetProperty(r => r.WaitingForPlace, waitingForPlace)
                .SetProperty(r => r.Version, Guid.NewGuid()), ct);
        if (changed == 0)
            return DeskResult.Conflict($"{registration.FullName}'s registration");
        // Only an approved delegate holds seats and a letter of invitation: a rejected one gives the seats to the
        // breakouts' waiting lists, and the letter no longer holds.
        if (from == RegistrationStatus.Approved) await bookings.ReleaseAllAsync(registration.Id, actor, ct);
        if (decision == RegistrationStatus.Rejected)
            await Accreditations.EndedRegistrationLetters.WithdrawAsync(db, audit, registration.Id, "rejected", actor, now, ct);

        notifier.Add(NotificationKinds.RegistrationDecision, registration.Id);
        audit.Record(actor, $"registration.{decision.ToString().ToLowerInvariant()}", registration,
            $"Registration {registration.Id}: {from} → {decision}");
        if (from == RegistrationStatus.Approved) await PromoteNextAsync(registration.SummitId, ct);
        return DeskResult.Done(DeskWords.Decided(registration.FullName, decision));
    }

    /// <summary>The delegate cancels their own registration. A freed place goes to the first waitlisted delegate.</summary>
    public async Task<DeskResult> CancelAsync(int registrationId, string userId, AuditActor actor, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId && r.UserId == userId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such registration.");
        // Cancelled already (a double click, a second tab): done, as asked.
        if (!registration.CanBeCancelled) return DeskResult.Done("This registration is already cancelled.");
        // Once the summit is over the registration is the record of who came: nothing to free, nobody to promote.
        var summit = await db.Summits.AsNoTracking().FirstAsync(s => s.Id == registration.SummitId, ct);
        if (summit.IsOverAt(Now)) return DeskResult.Refused("The summit is over: your registration is part of its record and can no longer be cancelled.");
        await LockSummitAsync(registration.SummitId, ct);
        if (!await CancelCoreAsync(registration, actor, ct))
            return DeskResult.Stale(await db.Registrations.AnyAsync(r => r.Id == registrationId && r.Status == RegistrationStatus.Cancelled, ct),
                DeskText.LowerFirst("Your registration"), "This registration is already cancelled.");
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
        return DeskResult.Done("Your registration is cancelled.");
    }

    /// <summary>Cancels the not yet approved registration a nominee completed, because their nomination is withdrawn;
    /// the same path as <see cref="CancelAsync"/> (breakout seats released), inside the caller's transaction, which
    /// saves and commits. Refused once the registration is approved: approved delegates keep their place.</summary>
    public async Task<DeskResult> CancelForWithdrawnNominationAsync(int registrationId, AuditActor actor, CancellationToken ct = default)
    {
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId, ct);
        if (registration is null || !registration.CanBeCancelled) return DeskResult.Done("");
        await LockSummitAsync(registration.SummitId, ct);
        if (registration.Status == RegistrationStatus.Approved)
            return DeskResult.Refused($"{registration.FullName} is already approved: an approved delegate keeps their place. Ask the secretariat to cancel it.");
        return await CancelCoreAsync(registration, actor, ct) ? DeskResult.Done("") : DeskResult.Conflict($"{registration.FullName}'s registration");
    }

    /// <summary>Cancels, inside the caller's transaction (which saves and commits), every registration of
    /// <paramref name="userId"/> for a summit not over yet on its own clock: an erased person no longer holds a place,
    /// a seat or a letter, and the next on the waiting list is promoted. Returns how many were cancelled.</summary>
    public async Task<int> CancelForErasureAsync(string userId, AuditActor actor, CancellationToken ct = default)
    {
        var now = Now;
        var live = await db.Registrations.AsNoTracking().Include(r => r.Summit)
            .Where(r => r.UserId == userId && r.Status != RegistrationStatus.Cancelled).ToListAsync(ct);
        var cancelled = 0;
        foreach (var registration in live.Where(r => !r.Summit.IsOverAt(now)).OrderBy(r => r.SummitId))
        {
            await LockSummitAsync(registration.SummitId, ct);
            if (await CancelCoreAsync(registration, actor, ct)) cancelled++;
        }
        return cancelled;
    }

    /// <summary>Cancels <paramref name="registration"/> as read (conditional on its version), releases its breakout
    /// seats and, if it was approved, its places. False when it changed meanwhile.</summary>
    private async Task<bool> CancelCoreAsync(Registration registration, AuditActor actor, CancellationToken ct)
    {
        var now = Now;
        var changed = await db.Registrations
            .Where(r => r.Id == registration.Id && r.Version == registration.Version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RegistrationStatus.Cancelled)
                .SetProperty(r => r.CancelledUtc, now)
                .SetProperty(r => r.Version, Guid.NewGuid()), ct);
        if (changed == 0) return false;
        audit.Record(actor, "registration.cancelled", registration, $"Registration {registration.Id} cancelled ({registration.Status} before)");
        await bookings.ReleaseAllAsync(registration.Id, actor, ct);
        await Accreditations.EndedRegistrationLetters.WithdrawAsync(db, audit, registration.Id, "cancelled", actor, now, ct);
        if (registration.Status == RegistrationStatus.Approved)
        {
            await ReleasePlaceAsync(registration, ct);
            await PromoteNextAsync(registration.SummitId, ct);
        }
        return true;
    }

    // Each wording returned on its own (a ?: would format it before it could be translated).
    private static DeskText SummitFull(Registration registration)
    {
        if (registration.Status == RegistrationStatus.Waitlisted)
            return $"The summit is full: every place is taken, so {registration.FullName} cannot be approved yet and stays on the waiting list.";
        return $"The summit is full: every place is taken, so {registration.FullName} cannot be approved. Waitlist them instead.";
    }

    /// <summary>Takes a place in the summit, then (if it has a quota) in the organisation's delegation: the summit's
    /// row first, always, so that locks are taken in one order. A delegation without room gives the summit place back.</summary>
    private async Task<DeskResult> ClaimPlaceAsync(Registration registration, CancellationToken ct)
    {
        var place = await db.Summits
            .Where(s => s.Id == registration.SummitId && s.ApprovedCount < s.DelegateCapacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ApprovedCount, x => x.ApprovedCount + 1), ct);
        if (place == 0) return DeskResult.Refused(SummitFull(registration), DeskRefusal.SummitFull);
        var quota = QuotaOf(registration);
        if (quota is not null && await quota.AnyAsync(ct) && !await quota.TakeAsync(registration.Category, ct))
        {
            await db.Summits.Where(s => s.Id == registration.SummitId && s.ApprovedCount > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ApprovedCount, x => x.ApprovedCount - 1), ct);
            return DeskResult.Refused($"{registration.FullName}'s organisation has no {DeskWords.Category(registration.Category)} place left in its delegation quota.", DeskRefusal.QuotaFull);
        }
        return DeskResult.Done("");
    }

    private async Task ReleasePlaceAsync(Registration registration, CancellationToken ct)
    {
        await db.Summits.Where(s => s.Id == registration.SummitId && s.ApprovedCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ApprovedCount, x => x.ApprovedCount - 1), ct);
        await ReleaseQuotaAsync(registration, ct);
    }

    private async Task ReleaseQuotaAsync(Registration registration, CancellationToken ct)
    {
        if (QuotaOf(registration) is { } quota) await quota.ReleaseAsync(registration.Category, ct);
    }

    private IQueryable<DelegationQuota>? QuotaOf(Registration registration) =>
        registration.CountsAgainstQuota && registration.OrganisationId is int organisationId
            ? db.DelegationQuotas.Where(q => q.SummitId == registration.SummitId && q.OrganisationId == organisationId)
            : null;

    /// <summary>Whether approving the registration now would be refused for want of a place (summit or delegation).</summary>
    private async Task<bool> HasNoPlaceAsync(Registration registration, CancellationToken ct)
    {
        if (await db.Summits.AnyAsync(s => s.Id == registration.SummitId && s.ApprovedCount >= s.DelegateCapacity, ct)) return true;
        var quota = QuotaOf(registration);
        if (quota is null) return false;
        return registration.Category == DelegateCategory.HeadOfDelegation
            ? await quota.AnyAsync(q => q.ApprovedHeads >= q.HeadsOfDelegation, ct)
            : await quota.AnyAsync(q => q.ApprovedDelegates >= q.Delegates, ct);
    }

    /// <summary>Approves the longest-waiting delegate whose delegation still has room, if the summit has a place. Only
    /// registrations waitlisted for want of a place are promoted: one the organisers waitlisted while places were
    /// free was a decision, and stays theirs to change.</summary>
    /// <summary>Gives the places a raised capacity freed to the waiting list, in its order, inside the caller's
    /// transaction (which saves and commits, with the notifier). Returns how many delegates were promoted.</summary>
    public async Task<int> PromoteIntoFreedPlacesAsync(int summitId, CancellationToken ct = default)
    {
        await LockSummitAsync(summitId, ct);
        var promoted = 0;
        while (await PromoteNextAsync(summitId, ct)) promoted++;
        return promoted;
    }

    private async Task<bool> PromoteNextAsync(int summitId, CancellationToken ct)
    {
        var waiting = await db.Registrations.AsNoTracking()
            .Where(r => r.SummitId == summitId && r.Status == RegistrationStatus.Waitlisted && r.WaitingForPlace)
            .OrderBy(r => r.WaitlistedUtc).ThenBy(r => r.Id)
            .Take(50).ToListAsync(ct);
        foreach (var candidate in waiting)
        {
            var claim = await ClaimPlaceAsync(candidate, ct);
            if (claim.Refusal == DeskRefusal.SummitFull) return false;
            if (!claim.Succeeded) continue; // this delegation is full (its summit place was given back); the next in line may fit
            var now = Now;
            // Still waiting for a place? Every change of status takes the summit's lock, which we hold, so this holds
            // unless the status changed before our read; a consent or calendar-link change (a new Version, no lock)
            // must not cost the delegate the place. If the row is no longer waiting, the place goes back and on.
            if (await db.Registrations.Where(r => r.Id == candidate.Id && r.Status == RegistrationStatus.Waitlisted && r.WaitingForPlace)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(r => r.Status, RegistrationStatus.Approved)
                        .SetProperty(r => r.DecidedUtc, now)
                        .SetProperty(r => r.DecidedByUserId, (string?)null)
                        .SetProperty(r => r.Version, Guid.NewGuid()), ct) == 0)
            {
                await ReleasePlaceAsync(candidate, ct);
                continue;
            }
            notifier.Add(NotificationKinds.RegistrationPromoted, candidate.Id);
            audit.Record(AuditActor.System, "registration.promoted", candidate, $"Registration {candidate.Id} promoted from the waiting list");
            return true;
        }
        return false;
    }

    /// <summary>The delegate gives or withdraws consent to the public participant list, whatever the registration's
    /// status: consent must be as easy to withdraw as to give.</summary>
    public async Task<DeskResult> SetConsentAsync(int registrationId, string userId, bool consent, AuditActor actor,
        CancellationToken ct = default)
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == registrationId && r.UserId == userId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such registration.");
        if (registration.ConsentToPublicList == consent)
            return DeskResult.Done(consent ? "You are already on the public list of participants once approved." : "You are not on the public list of participants.");
        // No version from the page: the button says which way (give or withdraw), and an approval or correction by the
        // secretariat while the page was open must not keep a delegate on the public list against their word.
        registration.ConsentToPublicList = consent;
        registration.Version = Guid.NewGuid();
        audit.Record(actor, "registration.consent-changed", registration,
            $"Registration {registration.Id}: consent to the public list {(consent ? "given" : "withdrawn")}");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return DeskResult.Conflict(DeskText.LowerFirst("Your registration")); }
        return DeskResult.Done(consent
            ? "Thank you: once your registration is approved, your name, position and organisation appear on the public list of participants."
            : "Your consent is withdrawn: you are no longer on the public list of participants.");
    }

    /// <summary>A new secret for the delegate's personal calendar feed: every subscription made with the old address stops.</summary>
    public async Task<DeskResult> NewCalendarLinkAsync(int registrationId, string userId, AuditActor actor, CancellationToken ct = default)
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == registrationId && r.UserId == userId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such registration.");
        registration.CalendarToken = Registration.NewCalendarToken();
        registration.Version = Guid.NewGuid();
        audit.Record(actor, "registration.calendar-token-regenerated", registration, $"Registration {registration.Id}: calendar link regenerated");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return DeskResult.Conflict(DeskText.LowerFirst("Your registration")); }
        return DeskResult.Done("Your calendar link is new: subscribe again with it; the old one no longer works.");
    }

    /// <summary>Saves the delegate's own answers, which the caller has applied (with the form's rules) to the tracked
    /// <paramref name="registration"/>, if it is still the version the form was made from.</summary>
    public async Task<DeskResult> SaveAnswersAsync(Registration registration, Guid expectedVersion, AuditActor actor, CancellationToken ct = default)
    {
        var changed = ChangedFields(registration);
        if (changed.Count == 0) return DeskResult.Done("Nothing to save: your answers are unchanged.");
        // Check the version the form was made from against the database, not only against our own read.
        db.Entry(registration).Property(r => r.Version).OriginalValue = expectedVersion;
        registration.Version = Guid.NewGuid();
        // Field names only: the answers (access needs above all) stay out of the audit trail.
        audit.Record(actor, "registration.updated", registration, $"Registration {registration.Id} changed: {string.Join(", ", changed)}");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateException e)
        {
            // As for a correction: the same form saved twice at once may tick the same need in both.
            if (e is not DbUpdateConcurrencyException && !await ChangedSinceAsync(registration.Id, expectedVersion, null, ct)) throw;
            db.ChangeTracker.Clear();
            return DeskResult.Conflict(DeskText.LowerFirst("Your registration"));
        }
        return DeskResult.Done("Your changes are saved.");
    }

    /// <summary>The audit action of a correction by the secretariat (<see cref="CorrectAsync"/>).</summary>
    public const string CorrectedAction = "registration.corrected";

    /// <summary>When the secretariat last corrected the registration's details, read from the audit trail (by its
    /// subject index), or null: the delegate's own page says so.</summary>
    public static Task<DateTime?> LastCorrectedAsync(SummitDbContext db, int registrationId, CancellationToken ct = default)
    {
        var subject = registrationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return db.AuditEvents.Where(a => a.SubjectType == nameof(Registration) && a.SubjectId == subject && a.Action == CorrectedAction)
            .MaxAsync(a => (DateTime?)a.OccurredUtc, ct);
    }

    /// <summary>The secretariat corrects a delegate's name, position or needs (<see cref="Registration.Correct"/>), if
    /// the registration is still the version the form was made from. Optionally the delegate is told by e-mail; the
    /// audit trail names the fields changed, never their values.</summary>
    public async Task<DeskResult> CorrectAsync(int summitId, int registrationId, Guid expectedVersion, RegistrationCorrection correction,
        bool tellDelegate, AuditActor actor, CancellationToken ct = default)
    {
        var registration = await db.Registrations.Include(r => r.Needs)
            .FirstOrDefaultAsync(r => r.Id == registrationId && r.SummitId == summitId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such registration for this summit.");
        if (registration.WhyNotCorrectable is { } why) return DeskResult.Refused(why);
        if (registration.Version != expectedVersion) return DeskResult.Conflict($"{registration.FullName}'s registration");
        if (registration.Correct(correction, Now) is { Count: > 0 } errors) return DeskResult.Invalid(errors);
        var changed = ChangedFields(registration);
        if (changed.Count == 0) return DeskResult.Done($"Nothing to save: {registration.FullName}'s details are unchanged.");
        db.Entry(registration).Property(r => r.Version).OriginalValue = expectedVersion;
        registration.Version = Guid.NewGuid();
        audit.Record(actor, CorrectedAction, registration, $"Registration {registration.Id} corrected by the secretariat: {string.Join(", ", changed)}");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateException e)
        {
            // The version moved; or a simultaneous correction ticked the same need first (its unique row) and moved it.
            if (e is not DbUpdateConcurrencyException && !await ChangedSinceAsync(registrationId, expectedVersion, tx, ct)) throw;
            db.ChangeTracker.Clear();
            return DeskResult.Conflict($"{registration.FullName}'s registration");
        }
        if (tellDelegate) notifier.Add(NotificationKinds.RegistrationCorrected, registration.Id);
        await notifier.CommitAsync(tx, ct);
        return tellDelegate
            ? DeskResult.Done($"{registration.FullName}'s details are corrected; they will be told by e-mail.")
            : DeskResult.Done($"{registration.FullName}'s details are corrected.");
    }

    /// <summary>After a failed write: whether the registration is no longer at <paramref name="expectedVersion"/>, read
    /// outside the failed transaction (which PostgreSQL no longer lets us use), rolled back first when it is ours.</summary>
    private async Task<bool> ChangedSinceAsync(int registrationId, Guid expectedVersion, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? tx,
        CancellationToken ct)
    {
        if (tx is not null) await tx.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        return await db.Registrations.AsNoTracking().Where(r => r.Id == registrationId).Select(r => r.Version).FirstOrDefaultAsync(ct) != expectedVersion;
    }

    /// <summary>The names of what changed in a tracked registration: its own fields, and its answers and ticked needs
    /// (rows of their own), named by what changed, never by their values.</summary>
    private List<string> ChangedFields(Registration registration)
    {
        var changed = db.Entry(registration).Properties
            .Where(p => p.IsModified && p.Metadata.Name is not (nameof(Registration.Version) or nameof(Registration.BadgeTextCorrectedUtc)))
            .Select(p => p.Metadata.Name).ToList();
        static bool Touched(EntityState state) => state is EntityState.Added or EntityState.Modified or EntityState.Deleted;
        if (db.ChangeTracker.Entries<Questions.RegistrationNeed>().Any(e => Touched(e.State))) changed.Add(nameof(Registration.Needs));
        if (db.ChangeTracker.Entries<Questions.RegistrationAnswer>().Any(e => Touched(e.State))) changed.Add(nameof(Registration.Answers));
        return changed;
    }
}
