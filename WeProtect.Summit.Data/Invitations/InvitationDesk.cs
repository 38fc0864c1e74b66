using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Invitations;

/// <summary>Registration by invitation: organisers invite organisations (one or a file at once, all or nothing), revoke
/// and remind; the focal point accepts with the address it was sent to and nominates the delegation within its quota
/// (taken by conditional update, so two nominations at once cannot both take the last place); focal points and
/// organisers set the protocol details. Audit events name ids, never people or addresses.</summary>
public sealed class InvitationDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock, Notifier notifier, InvitationTokens tokens,
    RegistrationDesk registrations)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Invites every row, or none when any row is bad (each bad row reported with its line). An organisation
    /// already invited gets its invitation again, at the new address if one is given, with a new link.</summary>
    public async Task<DeskResult> InviteAsync(int summitId, IReadOnlyList<InvitationRow> rows, int? statementId, AuditActor actor, CancellationToken ct = default)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return DeskResult.NotFound("There is no such summit.");
        if (summit.Status == Summits.SummitStatus.Archived) return DeskResult.Refused("This summit has taken place: nobody can be invited to it.");
        if (rows.Count == 0) return DeskResult.Refused("Nobody to invite: give an organisation and its focal point's address.");
        if (statementId is int sid && !await db.Statements.AnyAsync(s => s.Id == sid && s.SummitId == summitId, ct))
            return DeskResult.Invalid([("StatementId", (DeskText)"Choose a statement of this summit.")]);

        var organisationIds = rows.Select(r => r.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var existing = await db.Invitations.Where(i => i.SummitId == summitId && organisationIds.Contains(i.OrganisationId)).ToDictionaryAsync(i => i.OrganisationId, ct);
        var quotas = await db.DelegationQuotas.Where(q => q.SummitId == summitId && organisationIds.Contains(q.OrganisationId)).ToDictionaryAsync(q => q.OrganisationId, ct);
        var now = Now;
        var errors = new List<(string Field, DeskText Message)>();
        DeskText Where(InvitationRow r, DeskText text) => r.Line > 0 ? (DeskText)$"Line {r.Line}: {text}" : text;
        foreach (var duplicate in rows.GroupBy(r => r.OrganisationId).Where(g => g.Count() > 1))
            errors.Add(("Rows", organisations.GetValueOrDefault(duplicate.Key) is { } named
                ? (DeskText)$"Line {duplicate.Last().Line}: {named.FormalName} is already on line {duplicate.First().Line}."
                : (DeskText)$"Line {duplicate.Last().Line}: this organisation is already on line {duplicate.First().Line}."));
        var invited = new List<Invitation>();
        foreach (var row in rows)
        {
            if (!organisations.TryGetValue(row.OrganisationId, out var organisation))
            {
                errors.Add(("OrganisationId", Where(row, DeskText.LowerFirst("Choose an organisation from the directory."))));
                continue;
            }
            if (EmailAddresses.Problem(row.Email) is { } bad) { errors.Add(("Email", Where(row, bad))); continue; }
            if (row.Heads is not null || row.Delegates is not null)
            {
                var quota = quotas.GetValueOrDefault(row.OrganisationId) ?? new DelegationQuota { SummitId = summitId, OrganisationId = row.OrganisationId };
                quota.HeadsOfDelegation = row.Heads ?? quota.HeadsOfDelegation;
                quota.Delegates = row.Delegates ?? quota.Delegates;
                quota.Version = Guid.NewGuid();   // an edit of the limits, like the quotas page's (its version is the concurrency token)
                foreach (var (_, message) in quota.Validate()) errors.Add(("Quota", Where(row, $"{organisation.FormalName}: {(DeskText)message}")));
                if (quota.Id == 0 && !quotas.ContainsKey(row.OrganisationId)) { db.DelegationQuotas.Add(quota); quotas[row.OrganisationId] = quota; }
            }
            if (quotas.GetValueOrDefault(row.OrganisationId) is { } places && !places.HasAnyPlace)
            {
                errors.Add(("Quota", Where(row, $"{organisation.FormalName}: a quota of 0 heads of delegation and 0 delegates lets its focal point nominate nobody. Give at least one place.")));
                continue;
            }
            if (existing.TryGetValue(row.OrganisationId, out var invitation))
            {
                if (invitation.Readdress(row.Email, statementId, now, summit.RegistrationClosesUtc) is { } refused) { errors.Add(("Email", Where(row, $"{organisation.FormalName}: {refused}"))); continue; }
            }
            else
            {
                invitation = new Invitation(summitId, row.OrganisationId, row.Email, statementId, actor.UserId ?? "", now, summit.RegistrationClosesUtc);
                db.Invitations.Add(invitation);
            }
            var (seed, hash) = tokens.NewSeed(InvitationTokens.InvitationPurpose);
            invitation.UseToken(seed, hash);
            invited.Add(invitation);
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Invalid(errors, rows.Count == 1 ? null : DeskText.Counted(errors.Count, $"Nothing was sent: {errors.Count} problem to correct first.", $"Nothing was sent: {errors.Count} problems to correct first."));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            foreach (var invitation in invited)
            {
                audit.Record(actor, "invitation.sent", invitation, $"Invitation {invitation.Id} to organisation {invitation.OrganisationId} for summit {summitId}");
                notifier.Add(NotificationKinds.InvitationSent, invitation.Id);
            }
            await audit.SaveChangesAsync(ct);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateException)
        {
            // The unique indexes (one invitation or quota per organisation per summit): another organiser came first.
            db.ChangeTracker.Clear();
            return DeskResult.Conflict("this summit's invitations");
        }
        return invited.Count == 1
            ? DeskResult.Done($"Invitation sent to {organisations[invited[0].OrganisationId].FormalName}.")
            : DeskResult.Done(DeskText.Counted(invited.Count, $"{invited.Count:N0} invitation sent.", $"{invited.Count:N0} invitations sent."));
    }

    /// <summary>What revoking an invitation would do: the nominations it withdraws (not yet approved) and the approved
    /// delegates it keeps. Shown on the confirmation page before the organiser revokes.</summary>
    public async Task<DeskResult<RevocationPreview>> PreviewRevocationAsync(int summitId, int invitationId, CancellationToken ct = default)
    {
        var invitation = await db.Invitations.AsNoTracking().Include(i => i.Organisation).FirstOrDefaultAsync(i => i.Id == invitationId && i.SummitId == summitId, ct);
        if (invitation is null) return DeskResult.NotFound("There is no such invitation.").With<RevocationPreview>();
        var nominees = await LiveNomineesAsync(invitationId, ct);
        return DeskResult.Done("").With(new RevocationPreview(invitation,
            nominees.Count(n => n.Status != RegistrationStatus.Approved),
            nominees.Where(n => n.Status == RegistrationStatus.Approved).Select(n => n.FullName!).Order(StringComparer.CurrentCulture).ToList()));
    }

    /// <summary>Revokes an invitation: its link stops working, its nominations not yet approved are withdrawn (their
    /// places go back to the quota, their registrations are cancelled, each nominee is told), and the focal point is
    /// told. Approved delegates keep their places: they were vetted and may already have travel and visas arranged, so
    /// taking them off is the secretariat's decision, one registration at a time.</summary>
    public async Task<DeskResult> RevokeAsync(int summitId, int invitationId, AuditActor actor, CancellationToken ct = default)
    {
        var invitation = await db.Invitations.Include(i => i.Organisation).FirstOrDefaultAsync(i => i.Id == invitationId && i.SummitId == summitId, ct);
        if (invitation is null) return DeskResult.NotFound("There is no such invitation.");
        var focalPoint = invitation.FocalPointUserId;
        var now = Now;
        if (invitation.Revoke(now) is { } refused) return DeskResult.Refused(refused);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // The invitation first: a concurrent revocation or re-invitation stops here, before any nomination moves.
            await db.SaveChangesAsync(ct);
            var withdrawn = 0;
            var kept = 0;
            foreach (var nominee in await LiveNomineesAsync(invitationId, ct))
            {
                if (nominee.Status == RegistrationStatus.Approved) { kept++; continue; }
                var result = await WithdrawCoreAsync(nominee.Nomination, now, actor, ct);
                if (result.Answer == DeskAnswer.Refused) { kept++; continue; }   // approved meanwhile: kept, like the others
                if (!result.Succeeded) { db.ChangeTracker.Clear(); return result; }
                withdrawn++;
            }
            audit.Record(actor, "invitation.revoked", invitation,
                $"Invitation {invitation.Id} revoked: {AuditTrail.Count(withdrawn, "nomination", "nominations")} withdrawn, {AuditTrail.Count(kept, "approved delegate", "approved delegates")} kept");
            notifier.Add(NotificationKinds.InvitationRevoked, invitation.Id, focalPoint);
            await audit.SaveChangesAsync(ct);
            await notifier.CommitAsync(tx, ct);
            var withdrawnSaid = DeskText.Counted(withdrawn, $"{withdrawn:N0} nomination not yet approved was withdrawn and its place returned to the quota;", $"{withdrawn:N0} nominations not yet approved were withdrawn and their places returned to the quota;");
            var keptSaid = DeskText.Counted(kept, $"{kept:N0} approved delegate keeps their place.", $"{kept:N0} approved delegates keep their places.");
            return DeskResult.Done($"{invitation.Organisation.FormalName}'s invitation is revoked: its link no longer works. {withdrawnSaid} {keptSaid} The focal point was told by e-mail.");
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Conflict($"{invitation.Organisation.FormalName}'s invitation");
        }
    }

    /// <summary>The focal point (or an organiser) withdraws a nomination not yet approved: its place goes back to the
    /// quota, a registration the nominee completed is cancelled (through <see cref="RegistrationDesk"/>'s cancellation,
    /// so that breakout seats are released), and the nominee is told by e-mail.</summary>
    public async Task<DeskResult> WithdrawNominationAsync(int nominationId, string userId, bool organiser, AuditActor actor, CancellationToken ct = default)
    {
        var nomination = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == nominationId, ct);
        if (nomination is null) return DeskResult.NotFound("There is no such nomination.");
        var access = await DelegationAsync(nomination.InvitationId, userId, organiser, ct);
        if (!access.Succeeded) return access;
        if (nomination.IsWithdrawn) return DeskResult.Refused("This nomination is already withdrawn.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await WithdrawCoreAsync(nomination, Now, actor, ct);
        if (!result.Succeeded) { db.ChangeTracker.Clear(); return result; }
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
        return DeskResult.Done($"The nomination of {EmailAddresses.Mask(nomination.Email)} is withdrawn: its place is free again, and they were told by e-mail.");
    }

    /// <summary>Withdraws one nomination inside the caller's transaction: claims it by a conditional update (so two
    /// withdrawals at once withdraw once), cancels the nominee's registration unless approved (then refused), returns
    /// the place to the quota, records the event and the letter to the nominee.</summary>
    private async Task<DeskResult> WithdrawCoreAsync(Nomination nomination, DateTime now, AuditActor actor, CancellationToken ct)
    {
        if (nomination.RegistrationId is int registrationId)
        {
            var cancelled = await registrations.CancelForWithdrawnNominationAsync(registrationId, actor, ct);
            if (!cancelled.Succeeded) return cancelled;
        }
        // Also as read: a nominee completing their registration meanwhile makes this a conflict, not a withdrawal that
        // leaves their registration standing.
        var claimed = await db.Nominations.Where(n => n.Id == nomination.Id && n.WithdrawnUtc == null && n.RegistrationId == nomination.RegistrationId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.WithdrawnUtc, now), ct);
        if (claimed == 0) return DeskResult.Conflict("this nomination");
        await db.DelegationQuotas.Where(q => q.SummitId == nomination.SummitId && q.OrganisationId == nomination.OrganisationId)
            .ReturnNominationAsync(nomination.Category, ct);
        audit.Record(actor, "nomination.withdrawn", nomination, $"Nomination {nomination.Id} ({nomination.Category}) under invitation {nomination.InvitationId} withdrawn");
        notifier.Add(NotificationKinds.NominationWithdrawn, nomination.Id);
        return DeskResult.Done("");
    }

    /// <summary>Sends a nominee's e-mail again (same link), at most once per <see cref="Nomination.ResendInterval"/>:
    /// the time of the last e-mail is moved by a conditional update, so a double click sends once.</summary>
    public async Task<DeskResult> ResendNominationAsync(int nominationId, string userId, bool organiser, AuditActor actor, CancellationToken ct = default)
    {
        var nomination = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == nominationId, ct);
        if (nomination is null) return DeskResult.NotFound("There is no such nomination.");
        var access = await DelegationAsync(nomination.InvitationId, userId, organiser, ct);
        if (!access.Succeeded) return access;
        if (access.Value!.IsRevoked) return DeskResult.Refused("This invitation was revoked: no e-mail goes out under it.");
        var now = Now;
        if (nomination.WhyNotResendable(now) is { } refused) return DeskResult.Refused(refused);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = now - Nomination.ResendInterval;
        var claimed = await db.Nominations
            .Where(n => n.Id == nominationId && n.WithdrawnUtc == null && n.RegistrationId == null && n.LastSentUtc <= due)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LastSentUtc, now), ct);
        if (claimed == 0)
        {
            var fresh = await db.Nominations.AsNoTracking().FirstAsync(n => n.Id == nominationId, ct);
            return DeskResult.Refused(fresh.WhyNotResendable(now) ?? DeskResult.ConflictMessage("this nomination"));
        }
        audit.Record(actor, "nomination.resent", nomination, $"Nomination {nomination.Id}: e-mail sent again");
        notifier.Add(NotificationKinds.NominationSent, nomination.Id);
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
        return DeskResult.Done($"The nomination e-mail was sent again to {EmailAddresses.Mask(nomination.Email)}.");
    }

    /// <summary>Someone holding an expired invitation link asks for a fresh one. The fresh link goes only to the address
    /// the organisers chose, never to the page: holding an old link (forwarded, leaked) gains nothing the mailbox did not
    /// already have, while showing or sending it anywhere else would let whoever found the old link take the
    /// organisation's place. No organiser has to act, the request is audited, and the progress page shows the new expiry.
    /// Refused for a revoked invitation (the organisers' decision stands) and for a link still valid or already used.</summary>
    public async Task<DeskResult> RenewAsync(string token, AuditActor actor, CancellationToken ct = default)
    {
        var found = await FindAsync(token, ct);
        if (found is null) return DeskResult.NotFound("This invitation link is not known: check that you copied all of it.");
        var invitation = await db.Invitations.FirstAsync(i => i.Id == found.Id, ct);
        var now = Now;
        if (invitation.IsRevoked) return DeskResult.Refused("This invitation was withdrawn by the organisers: only they can invite your organisation again.");
        if (invitation.IsAccepted) return DeskResult.Refused("This invitation was already accepted.");
        if (!invitation.IsExpired(now)) return DeskResult.Refused("This invitation link still works: nothing was sent.");
        var nominationsClose = await db.Summits.Where(s => s.Id == invitation.SummitId).Select(s => s.RegistrationClosesUtc).FirstOrDefaultAsync(ct);
        if (invitation.Readdress(invitation.Email, invitation.StatementId, now, nominationsClose) is { } refused) return DeskResult.Refused(refused);
        var (seed, hash) = tokens.NewSeed(InvitationTokens.InvitationPurpose);
        invitation.UseToken(seed, hash);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.Record(actor, "invitation.renewed", invitation, $"Invitation {invitation.Id}: a fresh link was asked for and sent to its address");
        notifier.Add(NotificationKinds.InvitationSent, invitation.Id);
        try
        {
            await audit.SaveChangesAsync(ct);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Refused("A fresh link was just sent: look for it in the mailbox the invitation was sent to.");
        }
        return DeskResult.Done($"A fresh link was sent to {EmailAddresses.Mask(invitation.Email)}. It works until {invitation.ExpiresUtc:d MMMM yyyy}.");
    }

    /// <summary>The invitation's nominations not withdrawn, with the status of the registration each nominee completed.</summary>
    private async Task<IReadOnlyList<(Nomination Nomination, RegistrationStatus? Status, string? FullName)>> LiveNomineesAsync(int invitationId, CancellationToken ct) =>
        (await (from n in db.Nominations.AsNoTracking()
                where n.InvitationId == invitationId && n.WithdrawnUtc == null
                join r in db.Registrations on n.RegistrationId equals (int?)r.Id into completed
                from r in completed.DefaultIfEmpty()
                select new { Nomination = n, Status = (RegistrationStatus?)r.Status, FullName = (string?)r.FullName }).ToListAsync(ct))
        .Select(x => (x.Nomination, x.Status, (string?)x.FullName)).ToList();

    /// <summary>The invitation whose link carries <paramref name="token"/>, with its organisation; null for none.</summary>
    public Task<Invitation?> FindAsync(string? token, CancellationToken ct = default) =>
        string.IsNullOrEmpty(token) || token.Length > 100
            ? Task.FromResult<Invitation?>(null)
            : db.Invitations.AsNoTracking().Include(i => i.Organisation).FirstOrDefaultAsync(i => i.TokenHash == InvitationTokens.Hash(token), ct);

    /// <summary>The nomination whose link carries <paramref name="token"/>; null for none.</summary>
    public Task<Nomination?> FindNominationAsync(string? token, CancellationToken ct = default) =>
        string.IsNullOrEmpty(token) || token.Length > 100
            ? Task.FromResult<Nomination?>(null)
            : db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.TokenHash == InvitationTokens.Hash(token), ct);

    /// <summary>The nomination link (path and query) a user signed in with <paramref name="userEmail"/> holds for the
    /// summit: a nomination to that address, not withdrawn nor completed, under an invitation not revoked; null for none
    /// (or when its link can no longer be written).</summary>
    public async Task<string?> HeldNominationLinkAsync(int summitId, string? userEmail, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userEmail)) return null;
        var email = EmailAddresses.Normalise(userEmail);
        var seed = await db.Nominations.AsNoTracking()
            .Where(n => n.SummitId == summitId && n.NormalisedEmail == email && n.WithdrawnUtc == null && n.RegistrationId == null
                && db.Invitations.Any(i => i.Id == n.InvitationId && i.RevokedUtc == null))
            .OrderByDescending(n => n.Id).Select(n => n.TokenSeed).FirstOrDefaultAsync(ct);
        return seed is null || tokens.Token(InvitationTokens.NominationPurpose, seed) is not { } token
            ? null : $"/Registration/Register/{summitId}?nomination={Uri.EscapeDataString(token)}";
    }

    /// <summary>The signed-in user accepts the invitation of the link and becomes the organisation's focal point.</summary>
    public async Task<DeskResult<Invitation>> AcceptAsync(string token, string userId, AuditActor actor, CancellationToken ct = default)
    {
        var found = await FindAsync(token, ct);
        if (found is null) return DeskResult.NotFound("This invitation link is not known: check that you copied all of it.").With<Invitation>();
        var invitation = await db.Invitations.Include(i => i.Organisation).FirstAsync(i => i.Id == found.Id, ct);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var wasAccepted = invitation.IsAccepted;
        if (invitation.Accept(userId, email, Now) is { } refused) return DeskResult.Refused(refused, DeskRefusal.Forbidden).With(invitation);
        if (wasAccepted) return DeskResult.Done("You are already this organisation's focal point.").With(invitation);
        audit.Record(actor, "invitation.accepted", invitation, $"Invitation {invitation.Id} accepted");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return DeskResult.Conflict("this invitation").With<Invitation>(); }
        return DeskResult.Done($"Thank you: you are {invitation.Organisation.FormalName}'s focal point. Nominate its delegation below.").With(invitation);
    }

    /// <summary>The invitation, if <paramref name="userId"/> may act on its delegation (its focal point, or an organiser).</summary>
    public async Task<DeskResult<Invitation>> DelegationAsync(int invitationId, string? userId, bool organiser, CancellationToken ct = default)
    {
        var invitation = await db.Invitations.AsNoTracking().Include(i => i.Organisation).FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null) return DeskResult.NotFound("There is no such invitation.").With<Invitation>();
        if (!organiser && !invitation.IsFocalPoint(userId))
            return DeskResult.Refused("Only the organisation's focal point for this summit may nominate its delegation.", DeskRefusal.Forbidden).With<Invitation>();
        return DeskResult.Done("").With(invitation);
    }

    /// <summary>The focal point (or an organiser) nominates one person, within the delegation's quota when it has one.</summary>
    public async Task<DeskResult> NominateAsync(int invitationId, string email, DelegateCategory category, ProtocolDetails protocol,
        string userId, bool organiser, AuditActor actor, CancellationToken ct = default)
    {
        var access = await DelegationAsync(invitationId, userId, organiser, ct);
        if (!access.Succeeded) return access;
        var invitation = access.Value!;
        if (invitation.IsRevoked) return DeskResult.Refused("This invitation was revoked: no one can be nominated under it.");
        var errors = new List<(string, DeskText)>();
        if (EmailAddresses.Problem(email) is { } bad) errors.Add(("Email", bad));
        if (!Nomination.IsNominable(category)) errors.Add(("Category", "Nominate a head of delegation or a delegate."));
        protocol = protocol.Normalised();
        errors.AddRange(protocol.Validate());
        if (errors.Count > 0) return DeskResult.Invalid(errors);
        var normalised = EmailAddresses.Normalise(email);
        if (await db.Nominations.AnyAsync(n => n.SummitId == invitation.SummitId && n.NormalisedEmail == normalised && n.WithdrawnUtc == null, ct))
            return AlreadyNominated();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var quota = db.DelegationQuotas.Where(q => q.SummitId == invitation.SummitId && q.OrganisationId == invitation.OrganisationId);
        if (await quota.AnyAsync(ct) && !await quota.NominateAsync(category, ct))
            return DeskResult.Refused(
                $"{invitation.Organisation.FormalName}'s delegation quota has no {DeskWords.Category(category)} place left to nominate.",
                DeskRefusal.QuotaFull);
        var nomination = new Nomination(invitation, email, category, protocol, userId, Now);
        var (seed, hash) = tokens.NewSeed(InvitationTokens.NominationPurpose);
        nomination.UseToken(seed, hash);
        db.Nominations.Add(nomination);
        try
        {
            await db.SaveChangesAsync(ct);
            audit.Record(actor, "nomination.created", nomination,
                $"Nomination {nomination.Id} ({category}) under invitation {invitation.Id}");
            notifier.Add(NotificationKinds.NominationSent, nomination.Id);
            await audit.SaveChangesAsync(ct);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateException)
        {
            // The unique (summit, address) index: the same person nominated at the same moment. The rollback gives
            // the quota place back.
            db.ChangeTracker.Clear();
            return AlreadyNominated();
        }
        return DeskResult.Done($"Nominated as {DeskWords.Category(category)}: an e-mail asks them to complete their registration.");
    }

    private static DeskResult AlreadyNominated() =>
        DeskResult.Invalid([("Email", (DeskText)"This address is already nominated for this summit.")]);

    /// <summary>The focal point (for their nominees) or an organiser sets title, honorific, rank and order, from the
    /// version of the nomination the page was opened at (<paramref name="expectedVersion"/>; on a conflict the value is
    /// the nomination as saved now); a registration the nominee completed follows. Errors are keyed by the protocol's fields.</summary>
    public async Task<DeskResult<Nomination>> SetNominationProtocolAsync(int nominationId, Guid? expectedVersion, ProtocolDetails protocol,
        string userId, bool organiser, AuditActor actor, CancellationToken ct = default)
    {
        var nomination = await db.Nominations.FirstOrDefaultAsync(n => n.Id == nominationId, ct);
        if (nomination is null) return DeskResult.NotFound("There is no such nomination.").With<Nomination>();
        var access = await DelegationAsync(nomination.InvitationId, userId, organiser, ct);
        if (!access.Succeeded) return access.With<Nomination>();
        if (expectedVersion != nomination.Version) return SavedNow(nomination);
        protocol = protocol.Normalised();
        if (protocol.Validate() is { Count: > 0 } errors) return DeskResult.Invalid(errors).With<Nomination>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The version the editor opened, claimed on the row and held to the commit: a second edit from the same version
        // waits, then finds it changed.
        if (await db.Nominations.Where(n => n.Id == nominationId && n.Version == expectedVersion)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.Version, n => n.Version), ct) == 0)
            return SavedNow(await db.Nominations.AsNoTracking().FirstAsync(n => n.Id == nominationId, ct));
        nomination.SetProtocol(protocol);
        if (nomination.RegistrationId is int registrationId
            && await db.Registrations.FirstOrDefaultAsync(r => r.Id == registrationId, ct) is { } registration)
        {
            registration.SetProtocol(protocol);
            registration.Version = Guid.NewGuid();
        }
        audit.Record(actor, "nomination.protocol-set", nomination, $"Nomination {nomination.Id}: protocol set ({protocol.Rank})");
        try
        {
            await audit.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The nominee registered, or was re-addressed or withdrawn, meanwhile; or the registration that follows
            // the nomination changed.
            db.ChangeTracker.Clear();
            return DeskResult.Conflict("this delegate's registration").With<Nomination>();
        }
        return DeskResult.Done("Protocol details saved.").With(nomination);
    }

    /// <summary>The conflict of a stale protocol edit, with the nomination as saved now.</summary>
    private DeskResult<Nomination> SavedNow(Nomination nomination)
    {
        db.ChangeTracker.Clear();
        return DeskResult.Conflict("this nomination").With(nomination);
    }

    /// <summary>An organiser sets the protocol details of any registration (open registration included), from the
    /// registration's version the page was opened at: a focal point's or the delegate's change meanwhile is not
    /// overwritten unseen.</summary>
    public async Task<DeskResult> SetRegistrationProtocolAsync(int summitId, int registrationId, Guid? expectedVersion, ProtocolDetails protocol,
        AuditActor actor, CancellationToken ct = default)
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == registrationId && r.SummitId == summitId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such registration.");
        if (expectedVersion != registration.Version)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Conflict($"{registration.FullName}'s registration");
        }
        protocol = protocol.Normalised();
        if (protocol.Validate() is { Count: > 0 } errors) return DeskResult.Invalid(errors);
        registration.SetProtocol(protocol);
        registration.Version = Guid.NewGuid();
        if (registration.NominationId is int nominationId && await db.Nominations.FirstOrDefaultAsync(n => n.Id == nominationId, ct) is { } nomination)
            nomination.SetProtocol(protocol);
        audit.Record(actor, "registration.protocol-set", registration, $"Registration {registration.Id}: protocol set ({protocol.Rank})");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return DeskResult.Conflict($"{registration.FullName}'s registration"); }
        return DeskResult.Done($"{registration.FullName}: protocol details saved.");
    }

    /// <summary>Reminds every invited organisation that has not nominated anyone yet: its invitation awaits an answer,
    /// or it was accepted and nobody is nominated. <paramref name="roundKey"/> comes from the form: the same form
    /// posted twice reminds once (a unique index). <paramref name="note"/>, when given, is the organisers' own words,
    /// added to each letter of this round.</summary>
    public async Task<DeskResult> RemindAsync(int summitId, Guid roundKey, string? note, AuditActor actor, CancellationToken ct = default)
    {
        if (!await db.Summits.AnyAsync(s => s.Id == summitId, ct)) return DeskResult.NotFound("There is no such summit.");
        note = OrganiserNote.Clean(note);
        if (OrganiserNote.Refusal(note, "ReminderNote") is { } tooLong) return tooLong;
        if (roundKey == Guid.Empty) return DeskResult.Refused("Reload the page and press Remind again.");
        if (await db.InvitationReminderRounds.AnyAsync(r => r.Key == roundKey, ct)) return AlreadyReminded();
        var now = Now;
        var waiting = await WithoutNomineesAsync(summitId, now, ct);
        if (waiting.Count == 0) return DeskResult.Refused("Nobody to remind: every invited organisation has nominated, or its invitation is revoked or expired.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var round = new InvitationReminderRound(summitId, roundKey, waiting.Count, now);
        db.InvitationReminderRounds.Add(round);
        foreach (var invitation in waiting)
        {
            invitation.Reminded(now, note);
            notifier.Add(NotificationKinds.InvitationReminder, invitation.Id);
        }
        audit.Record(actor, "invitation.reminded", round, $"Reminders queued for {AuditTrail.Count(waiting.Count, "invitation", "invitations")} of summit {summitId}" + (note is null ? "" : ", with a note"));
        try
        {
            await audit.SaveChangesAsync(ct);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return AlreadyReminded();
        }
        return DeskResult.Done(DeskText.Counted(waiting.Count, $"Reminder sent to {waiting.Count:N0} organisation that has not nominated anyone.",
            $"Reminders sent to {waiting.Count:N0} organisations that have not nominated anyone."));
    }

    /// <summary>The automatic reminder before the nomination deadline (registration closing), to each invited organisation
    /// that has not nominated anyone: once per invitation, claimed by a conditional update on
    /// <see cref="Invitation.DeadlineRemindedUtc"/>, so that two sweeps or two nodes at once remind once. An organisation
    /// an organiser reminded since <paramref name="windowStartUtc"/> is not reminded again.</summary>
    public async Task<DeskResult> RemindBeforeDeadlineAsync(int summitId, DateTime windowStartUtc, AuditActor actor, CancellationToken ct = default)
    {
        var summit = await db.Summits.FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return DeskResult.NotFound("There is no such summit.");
        var now = Now;
        if (summit.RegistrationClosesUtc is not { } closes || now >= closes) return DeskResult.Refused("The nomination deadline has passed or is not set.");
        var due = (await WithoutNomineesAsync(summitId, now, ct))
            .Where(i => i.DeadlineRemindedUtc == null && (i.LastRemindedUtc == null || i.LastRemindedUtc < windowStartUtc)).Select(i => i.Id).ToList();
        if (due.Count == 0) return DeskResult.Refused("Nobody to remind.");
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var reminded = new List<int>();
        foreach (var id in due)
        {
            // The claim: only one sweep sets it; a concurrent one waits for this commit and then matches no row.
            var claimed = await db.Invitations
                .Where(i => i.Id == id && i.DeadlineRemindedUtc == null && (i.LastRemindedUtc == null || i.LastRemindedUtc < windowStartUtc))
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.DeadlineRemindedUtc, now).SetProperty(i => i.LastRemindedUtc, now)
                    .SetProperty(i => i.ReminderNote, (string?)null), ct);
            if (claimed == 0) continue;
            notifier.Add(NotificationKinds.InvitationReminder, id);
            reminded.Add(id);
        }
        if (reminded.Count == 0) return DeskResult.Refused("Nobody to remind.");
        audit.Record(actor, "invitation.deadline-reminded", summit, $"Deadline reminders queued for {AuditTrail.Count(reminded.Count, "invitation", "invitations")} of summit {summitId}: {string.Join(", ", reminded)}");
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
        return DeskResult.Done(DeskText.Counted(reminded.Count, $"Reminder sent to {reminded.Count:N0} organisation that has not nominated anyone.",
            $"Reminders sent to {reminded.Count:N0} organisations that have not nominated anyone."));
    }

    /// <summary>The summit's invitations that are open (not revoked, not expired) and have no live nomination.</summary>
    private async Task<List<Invitation>> WithoutNomineesAsync(int summitId, DateTime now, CancellationToken ct) =>
        (await db.Invitations
            .Where(i => i.SummitId == summitId && i.RevokedUtc == null && (i.AcceptedUtc != null || i.ExpiresUtc > now))
            .Where(i => !db.Nominations.Any(n => n.InvitationId == i.Id && n.WithdrawnUtc == null))
            .OrderBy(i => i.Id).ToListAsync(ct))
        .Where(i => !i.IsExpired(now)).ToList();

    private static DeskResult AlreadyReminded() => DeskResult.Refused("These reminders were already sent: nothing was sent again.");
}
