using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Data.Registrations;

/// <summary>The secretariat corrects a delegate's e-mail address (mistyped at nomination, or the ministry's address
/// changed). A nomination not yet taken up moves to the new address with a new link (the old link stops working); an
/// account's address is never changed here: the change starts, and the delegate confirms it from the new mailbox through
/// Identity's change-of-address link (the app sends it and tells the old address). An address another account holds is
/// refused. The focal point who nominated a delegate may correct the address of their nomination too, while the summit's
/// registration is not closed (<see cref="WhyFocalPointMayNotReaddress"/>). Audit events name the record by id, never an
/// address.</summary>
public sealed class DelegateAddressDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock, Notifier notifier, InvitationTokens tokens)
{
    public const string NominationReaddressed = "nomination.readdressed";
    public const string EmailChangeStarted = "registration.email-change-started";

    /// <summary>Moves a nomination not yet taken up to <paramref name="email"/>: a new token (the old link is dead),
    /// the nomination e-mail sent there. Claimed by a conditional update on the token, so two corrections at once, or a
    /// correction and the nominee completing their registration, cannot both win.</summary>
    public async Task<DeskResult> ReaddressNominationAsync(int summitId, int nominationId, string? email, AuditActor actor, CancellationToken ct = default)
    {
        var nomination = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == nominationId && n.SummitId == summitId, ct);
        if (nomination is null) return DeskResult.NotFound("There is no such nomination.");
        return await ReaddressAsync(nomination, email, "the secretariat", actor, ct);
    }

    /// <summary>Who, besides the secretariat, may correct a nomination's address: the focal point of the invitation that
    /// made it (forbidden to anyone else), while the summit's registration is not closed (after that, the secretariat
    /// does). Null when <paramref name="userId"/> may.</summary>
    public static (DeskText Why, DeskRefusal Refusal)? WhyFocalPointMayNotReaddress(Invitation invitation, string? userId, Summits.SummitStatus summitStatus)
    {
        if (!invitation.IsFocalPoint(userId))
            return ("Only the focal point who nominated this delegate may correct the address of their nomination.", DeskRefusal.Forbidden);
        if (summitStatus is Summits.SummitStatus.Closed or Summits.SummitStatus.Archived)
            return ("Registration for this summit is closed: ask the secretariat to correct the address.", DeskRefusal.NotAllowed);
        return null;
    }

    /// <summary>The focal point corrects the address of a nomination they made (<see cref="WhyFocalPointMayNotReaddress"/>),
    /// as the secretariat would: a new link to the new address, the earlier one dead, audited alike. A nomination of
    /// another invitation is not found.</summary>
    public async Task<DeskResult> ReaddressOwnNominationAsync(int invitationId, int nominationId, string? email, string userId, AuditActor actor,
        CancellationToken ct = default)
    {
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        var nomination = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == nominationId && n.InvitationId == invitationId, ct);
        if (invitation is null || nomination is null) return DeskResult.NotFound("There is no such nomination.");
        var status = await db.Summits.Where(s => s.Id == invitation.SummitId).Select(s => s.Status).FirstAsync(ct);
        if (WhyFocalPointMayNotReaddress(invitation, userId, status) is { } refused) return DeskResult.Refused(refused.Why, refused.Refusal);
        return await ReaddressAsync(nomination, email, "the focal point", actor, ct);
    }

    /// <param name="by">Who corrected it, for the audit trail ("the secretariat", "the focal point").</param>
    private async Task<DeskResult> ReaddressAsync(Nomination nomination, string? email, string by, AuditActor actor, CancellationToken ct)
    {
        var (summitId, nominationId) = (nomination.SummitId, nomination.Id);
        if (nomination.WhyNotReaddressable() is { } refused) return DeskResult.Refused(refused);
        if (await db.Invitations.AnyAsync(i => i.Id == nomination.InvitationId && i.RevokedUtc != null, ct))
            return DeskResult.Refused("This invitation was revoked: no e-mail goes out under it.");
        if (EmailAddresses.Problem(email) is { } bad) return DeskResult.Invalid([("Email", (DeskText)bad)]);
        var address = email!.Trim();
        var normalised = EmailAddresses.Normalise(address);
        if (normalised == nomination.NormalisedEmail) return DeskResult.Invalid([("Email", (DeskText)"That is already the nomination's address.")]);
        if (await db.Nominations.AnyAsync(n => n.SummitId == summitId && n.NormalisedEmail == normalised && n.WithdrawnUtc == null, ct))
            return DeskResult.Invalid([("Email", (DeskText)"This address is already nominated for this summit.")]);
        if (await db.Registrations.AnyAsync(r => r.SummitId == summitId && r.User.NormalizedEmail == normalised, ct))
            return DeskResult.Invalid([("Email", (DeskText)"The account with this address is already registered for this summit: give another address.")]);

        var (seed, hash) = tokens.NewSeed(InvitationTokens.NominationPurpose);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        int claimed;
        try
        {
            claimed = await db.Nominations
                .Where(n => n.Id == nominationId && n.TokenHash == nomination.TokenHash && n.WithdrawnUtc == null && n.RegistrationId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Email, address).SetProperty(n => n.NormalisedEmail, normalised)
                    .SetProperty(n => n.TokenSeed, seed).SetProperty(n => n.TokenHash, hash).SetProperty(n => n.LastSentUtc, now), ct);
        }
        catch (DbUpdateException)
        {
            // The unique (summit, address) index: the same address nominated or given to another nomination meanwhile.
            return DeskResult.Invalid([("Email", (DeskText)"This address is already nominated for this summit.")]);
        }
        if (claimed == 0) return DeskResult.Conflict("this nomination");
        audit.Record(actor, NominationReaddressed, nomination,
            $"Nomination {nomination.Id}: address corrected by {by}; a new link sent to it, the earlier link no longer works");
        notifier.Add(NotificationKinds.NominationSent, nomination.Id);
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
        return DeskResult.Done($"The nomination now goes to {EmailAddresses.Mask(address)}: a new link was sent there, and the earlier link no longer works.");
    }

    /// <summary>Checks and records the start of a change of the account's address of a registration; answers the
    /// account, to which the app then sends the change-of-address link (at the new address) and the notice (at the
    /// current one). <paramref name="normalise"/> is Identity's normalisation of an address.</summary>
    public async Task<DeskResult<SummitUser>> StartEmailChangeAsync(int summitId, int registrationId, string? email, Func<string, string> normalise,
        AuditActor actor, CancellationToken ct = default)
    {
        var registration = await db.Registrations.Include(r => r.User).FirstOrDefaultAsync(r => r.Id == registrationId && r.SummitId == summitId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such registration.").With<SummitUser>();
        if (EmailAddresses.Problem(email) is { } bad) return DeskResult.Invalid([("Email", (DeskText)bad)]).With<SummitUser>();
        var normalised = normalise(email!.Trim());
        var user = registration.User;
        if (normalised == user.NormalizedEmail)
            return DeskResult.Invalid([("Email", (DeskText)"That is already this delegate's address.")]).With<SummitUser>();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalised && u.Id != user.Id, ct))
            return DeskResult.Invalid([("Email", (DeskText)"This address belongs to another account: ask the delegate for another one.")]).With<SummitUser>();
        audit.Record(actor, EmailChangeStarted, registration,
            $"Registration {registration.Id}: the secretariat started a change of the account's address; it changes when the delegate confirms it from the new mailbox");
        await audit.SaveChangesAsync(ct);
        return DeskResult.Done($"A link was sent to {EmailAddresses.Mask(email.Trim())}: the address changes when the delegate opens it. The current address was told.")
            .With(user);
    }
}
