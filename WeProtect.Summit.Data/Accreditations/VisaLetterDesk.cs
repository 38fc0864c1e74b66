using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Accreditations;

/// <summary>Letters of invitation for visas: the delegate asks, an organiser approves (the job then renders and signs
/// it, see <see cref="IVisaLetterQueue"/>) or refuses with a reason; the host's wording per summit. A letter is only
/// for an approved delegate whose accreditation is complete, checked at the request and again at the approval.
/// A delegation's focal point may ask on behalf of a member of their own delegation (<see cref="RequestForMemberAsync"/>):
/// the same request, the same rules. The delegate (and the focal point who asked) is told of the decision by e-mail.
/// Audit events name ids, never the passport number.</summary>
public sealed class VisaLetterDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock, IVisaLetterQueue queue, Notifier notifier)
{
    /// <summary>Why no letter can be issued for this registration now, or null.</summary>
    public static string? WhyNotEligible(Registration registration, Accreditation? accreditation) =>
        WhyNotEligibleText(registration, accreditation)?.ToString();

    /// <summary><see cref="WhyNotEligible"/> as a desk says it, to be translated.</summary>
    public static DeskText? WhyNotEligibleText(Registration registration, Accreditation? accreditation)
    {
        if (registration.Status != RegistrationStatus.Approved)
            return "A letter of invitation is only for approved delegates: the registration is not approved.";
        var missing = accreditation is null ? Accreditation.NothingGiven : accreditation.Missing();
        return missing is null ? null : (DeskText)$"The accreditation is incomplete: first give {(DeskText)missing}.";
    }

    /// <summary>Why the focal point cannot ask for a letter for a member of the delegation, in words about the member.</summary>
    public static DeskText? WhyMemberNotEligibleText(Registration registration, Accreditation? accreditation)
    {
        if (registration.Status != RegistrationStatus.Approved) return "Only for approved delegates: this registration is not approved.";
        return Accreditation.MissingTheirs(accreditation) is { } missing ? (DeskText)$"The delegate has still to give {(DeskText)missing}." : null;
    }

    public async Task<DeskResult> RequestAsync(int registrationId, string userId, AuditActor actor, CancellationToken ct = default)
    {
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId && r.UserId == userId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such registration.");
        return await RequestForAsync(registration, userId, actor, "Your request for a letter of invitation is with the secretariat.", ct);
    }

