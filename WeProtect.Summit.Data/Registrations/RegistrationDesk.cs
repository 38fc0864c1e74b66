using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Data.Registrations;

/// <summary>Every change of a registration's status, each in one transaction with its audit event (which names the
/// registration by id, never the person: the trail cannot be edited, so it holds no personal data) and the
/// notification that tells the delegate. Places are counted by conditional updates in the database
/// ("… SET ApprovedCount = ApprovedCount + 1 WHERE ApprovedCount &lt; DelegateCapacity"), never by counting
/// and then inserting, so that two organisers approving the last place at once cannot both succeed.</summary>
public sealed class RegistrationDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock, Notifier notifier)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Records a new registration while the summit's registration window is open.</summary>
    public async Task<DeskResult> RegisterAsync(Registration registration, AuditActor actor, CancellationToken ct = default)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == registration.SummitId, ct);
        if (summit is null) return DeskResult.NotFound("There is no such summit.");
        if (summit.WhyRegistrationIsClosed(Now) is { } closed) return DeskResult.Refused(closed);
        if (await db.Registrations.AnyAsync(r => r.SummitId == registration.SummitId && r.UserId == registration.UserId, ct))
            return DeskResult.Refused("You have already registered for this summit.");

        registration.CreatedUtc = Now;
        db.Registrations.Add(registration);
        audit.Record(actor, "registration.created", registration, $"Registered for {summit.Name} as {registration.Category.DisplayName()}");
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await audit.SaveChangesAsync(ct);
            notifier.Add(NotificationKinds.RegistrationReceived, registration.Id);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateException)
        {
            // The unique index (summit, user): a second registration submitted at the same moment.
            db.ChangeTracker.Clear();
            return DeskResult.Refused("You have already registered for this summit.");
        }
        return DeskResult.Done("Your registration has been received. The secretariat will tell you its decision by e-mail.");
    }

    /// <summary>An organiser approves, waitlists or rejects (with a reason). Approving takes a place and, where the
    /// organisation has a quota, a place in its delegation; rejecting an approved registration frees both and
    /// promotes the first waitlisted delegate.</summary>
    public async Task<DeskResult> DecideAsync(int registrationId, RegistrationStatus decision, string? reason, AuditActor actor,
        Guid? expectedVersion = null, CancellationToken ct = default)
    {
        if (decision is not (RegistrationStatus.Approved or RegistrationStatus.Waitlisted or RegistrationStatus.Rejected))
            return DeskResult.Refused("Choose approve, waitlist or reject.");
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (decision == RegistrationStatus.Rejected && reason is null)
            return DeskResult.Refused("Give the delegate a reason for the rejection.");
        if (reason?.Length > Registration.ReasonMaxLength)
            return DeskResult.Refused($"The reason is longer than {Registration.ReasonMaxLength} characters.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such registration.");
        if (expectedVersion is not null && expectedVersion != registration.Version)
            return DeskResult.Conflict($"{registration.FullName}'s registration");
        var from = registration.Status;
        if (!Registration.CanBecome(from, decision))
            return DeskResult.Refused($"{registration.FullName}'s registration is {from.ToString().ToLowerInvariant()}: it cannot be {Registration.Verb(decision)}.");

        if (decision == RegistrationStatus.Approved)
        {
            var claim = await ClaimPlaceAsync(registration, ct);
            if (!claim.Succeeded) return claim; // disposing the transaction rolls back anything claimed
        }
        if (from == RegistrationStatus.Approved) await ReleasePlaceAsync(registration, ct);

        var now = Now;
        var changed = await db.Registrations
            .Where(r => r.Id == registrationId && r.Version == registration.Version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, decision)
                .SetProperty(r => r.DecisionReason, reason)
                .SetProperty(r => r.DecidedUtc, now)
                .SetProperty(r => r.DecidedByUserId, actor.UserId)
                .SetProperty(r => r.WaitlistedUtc, decision == RegistrationStatus.Waitlisted ? now : registration.WaitlistedUtc)
                .SetProperty(r => r.Version, Guid.NewGuid()), ct);
        if (changed == 0)
            return DeskResult.Conflict($"{registration.FullName}'s registration");

        notifier.Add(NotificationKinds.RegistrationDecision, registration.Id);
        audit.Record(actor, $"registration.{decision.ToString().ToLowerInvariant()}", registration,
            $"Registration {registration.Id}: {from} → {decision}");
        if (from == RegistrationStatus.Approved) await PromoteNextAsync(registration.SummitId, ct);
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
        return DeskResult.Done($"{registration.FullName}: {Registration.Verb(decision)}.");
    }

    /// <summary>The delegate cancels their own registration. A freed place goes to the first waitlisted delegate.</summary>
    public async Task<DeskResult> CancelAsync(int registrationId, string userId, AuditActor actor, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId && r.UserId == userId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such registration.");
        if (!registration.CanBeCancelled) return DeskResult.Refused("This registration is already cancelled.");
        var now = Now;
        var changed = await db.Registrations
            .Where(r => r.Id == registrationId && r.Version == registration.Version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RegistrationStatus.Cancelled)
                .SetProperty(r => r.CancelledUtc, now)
                .SetProperty(r => r.Version, Guid.NewGuid()), ct);
        if (changed == 0) return DeskResult.Conflict("your registration");
        audit.Record(actor, "registration.cancelled", registration, $"Registration {registration.Id} cancelled ({registration.Status} before)");
        if (registration.Status == RegistrationStatus.Approved)
        {
            await ReleasePlaceAsync(registration, ct);
            await PromoteNextAsync(registration.SummitId, ct);
        }
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
        return DeskResult.Done("Your registration is cancelled.");
    }

    /// <summary>Takes a place in the organisation's delegation (if it has a quota) and in the summit.</summary>
    private async Task<DeskResult> ClaimPlaceAsync(Registration registration, CancellationToken ct)
    {
        var quota = QuotaOf(registration);
        if (quota is not null && await quota.AnyAsync(ct) && !await quota.TakeAsync(registration.Category, ct))
            return DeskResult.Refused($"{registration.FullName}'s organisation has no {registration.Category.DisplayName().ToLowerInvariant()} place left in its delegation quota.", DeskRefusal.QuotaFull);
        var place = await db.Summits
            .Where(s => s.Id == registration.SummitId && s.ApprovedCount < s.DelegateCapacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ApprovedCount, x => x.ApprovedCount + 1), ct);
        return place == 1
            ? DeskResult.Done("")
            : DeskResult.Refused($"The summit is full: every place is taken, so {registration.FullName} cannot be approved. Waitlist them instead.", DeskRefusal.SummitFull);
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

    /// <summary>Approves the longest-waiting delegate whose delegation still has room, if the summit has a place.</summary>
    private async Task PromoteNextAsync(int summitId, CancellationToken ct)
    {
        var waiting = await db.Registrations.AsNoTracking()
            .Where(r => r.SummitId == summitId && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.WaitlistedUtc).ThenBy(r => r.Id)
            .Take(50).ToListAsync(ct);
        foreach (var candidate in waiting)
        {
            var claim = await ClaimPlaceAsync(candidate, ct);
            if (claim.Refusal == DeskRefusal.SummitFull)
            {
                // The quota place (if any) was taken before the summit said no: give it back.
                await ReleaseQuotaAsync(candidate, ct);
                return;
            }
            if (!claim.Succeeded) continue; // this delegation is full; the next in line may fit
            var now = Now;
            await db.Registrations.Where(r => r.Id == candidate.Id && r.Version == candidate.Version)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, RegistrationStatus.Approved)
                    .SetProperty(r => r.DecidedUtc, now)
                    .SetProperty(r => r.DecidedByUserId, (string?)null)
                    .SetProperty(r => r.Version, Guid.NewGuid()), ct);
            notifier.Add(NotificationKinds.RegistrationPromoted, candidate.Id);
            audit.Record(AuditActor.System, "registration.promoted", candidate, $"Registration {candidate.Id} promoted from the waiting list");
            return;
        }
    }

    /// <summary>The delegate gives or withdraws consent to the public participant list, whatever the registration's
    /// status: consent must be as easy to withdraw as to give.</summary>
    public async Task<DeskResult> SetConsentAsync(int registrationId, string userId, bool consent, Guid expectedVersion, AuditActor actor,
        CancellationToken ct = default)
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == registrationId && r.UserId == userId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such registration.");
        if (registration.ConsentToPublicList == consent)
            return DeskResult.Done(consent ? "You are already on the public list of participants once approved." : "You are not on the public list of participants.");
        db.Entry(registration).Property(r => r.Version).OriginalValue = expectedVersion;
        registration.ConsentToPublicList = consent;
        registration.Version = Guid.NewGuid();
        audit.Record(actor, "registration.consent-changed", registration,
            $"Registration {registration.Id}: consent to the public list {(consent ? "given" : "withdrawn")}");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return DeskResult.Conflict("your registration"); }
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
        catch (DbUpdateConcurrencyException) { return DeskResult.Conflict("your registration"); }
        return DeskResult.Done("Your calendar link is new: subscribe again with it; the old one no longer works.");
    }

    /// <summary>Saves the delegate's own answers, which the caller has applied (with the form's rules) to the tracked
    /// <paramref name="registration"/>, if it is still the version the form was made from.</summary>
    public async Task<DeskResult> SaveAnswersAsync(Registration registration, Guid expectedVersion, AuditActor actor, CancellationToken ct = default)
    {
        var entry = db.Entry(registration);
        var changed = entry.Properties.Where(p => p.IsModified && p.Metadata.Name != nameof(Registration.Version)).Select(p => p.Metadata.Name).ToList();
        if (changed.Count == 0) return DeskResult.Done("Nothing to save: your answers are unchanged.");
        // Check the version the form was made from against the database, not only against our own read.
        entry.Property(r => r.Version).OriginalValue = expectedVersion;
        registration.Version = Guid.NewGuid();
        // Field names only: the answers (access needs above all) stay out of the audit trail.
        audit.Record(actor, "registration.updated", registration, $"Registration {registration.Id} changed: {string.Join(", ", changed)}");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Conflict("your registration");
        }
        return DeskResult.Done("Your changes are saved.");
    }
}
