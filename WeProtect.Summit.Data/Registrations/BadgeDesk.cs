using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Registrations;

/// <summary>Badges and arrivals: check-in by badge code or by the registration an organiser picked from a name search
/// (<see cref="FindAsync"/>),
/// undoing a check-in, printing every badge not yet printed as one batch, and reprinting one badge with a reason. Each
/// change is audited in its own transaction; the events name registrations and batches by id, never a person.</summary>
public sealed class BadgeDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock)
{
    public enum CheckInOutcome { CheckedIn, AlreadyCheckedIn, NotApproved, Unknown, NotABadgeCode }

    public sealed record CheckIn(CheckInOutcome Outcome, Registration? Registration);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Names as a reader sorts them ("Élodie" beside "Elena"), which the database's ordinal collation does not.</summary>
    private static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true);

    /// <summary>Checks in the holder of a typed or scanned code (any case; spaces and dashes ignored). A code whose
    /// check character does not match is <see cref="CheckInOutcome.NotABadgeCode"/>: a typing slip, never someone
    /// else. Only the first check-in writes (a conditional update, so two desks scanning at once mark one arrival);
    /// repeats report when the delegate arrived.</summary>
    public async Task<CheckIn> CheckInAsync(int summitId, string? code, AuditActor actor, CancellationToken ct = default)
    {
        var registration = await FindByCodeAsync(summitId, code, ct);
        if (registration is null) return new(BadgeCodes.Normalise(code) is null ? CheckInOutcome.NotABadgeCode : CheckInOutcome.Unknown, null);
        return await MarkArrivedAsync(registration, actor, ct);
    }

    /// <summary>Checks in the registration an organiser picked from a name search.</summary>
    public async Task<CheckIn> CheckInRegistrationAsync(int summitId, int registrationId, AuditActor actor, CancellationToken ct = default)
    {
        var registration = await Registrations(summitId).FirstOrDefaultAsync(r => r.Id == registrationId, ct);
        if (registration is null) return new(CheckInOutcome.Unknown, null);
        return await MarkArrivedAsync(registration, actor, ct);
    }

    /// <summary>The registration of a summit whose badge carries this code, or null. Codes made before the current
    /// format (base64url, case-sensitive) are still found as they were printed.</summary>
    public async Task<Registration?> FindByCodeAsync(int summitId, string? code, CancellationToken ct = default)
    {
        var typed = code?.Trim();
        if (string.IsNullOrEmpty(typed) || typed.Length > 64) return null;
        var normalised = BadgeCodes.Normalise(typed);
        return await Registrations(summitId).FirstOrDefaultAsync(r => r.BadgeCode == (normalised ?? typed), ct);
    }

    /// <summary>What a desk search found a registration by: the name first, else the e-mail address, else the organisation.</summary>
    public enum SearchMatch { Name, Email, Organisation }

    public sealed record Found(Registration Registration, SearchMatch MatchedOn);

    /// <summary>The summit's registrations (any status: the desk shows who not to admit) whose name, e-mail address or
    /// organisation holds every word typed (at most five), ignoring case and accents as the vetting queue does
    /// (<see cref="Search.TextSearch"/>): a name written in another script is still found by the e-mail address
    /// ("omar" for omar.khatib@…), and a whole delegation by its organisation. In protocol order, so that the minister
    /// among namesakes is the first the desk sees; at most <paramref name="limit"/>. Null when nothing was typed (or
    /// more than 200 characters).</summary>
    public async Task<IReadOnlyList<Found>?> FindAsync(int summitId, string? typed, int limit, CancellationToken ct = default)
    {
        var words = Search.TextSearch.Words(typed, 5);
        if (words.Count == 0 || typed!.Length > 200) return null;
        // The searched fields only (a few dozen bytes a delegate), matched in .NET; then the few rows found, whole.
        var keys = await db.Registrations.AsNoTracking().Where(r => r.SummitId == summitId)
            .Select(r => new
            {
                r.Id, r.FullName, r.User.Email, r.Category, r.Rank, r.IsMinister, r.ProtocolOrder,
                Organisation = r.Organisation != null ? r.Organisation.FormalName + " " + (r.Organisation.ListedName ?? "") : r.ProposedOrganisationName,
            }).ToListAsync(ct);
        var found = keys
            .Select(k => (k.Id, k.FullName, Place: new ProtocolPlace(k.Category, k.Rank, k.IsMinister, k.ProtocolOrder),
                On: Search.TextSearch.ContainsEvery(k.FullName, words) ? SearchMatch.Name
                    : Search.TextSearch.ContainsEvery(k.Email ?? "", words) ? SearchMatch.Email
                    : Search.TextSearch.ContainsEvery(k.Organisation ?? "", words) ? SearchMatch.Organisation
                    : (SearchMatch?)null))
            .Where(k => k.On is not null)
            .InProtocolOrder(k => k.Place, k => k.FullName, NameOrder).ThenBy(k => k.Id).Take(limit).ToList();
        var ids = found.Select(k => k.Id).ToList();
        var rows = await Registrations(summitId).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return found.Where(k => rows.ContainsKey(k.Id)).Select(k => new Found(rows[k.Id], k.On!.Value)).ToList();
    }

    /// <summary>Takes back a check-in made by mistake (the wrong person picked, a badge scanned for a colleague).</summary>
    public async Task<DeskResult> UndoCheckInAsync(int summitId, int registrationId, AuditActor actor, CancellationToken ct = default)
    {
        var registration = await Registrations(summitId).FirstOrDefaultAsync(r => r.Id == registrationId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such registration for this summit.");
        if (registration.CheckedInUtc is null) return DeskResult.Refused($"{registration.FullName} is not checked in.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var undone = await db.Registrations.Where(r => r.Id == registrationId && r.CheckedInUtc != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInUtc, (DateTime?)null), ct);
        if (undone == 0) return DeskResult.Refused($"{registration.FullName} is not checked in.");
        audit.Record(actor, "registration.check-in-undone", registration, $"Check-in of registration {registration.Id} undone");
        await audit.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DeskResult.Done($"Check-in of {registration.FullName} undone.");
    }

    /// <summary>Every approved badge of the summit (optionally one category) that no batch has printed yet, as a new
    /// batch; the batch's PDF is then downloaded by its id. A badge is its code: one given anew on registering again
    /// after a cancellation is not yet printed, whatever the old one was (<see cref="BadgePrint.OfCurrentBadge"/>).</summary>
    public async Task<DeskResult<BadgeBatch>> PrintNewAsync(int summitId, BadgeLayout layout, DelegateCategory? category, AuditActor actor,
        CancellationToken ct = default)
    {
        if (!Enum.IsDefined(layout)) return DeskResult.Refused("Choose a layout.").With<BadgeBatch>();
        if (!await db.Summits.AnyAsync(s => s.Id == summitId, ct)) return DeskResult.NotFound("There is no such summit.").With<BadgeBatch>();
        var current = db.BadgePrints.Where(BadgePrint.OfCurrentBadge);
        var ids = await db.Registrations
            .Where(r => r.SummitId == summitId && r.Status == RegistrationStatus.Approved)
            .Where(r => category == null || r.Category == category)
            .Where(r => !current.Any(p => p.RegistrationId == r.Id))
            .Select(r => r.Id).ToListAsync(ct);
        if (ids.Count == 0) return DeskResult.Refused("Every approved badge has been printed already.").With<BadgeBatch>();

        var batch = new BadgeBatch
        {
            SummitId = summitId, CreatedUtc = Now, PrintedBy = actor.Name, Layout = layout,
            Prints = ids.Select(id => new BadgePrint { RegistrationId = id, FirstPrintOf = id }).ToList(),
        };
        db.BadgeBatches.Add(batch);
        audit.Record(actor, "badges.printed", batch, $"{AuditTrail.Count(ids.Count, "badge", "badges")} printed for summit {summitId}");
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique first print: another organiser's batch took some of these badges a moment ago.
            if (!await AnyPrintedAsync(ids, ct)) throw;
            return DeskResult.Conflict("the badges not yet printed").With<BadgeBatch>();
        }
        return (ids.Count == 1 ? DeskResult.Done("1 new badge to print.") : DeskResult.Done($"{ids.Count} new badges to print.")).With(batch);
    }

    /// <summary>One approved badge printed again, with the reason kept in the print log; only a badge printed at least
    /// once (its current code, <see cref="BadgePrint.OfCurrentBadge"/>) can be printed again.</summary>
    public async Task<DeskResult<BadgeBatch>> ReprintAsync(int summitId, int registrationId, string? reason, BadgeLayout layout, AuditActor actor,
        CancellationToken ct = default)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is null) return DeskResult.Refused("Say why the badge is printed again.").With<BadgeBatch>();
        if (reason.Length > BadgeBatch.ReasonMaxLength)
            return DeskResult.Refused($"The reason is longer than {BadgeBatch.ReasonMaxLength} characters.").With<BadgeBatch>();
        if (!Enum.IsDefined(layout)) return DeskResult.Refused("Choose a layout.").With<BadgeBatch>();
        var registration = await Registrations(summitId).FirstOrDefaultAsync(r => r.Id == registrationId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such registration for this summit.").With<BadgeBatch>();
        if (!registration.HasBadge) return DeskResult.Refused("Only an approved registration has a badge.").With<BadgeBatch>();
        // A reprint replaces a badge in someone's hands; a first print goes in a batch, which keeps the "not yet printed" count true.
        if (await LastPrintedAsync(db, registrationId, ct) is null)
            return DeskResult.Refused($"The badge of {registration.FullName} has never been printed, so there is nothing to reprint: print it with “Print all not yet printed”.").With<BadgeBatch>();

        var batch = new BadgeBatch
        {
            SummitId = summitId, CreatedUtc = Now, PrintedBy = actor.Name, Layout = layout, Reason = reason,
            Prints = [new BadgePrint { RegistrationId = registrationId }],
        };
        db.BadgeBatches.Add(batch);
        audit.Record(actor, "badge.reprinted", batch, $"Badge of registration {registrationId} reprinted");
        await audit.SaveChangesAsync(ct);
        return DeskResult.Done($"Badge of {registration.FullName} ready to print again.").With(batch);
    }

    /// <summary>When the registration's current badge was last printed (first print or reprint); null when never.</summary>
    public static Task<DateTime?> LastPrintedAsync(SummitDbContext db, int registrationId, CancellationToken ct = default) =>
        db.BadgePrints.Where(BadgePrint.OfCurrentBadge).Where(p => p.RegistrationId == registrationId).MaxAsync(p => (DateTime?)p.Batch.CreatedUtc, ct);

    private async Task<bool> AnyPrintedAsync(List<int> registrationIds, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.BadgePrints.AnyAsync(p => p.FirstPrintOf != null && registrationIds.Contains(p.FirstPrintOf.Value), ct);
    }

    private IQueryable<Registration> Registrations(int summitId) =>
        db.Registrations.AsNoTracking().Include(r => r.Organisation).Where(r => r.SummitId == summitId);

    private async Task<CheckIn> MarkArrivedAsync(Registration registration, AuditActor actor, CancellationToken ct)
    {
        if (registration.Status != RegistrationStatus.Approved) return new(CheckInOutcome.NotApproved, registration);
        if (registration.CheckedInUtc is not null) return new(CheckInOutcome.AlreadyCheckedIn, registration);

        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var marked = await db.Registrations
            .Where(r => r.Id == registration.Id && r.Status == RegistrationStatus.Approved && r.CheckedInUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInUtc, now), ct);
        if (marked == 0)
        {
            // Another desk (or a decision) got there between our read and our write: report what is true now.
            var current = (await Registrations(registration.SummitId).FirstAsync(r => r.Id == registration.Id, ct))!;
            return new(current.Status != RegistrationStatus.Approved ? CheckInOutcome.NotApproved : CheckInOutcome.AlreadyCheckedIn, current);
        }
        audit.Record(actor, "registration.checked-in", registration, $"Registration {registration.Id} checked in");
        await audit.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        registration.CheckedInUtc = now;
        return new(CheckInOutcome.CheckedIn, registration);
    }
}