    /// <summary>The focal point of <paramref name="invitationId"/> asks for a letter for the delegate nominated by
    /// <paramref name="nominationId"/>: only a nomination of that invitation (another delegation's member is not found),
    /// only by its focal point (anyone else is forbidden), only once the nominee has registered.</summary>
    public async Task<DeskResult> RequestForMemberAsync(int invitationId, int nominationId, string userId, AuditActor actor, CancellationToken ct = default)
    {
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null) return DeskResult.NotFound("There is no such invitation.");
        if (!invitation.IsFocalPoint(userId))
            return DeskResult.Refused("Only the delegation's focal point may ask for a letter of invitation for its members.", DeskRefusal.Forbidden);
        var nomination = await db.Nominations.AsNoTracking()
            .FirstOrDefaultAsync(n => n.Id == nominationId && n.InvitationId == invitationId && n.SummitId == invitation.SummitId, ct);
        if (nomination is null) return DeskResult.NotFound("There is no such member of your delegation.");
        if (nomination.RegistrationId is not int registrationId)
            return DeskResult.Refused("This member has not registered yet: a letter of invitation is only for approved delegates.");
        var registration = await db.Registrations.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == registrationId && r.SummitId == invitation.SummitId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such member of your delegation.");
        return await RequestForAsync(registration, userId, actor,
            $"The request for {registration.FullName}'s letter of invitation is with the secretariat.", ct);
    }

    private async Task<DeskResult> RequestForAsync(Registration registration, string requestedByUserId, AuditActor actor, DeskText done, CancellationToken ct)
    {
        var registrationId = registration.Id;
        var accreditation = await db.Accreditations.AsNoTracking().FirstOrDefaultAsync(a => a.RegistrationId == registrationId, ct);
        // Said to whoever asks: the delegate about themselves, the focal point about the member.
        var why = requestedByUserId == registration.UserId ? WhyNotEligibleText(registration, accreditation) : WhyMemberNotEligibleText(registration, accreditation);
        if (why is not null) return DeskResult.Refused(why);
        var now = clock.GetUtcNow().UtcDateTime;
        var letter = await db.VisaLetters.FirstOrDefaultAsync(v => v.RegistrationId == registrationId, ct);
        if (letter is null)
        {
            letter = new VisaLetter(registrationId, registration.SummitId, requestedByUserId, now);
            db.VisaLetters.Add(letter);
        }
        else if (letter.RequestAgain(requestedByUserId, now) is { } refusal) return DeskResult.Refused(refusal);
        var onBehalf = requestedByUserId == registration.UserId ? "" : " by the delegation's focal point";
        audit.Record(actor, "visa-letter.requested", letter, $"Visa letter requested for registration {registrationId}{onBehalf}");
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Refused("A letter of invitation is already requested for this registration.");
        }
        return DeskResult.Done(done);
    }

    public async Task<DeskResult> ApproveAsync(int summitId, int letterId, Guid version, AuditActor actor, CancellationToken ct = default)
    {
        var letter = await db.VisaLetters.FirstOrDefaultAsync(v => v.Id == letterId && v.SummitId == summitId, ct);
        if (letter is null) return DeskResult.NotFound("There is no such request.");
        if (letter.Version != version) return DeskResult.Conflict("this request");
        var registration = await db.Registrations.AsNoTracking().SingleAsync(r => r.Id == letter.RegistrationId, ct);
        var accreditation = await db.Accreditations.AsNoTracking().FirstOrDefaultAsync(a => a.RegistrationId == letter.RegistrationId, ct);
        if (WhyNotEligibleText(registration, accreditation) is { } why) return DeskResult.Refused($"{why} Refuse the request with that reason.");
        if (letter.Approve(actor.UserId, clock.GetUtcNow().UtcDateTime) is { } refusal) return DeskResult.Refused(refusal);
        audit.Record(actor, "visa-letter.approved", letter, $"Visa letter {letter.Id} for registration {letter.RegistrationId} approved");
        if (await SaveAsync(ct) is { } conflict) return conflict;
        queue.Enqueue(letter.Id); // after the commit: the job reads the row
        return DeskResult.Done($"Approved: the letter for {registration.FullName} is being prepared and signed.");
    }

    public async Task<DeskResult> RefuseAsync(int summitId, int letterId, Guid version, string? reason, AuditActor actor, CancellationToken ct = default)
    {
        var letter = await db.VisaLetters.FirstOrDefaultAsync(v => v.Id == letterId && v.SummitId == summitId, ct);
        if (letter is null) return DeskResult.NotFound("There is no such request.");
        if (letter.Version != version) return DeskResult.Conflict("this request");
        if (letter.Refuse(reason, actor.UserId, clock.GetUtcNow().UtcDateTime) is { } refusal) return DeskResult.Invalid([("Reason", refusal)]);
        var delegateUserId = await db.Registrations.Where(r => r.Id == letter.RegistrationId).Select(r => r.UserId).SingleAsync(ct);
        audit.Record(actor, "visa-letter.refused", letter, $"Visa letter {letter.Id} for registration {letter.RegistrationId} refused");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        VisaLetterNotices.Tell(notifier, NotificationKinds.VisaLetterRefused, letter.Id, letter, delegateUserId);
        if (await SaveAsync(ct) is { } conflict) return conflict;
        await notifier.CommitAsync(tx, ct);
        return DeskResult.Done("Refused: the delegate sees the reason on their page and is told by e-mail.");
    }

    public async Task<DeskResult> SaveWordingAsync(int summitId, string? wording, AuditActor actor, CancellationToken ct = default)
    {
        if (!await db.Summits.AnyAsync(s => s.Id == summitId, ct)) return DeskResult.NotFound("There is no such summit.");
        var settings = await db.VisaLetterSettings.FirstOrDefaultAsync(s => s.SummitId == summitId, ct);
        if (settings is null)
        {
            settings = new VisaLetterSettings(summitId);
            db.VisaLetterSettings.Add(settings);
        }
        if (settings.SetWording(wording, clock.GetUtcNow().UtcDateTime) is { } refusal) return DeskResult.Invalid([("Wording", refusal)]);
        audit.Record(actor, "visa-letter.wording-saved", settings, $"Visa letter wording of summit {summitId} saved");
        return await SaveAsync(ct) ?? DeskResult.Done("The wording of the letters is saved; letters issued from now on use it.");
    }

    private async Task<DeskResult?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await audit.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Conflict("this request");
        }
    }
}
