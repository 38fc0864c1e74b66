using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Registrations;

/// <summary>The organisers' side of delegations: quotas per organisation and the organisations delegates propose
/// when theirs is not in the directory. Like <see cref="RegistrationDesk"/>, every change is one transaction with
/// its audit event, and the counters the desk moves are only touched by conditional updates.</summary>
public sealed class DelegationDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Gives <paramref name="organisationId"/> a quota at the summit. Places already approved for the
    /// organisation count from the start, so the quota cannot be set below them.</summary>
    public async Task<DeskResult> AddQuotaAsync(int summitId, int organisationId, int heads, int delegates, AuditActor actor, CancellationToken ct = default)
    {
        if (!await db.Summits.AnyAsync(s => s.Id == summitId, ct)) return DeskResult.NotFound("There is no such summit.");
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return DeskResult.Refused("Choose an organisation from the directory.");
        if (await db.DelegationQuotas.AnyAsync(q => q.SummitId == summitId && q.OrganisationId == organisationId, ct))
            return Clash(organisation);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var approved = await db.Registrations
            .Where(r => r.SummitId == summitId && r.OrganisationId == organisationId && r.Status == RegistrationStatus.Approved)
            .GroupBy(r => r.Category).Select(g => new { Category = g.Key, Count = g.Count() }).ToListAsync(ct);
        var quota = new DelegationQuota
        {
            SummitId = summitId, OrganisationId = organisationId, HeadsOfDelegation = heads, Delegates = delegates,
            ApprovedHeads = approved.Where(a => a.Category == DelegateCategory.HeadOfDelegation).Sum(a => a.Count),
            ApprovedDelegates = approved.Where(a => a.Category == DelegateCategory.Delegate).Sum(a => a.Count),
        };
        if (quota.Validate() is { Count: > 0 } errors) return DeskResult.Invalid(errors);

        db.DelegationQuotas.Add(quota);
        audit.Record(actor, "quota.created", quota, $"Quota for {organisation.FormalName}: {Describe(quota)}");
        try
        {
            await audit.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index (summit, organisation): another organiser added the same quota at the same moment.
            db.ChangeTracker.Clear();
            return Clash(organisation);
        }
        return DeskResult.Done($"{organisation.FormalName} may send {Said(quota)}.");
    }

    /// <summary>Changes a quota's limits, never below what is approved or nominated at the moment of the change, and only
    /// if nobody changed the limits since the organiser's form was shown (<paramref name="expectedVersion"/>): one
    /// conditional update checks all of it, so a nomination, an approval or another organiser's edit made meanwhile is
    /// not overtaken. When it changes nothing, the fresh row tells which: another edit (a conflict) or the counters
    /// (refused, with the numbers).</summary>
    public async Task<DeskResult> ChangeQuotaAsync(int summitId, int quotaId, int heads, int delegates, Guid expectedVersion, AuditActor actor, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var quota = await db.DelegationQuotas.AsNoTracking().Include(q => q.Organisation)
            .FirstOrDefaultAsync(q => q.Id == quotaId && q.SummitId == summitId, ct);
        if (quota is null) return DeskResult.Refused("There is no such quota at this summit.");
        if (quota.Version != expectedVersion) return DeskResult.Conflict($"{quota.Organisation.FormalName}'s quota");
        var before = Describe(quota);
        quota.HeadsOfDelegation = heads;
        quota.Delegates = delegates;
        if (Refusal(quota) is { } refused) return refused;

        var version = Guid.NewGuid();
        var changed = await db.DelegationQuotas
            .Where(q => q.Id == quotaId && q.Version == expectedVersion
                && q.ApprovedHeads <= heads && q.ApprovedDelegates <= delegates && q.NominatedHeads <= heads && q.NominatedDelegates <= delegates)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.HeadsOfDelegation, heads).SetProperty(q => q.Delegates, delegates).SetProperty(q => q.Version, version), ct);
        if (changed == 0)
        {
            var now = await db.DelegationQuotas.AsNoTracking().Include(q => q.Organisation).FirstOrDefaultAsync(q => q.Id == quotaId, ct);
            if (now is null || now.Version != expectedVersion) return DeskResult.Conflict($"{quota.Organisation.FormalName}'s quota");
            now.HeadsOfDelegation = heads;
            now.Delegates = delegates;
            return Refusal(now) ?? DeskResult.Conflict($"{quota.Organisation.FormalName}'s places");
        }
        audit.Record(actor, "quota.changed", quota, $"Quota for {quota.Organisation.FormalName}: {before} → {Describe(quota)}");
        await audit.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DeskResult.Done($"{quota.Organisation.FormalName} may now send {Said(quota)}.");
    }

    private static DeskResult? Refusal(DelegationQuota quota) => quota.Validate() is { Count: > 0 } errors
        ? DeskResult.Invalid(errors, $"{quota.Organisation.FormalName}: {DeskResult.Joined(errors.Select(e => (DeskText)e.Message))}")
        : null;

    /// <summary>Removes a quota: the organisation's delegation is limited by the summit's capacity alone again.</summary>
    public async Task<DeskResult> RemoveQuotaAsync(int summitId, int quotaId, AuditActor actor, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var quota = await db.DelegationQuotas.AsNoTracking().Include(q => q.Organisation)
            .FirstOrDefaultAsync(q => q.Id == quotaId && q.SummitId == summitId, ct);
        if (quota is null) return DeskResult.Refused("There is no such quota at this summit.");
        await db.DelegationQuotas.Where(q => q.Id == quotaId).ExecuteDeleteAsync(ct);
        audit.Record(actor, "quota.removed", quota, $"Quota for {quota.Organisation.FormalName} removed (was {Describe(quota)})");
        await audit.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DeskResult.Done($"{quota.Organisation.FormalName} no longer has a quota.");
    }

    /// <summary>Adds the organisation a delegate proposed to the directory (through the entity's Normalise and
    /// Validate) and links the registration to it.</summary>
    public async Task<DeskResult> ConfirmProposedOrganisationAsync(int summitId, int registrationId, Guid expectedVersion, AuditActor actor, CancellationToken ct = default)
    {
        var registration = await ProposalAsync(summitId, registrationId, expectedVersion, ct);
        if (registration.Refusal is { } refusal) return refusal;
        var r = registration.Registration!;

        var organisation = new Organisation
        {
            FormalName = r.ProposedOrganisationName ?? "",
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            Sector = r.ProposedSector ?? (Sector)(-1),
            CountryCode = r.ProposedCountryCode,
        };
        organisation.Normalise();
        if (organisation.Validate() is { Count: > 0 } errors)
            return DeskResult.Invalid(errors,
                $"\"{organisation.FormalName}\" cannot be added as proposed: {DeskResult.Joined(errors.Select(e => (DeskText)e.Message))} Merge it into a directory organisation instead.");
        if (await db.Organisations.FindByFormalNameAsync(organisation.FormalName, ct: ct) is { } clash)
            return NameTaken(clash);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Organisations.Add(organisation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.Organisations.FindByFormalNameAsync(organisation.FormalName, ct: ct) is { } taken
                ? NameTaken(taken)
                : DeskResult.Conflict("the directory");
        }
        if (!await LinkAsync(r, organisation.Id, ct))
        {
            db.ChangeTracker.Clear(); // disposing the transaction removes the organisation again
            return Stale(r);
        }
        audit.Record(actor, "organisation.created", organisation, $"Created {organisation.FormalName} ({organisation.Sector.DisplayName()}) as proposed for registration {r.Id}");
        audit.Record(actor, "registration.organisation-confirmed", r, $"Registration {r.Id} linked to {organisation.FormalName}, as proposed");
        await audit.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DeskResult.Done($"{organisation.FormalName} was added to the directory and {r.FullName}'s registration linked to it.");
    }

    /// <summary>Links a registration whose organisation was proposed to an organisation already in the directory.</summary>
    public async Task<DeskResult> MergeProposedOrganisationAsync(int summitId, int registrationId, Guid expectedVersion, int organisationId, AuditActor actor, CancellationToken ct = default)
    {
        var registration = await ProposalAsync(summitId, registrationId, expectedVersion, ct);
        if (registration.Refusal is { } refusal) return refusal;
        var r = registration.Registration!;
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return DeskResult.Refused("Choose an organisation from the directory.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // An approved head of delegation or delegate now belongs to that delegation: take its quota place too.
        if (r.Status == RegistrationStatus.Approved && r.CountsAgainstQuota)
        {
            var quota = db.DelegationQuotas.Where(q => q.SummitId == r.SummitId && q.OrganisationId == organisationId);
            if (await quota.AnyAsync(ct) && !await quota.TakeAsync(r.Category, ct))
                return DeskResult.Refused(
                    $"{r.FullName} is approved, and {organisation.FormalName} has no {DeskWords.Category(r.Category)} place left in its delegation quota: raise the quota first.",
                    DeskRefusal.QuotaFull);
        }
        if (!await LinkAsync(r, organisationId, ct)) return Stale(r);
        audit.Record(actor, "registration.organisation-merged", r,
            $"Registration {r.Id}: proposed \"{r.ProposedOrganisationName}\" merged into {organisation.FormalName}");
        await audit.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DeskResult.Done($"{r.FullName}'s registration now belongs to {organisation.FormalName}.");
    }

    private async Task<(Registration? Registration, DeskResult? Refusal)> ProposalAsync(int summitId, int registrationId, Guid expectedVersion, CancellationToken ct)
    {
        var r = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == registrationId && x.SummitId == summitId, ct);
        if (r is null) return (null, DeskResult.Refused("There is no such registration at this summit."));
        if (r.Version != expectedVersion) return (null, Stale(r));
        if (r.OrganisationId is not null || string.IsNullOrWhiteSpace(r.ProposedOrganisationName))
            return (null, DeskResult.Refused($"{r.FullName}'s registration has no proposed organisation to confirm."));
        return (r, null);
    }

    /// <summary>Sets the organisation, conditional on the version the organiser saw; the proposal is then done.</summary>
    private Task<int> LinkCoreAsync(Registration r, int organisationId, CancellationToken ct) => db.Registrations
        .Where(x => x.Id == r.Id && x.Version == r.Version && x.OrganisationId == null)
        .ExecuteUpdateAsync(s => s
            .SetProperty(x => x.OrganisationId, organisationId)
            .SetProperty(x => x.ProposedOrganisationName, (string?)null)
            .SetProperty(x => x.ProposedSector, (Sector?)null)
            .SetProperty(x => x.ProposedCountryCode, (string?)null)
            .SetProperty(x => x.Version, Guid.NewGuid()), ct);

    private async Task<bool> LinkAsync(Registration r, int organisationId, CancellationToken ct) => await LinkCoreAsync(r, organisationId, ct) == 1;

    private static DeskResult Stale(Registration r) =>
        DeskResult.Conflict($"{r.FullName}'s registration");

    private static DeskResult Clash(Organisation organisation) =>
        DeskResult.Refused($"{organisation.FormalName} already has a quota at this summit: change that one instead.");

    private static DeskResult NameTaken(Organisation existing) => DeskResult.Refused(
        $"\"{existing.FormalName}\" is already in the directory: merge the registration into it instead.");

    /// <summary>"1 head of delegation and 4 delegates", in the reader's language.</summary>
    private static DeskText Said(DelegationQuota q) => (q.HeadsOfDelegation == 1, q.Delegates == 1) switch
    {
        (true, true) => (DeskText)$"{q.HeadsOfDelegation} head of delegation and {q.Delegates} delegate",
        (true, false) => (DeskText)$"{q.HeadsOfDelegation} head of delegation and {q.Delegates} delegates",
        (false, true) => (DeskText)$"{q.HeadsOfDelegation} heads of delegation and {q.Delegates} delegate",
        (false, false) => (DeskText)$"{q.HeadsOfDelegation} heads of delegation and {q.Delegates} delegates",
    };

    /// <summary>"1 head of delegation and 4 delegates" (the audit trail's words).</summary>
    public static string Describe(DelegationQuota q) =>
        $"{AuditTrail.Count(q.HeadsOfDelegation, "head of delegation", "heads of delegation")} and {AuditTrail.Count(q.Delegates, "delegate", "delegates")}";
}
