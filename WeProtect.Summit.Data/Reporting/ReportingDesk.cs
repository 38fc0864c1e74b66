using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Vocabulary;

namespace WeProtect.Summit.Data.Reporting;

/// <summary>Reporting on commitments after a summit: cycles, focal points, drafts, submissions, reminders. A draft
/// saves as it goes under a concurrency token (<see cref="ProgressReport.Version"/>): two focal points editing at once
/// get a conflict, not a lost update. Submitting needs two-factor authentication and a fresh authenticator code, and
/// is a conditional update on the draft's status and token, so a double submit submits once.</summary>
public sealed class ReportingDesk(SummitDbContext db, AuditTrail audit, Notifier notifier, TimeProvider clock, IPdfCheck pdfCheck)
{
    /// <summary>A focal point's answer on one commitment.</summary>
    public sealed record EntryInput(int StatementId, string Anchor, CommitmentStatus Status, string? Narrative, string? EvidenceLinks)
    {
        public string Key => TrackedCommitment.KeyOf(StatementId, Anchor);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ---------------------------------------------------------------- cycles

    /// <summary>Opens a cycle on published statements; the window is given in the summit's time zone.</summary>
    public async Task<DeskResult<ReportingCycle>> OpenCycleAsync(int summitId, string? title, DateTime? opensLocal, DateTime? deadlineLocal,
        IReadOnlyCollection<int> statementIds, AuditActor organiser, CancellationToken ct = default)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return new(DeskAnswer.NotFound, "There is no such summit.");
        var errors = new List<(string Field, DeskText Message)>();
        DateTime? ToUtc(DateTime? local, string field, DeskText missing)
        {
            if (local is null) { errors.Add((field, missing)); return null; }
            var (utc, error) = Summits.SummitClock.ToUtc(local.Value, summit.Zone);
            if (error is not null) { errors.Add((field, error)); return null; }
            return utc;
        }
        var opens = ToUtc(opensLocal, nameof(ReportingCycle.OpensUtc), "Give the date and time the cycle opens.");
        var deadline = ToUtc(deadlineLocal, nameof(ReportingCycle.DeadlineUtc), "Give the deadline.");
        var wanted = statementIds.Distinct().ToList();
        var published = await db.Statements.AsNoTracking().Where(s => wanted.Contains(s.Id)).Where(Statement.Reportable)
            .Select(s => s.Id).ToListAsync(ct);
        if (published.Count != wanted.Count)
            errors.Add((nameof(ReportingCycle.Statements), "Only published statements can be reported on. A standing statement can be, once open for endorsement."));
        if (errors.Count > 0) return DeskResult.Invalid(errors).With<ReportingCycle>();
        // An earlier statement that a chosen one reaffirms carries on into this cycle, with its commitments.
        var covered = (await Reaffirmations.ClosureAsync(db, wanted, ct)).ToList();
        var finals = await db.Statements.AsNoTracking().Where(s => covered.Contains(s.Id) && s.FinalVersionId != null).Select(s => s.Id).ToListAsync(ct);
        var carried = covered.Where(id => !wanted.Contains(id) && finals.Contains(id)).ToList();
        wanted.AddRange(carried);
        var now = Now;
        var (cycle, broken) = ReportingCycle.Open(summitId, title, opens!.Value, deadline!.Value, wanted, organiser.UserId ?? "", now);
        if (cycle is null) return DeskResult.Invalid(broken).With<ReportingCycle>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ReportingCycles.Add(cycle);
        await db.SaveChangesAsync(ct); // the cycle's id, for its invitations; the transaction keeps it with its audit event
        // Open already: its focal points are invited now. Opening later: the reporting sweep invites them then.
        var invited = cycle.OpensUtc <= now ? await AddInvitationsAsync(cycle.Id, null, ct) : [];
        audit.Record(organiser, "reporting-cycle.opened", cycle, $"Reporting cycle opened on statements {string.Join(", ", wanted)}" +
            (carried.Count > 0 ? $" (reaffirmed: {string.Join(", ", carried)})" : "") +
            (invited.Count > 0 ? $"; invitations queued for {AuditTrail.Count(invited.Count, "focal point", "focal points")}" : ""));
        await audit.SaveChangesAsync(ct);
        Notify(invited);
        await notifier.CommitAsync(tx, ct);
        return new(DeskAnswer.Done, invited.Count > 0
            ? DeskText.Counted(invited.Count, $"Reporting cycle \"{cycle.Title}\" opened. {invited.Count:N0} focal point invited to report.",
                $"Reporting cycle \"{cycle.Title}\" opened. {invited.Count:N0} focal points invited to report.")
            : (DeskText)$"Reporting cycle \"{cycle.Title}\" opened.") { Value = cycle };
    }

    /// <summary>Invites to an open cycle every live focal point of an organisation that reports in it and was not
    /// invited yet (the reporting sweep calls it every minute: for a cycle that opened after it was created, and for
    /// organisations that endorsed one of its statements since). Each focal point once, by the unique index.</summary>
    public async Task<DeskResult> InviteAsync(int cycleId, AuditActor actor, CancellationToken ct = default)
    {
        var cycle = await db.ReportingCycles.FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null) return DeskResult.NotFound("There is no such reporting cycle.");
        var now = Now;
        if (now < cycle.OpensUtc || now >= cycle.DeadlineUtc) return DeskResult.Refused("This reporting cycle is not open: invitations go while it is.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var invited = await AddInvitationsAsync(cycleId, null, ct);
        if (invited.Count == 0) return DeskResult.Refused("Every focal point of this cycle's organisations was already invited.");
        audit.Record(actor, "reporting-cycle.invited", cycle, $"Invitations queued for {AuditTrail.Count(invited.Count, "focal point", "focal points")} in cycle {cycleId}");
        try
        {
            await audit.SaveChangesAsync(ct);
            Notify(invited);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateException)
        {
            // The unique (cycle, focal point) index: a grant or another node's sweep invited one of them meanwhile.
            db.ChangeTracker.Clear();
            return DeskResult.Conflict("the invitations of this cycle");
        }
        return DeskResult.Done(DeskText.Counted(invited.Count, $"Invitation queued for {invited.Count:N0} focal point.", $"Invitations queued for {invited.Count:N0} focal points."));
    }

    /// <summary>Adds (unsaved) an invitation to the cycle for each live focal point of its reporting organisations not
    /// invited yet (only <paramref name="focalPointId"/> when given), with the user each is for.</summary>
    private async Task<List<(ReportInvitation Invitation, string UserId)>> AddInvitationsAsync(int cycleId, int? focalPointId, CancellationToken ct)
    {
        var scope = await TrackedCommitments.OfCycleAsync(db, cycleId, ct);
        if (scope is null) return [];
        // An organisation in the cycle only by its earlier report reports no more: nobody to invite.
        var reporters = scope.Reporters.Where(r => !r.ByItsRecordOnly).Select(r => r.OrganisationId).ToList();
        var owed = await db.ReportingFocalPoints.Unrevoked()
            .Where(f => (focalPointId == null || f.Id == focalPointId) && reporters.Contains(f.OrganisationId))
            .Where(f => !db.ReportInvitations.Any(i => i.CycleId == cycleId && i.FocalPointId == f.Id))
            .OrderBy(f => f.Id).Select(f => new { f.Id, f.UserId }).ToListAsync(ct);
        var now = Now;
        var invited = owed.Select(f => (new ReportInvitation(cycleId, f.Id, now), f.UserId)).ToList();
        db.ReportInvitations.AddRange(invited.Select(i => i.Item1));
        return invited;
    }

    /// <summary>One notification per invitation, once the invitations are saved (their ids are the subjects).</summary>
    private void Notify(IEnumerable<(ReportInvitation Invitation, string UserId)> invited)
    {
        foreach (var (invitation, userId) in invited) notifier.Add(NotificationKinds.ReportingInvitation, invitation.Id, userId);
    }

    /// <summary>Publishes a cycle's figures (the public progress page) once its deadline has passed. The figures are
    /// final by then (no report changes after the deadline), so they are counted here once and saved with the
    /// publication (<see cref="PublishedFigures"/>), for the public pages to read.</summary>
    public async Task<DeskResult> PublishAsync(int cycleId, AuditActor organiser, CancellationToken ct = default)
    {
        var cycle = await db.ReportingCycles.Include(c => c.Summit).FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null) return DeskResult.NotFound("There is no such reporting cycle.");
        if (cycle.Publish(Now) is { } refusal) return DeskResult.Refused(refusal);
        if (await CycleProgress.LoadAsync(db, cycleId, ct) is not { } progress) return DeskResult.NotFound("There is no such reporting cycle.");
        PublishedFigures.Add(db, progress);
        audit.Record(organiser, "reporting-cycle.published", cycle, $"Reporting cycle {cycleId} published");
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Published meanwhile: the token (PublishedUtc), or the figures already written under the same keys.
            db.ChangeTracker.Clear();
            return DeskResult.Conflict("this reporting cycle");
        }
        return DeskResult.Done($"\"{cycle.Title}\" is published: its figures are public.");
    }

    // ---------------------------------------------------------------- focal points

    /// <summary>Grants the user the right to report for the organisation. No two-factor authentication is needed to
    /// draft; <see cref="SubmitAsync"/> asks for it.</summary>
    public async Task<DeskResult<ReportingFocalPoint>> GrantFocalPointAsync(string userId, int organisationId, AuditActor organiser, CancellationToken ct = default)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) return new(DeskAnswer.NotFound, "There is no such user.");
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct)) return new(DeskAnswer.NotFound, "There is no such organisation.");
        if (await IsFocalPointAsync(userId, organisationId, ct))
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: "This user is already a reporting focal point of this organisation.");
        var now = Now;
        var focalPoint = new ReportingFocalPoint(organisationId, userId, organiser.UserId ?? "", now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ReportingFocalPoints.Add(focalPoint);
        List<(ReportInvitation Invitation, string UserId)> invited = [];
        List<int> cycles = [];
        try
        {
            await db.SaveChangesAsync(ct); // the grant's id, for its invitations; the transaction keeps it with its audit event
            // Cycles open now in which the organisation may report (it endorsed one of their statements): invited at once.
            var open = await db.ReportingCycles.Where(c => c.OpensUtc <= now && c.DeadlineUtc > now)
                .Where(c => c.Statements.Any(s => db.Endorsements.Any(e => e.StatementId == s.StatementId && e.OrganisationId == organisationId && e.WithdrawnUtc == null)))
                .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
            foreach (var cycleId in open) invited.AddRange(await AddInvitationsAsync(cycleId, focalPoint.Id, ct));
            cycles.AddRange(invited.Select(i => i.Invitation.CycleId).Distinct());
            audit.Record(organiser, "reporting-focal-point.granted", focalPoint, $"Reporting focal point for organisation {organisationId} granted to user {userId}" +
                (invited.Count > 0 ? $"; invited to report in {(cycles.Count == 1 ? "cycle" : "cycles")} {string.Join(", ", cycles)}" : ""));
            await audit.SaveChangesAsync(ct);
            Notify(invited);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateException)
        {
            // The filtered unique index (organisation, user) among live grants: a double click.
            db.ChangeTracker.Clear();
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: "This user is already a reporting focal point of this organisation.");
        }
        return new(DeskAnswer.Done, cycles.Count > 0
            ? DeskText.Counted(cycles.Count, $"Reporting focal point granted. Invited to report in {cycles.Count:N0} open cycle.", $"Reporting focal point granted. Invited to report in {cycles.Count:N0} open cycles.")
            : "Reporting focal point granted.") { Value = focalPoint };
    }

    public async Task<DeskResult<ReportingFocalPoint>> RevokeFocalPointAsync(int focalPointId, string? reason, AuditActor organiser, CancellationToken ct = default)
    {
        var focalPoint = await db.ReportingFocalPoints.FirstOrDefaultAsync(f => f.Id == focalPointId, ct);
        if (focalPoint is null) return new(DeskAnswer.NotFound, "There is no such focal point.");
        if (focalPoint.Revoke(reason, organiser.UserId ?? "", Now) is { } refusal) return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: refusal);
        audit.Record(organiser, "reporting-focal-point.revoked", focalPoint,
            $"Reporting focal point {focalPoint.Id} for organisation {focalPoint.OrganisationId} revoked");
        await audit.SaveChangesAsync(ct);
        return new(DeskAnswer.Done, "Reporting focal point revoked.") { Value = focalPoint };
    }

    public Task<bool> IsFocalPointAsync(string userId, int organisationId, CancellationToken ct = default) =>
        db.ReportingFocalPoints.Unrevoked().AnyAsync(f => f.UserId == userId && f.OrganisationId == organisationId, ct);

    // ---------------------------------------------------------------- drafts and submissions

    /// <summary>Saves answers, and what may be published of the report (<paramref name="publication"/>; null keeps the
    /// draft's), into the organisation's draft. <paramref name="expectedVersion"/> is the draft's token the form was
    /// read with, or null when the form showed no draft: then a draft is started (the next submission number, a copy of
    /// the last submission's answers and choice), so a submitted report is superseded, never edited.</summary>
    public Task<DeskResult<ProgressReport>> SaveAsync(int cycleId, int organisationId, Guid? expectedVersion, IReadOnlyList<EntryInput> entries,
        ReportPublication? publication, string userId, AuditActor actor, CancellationToken ct = default) =>
        SaveAsync(cycleId, organisationId, expectedVersion, entries, publication, userId, actor, ct, retried: false);

    private async Task<DeskResult<ProgressReport>> SaveAsync(int cycleId, int organisationId, Guid? expectedVersion, IReadOnlyList<EntryInput> entries,
        ReportPublication? publication, string userId, AuditActor actor, CancellationToken ct, bool retried)
    {
        var (_, reporter, refusal) = await CheckAsync(cycleId, organisationId, userId, ct);
        if (refusal is not null) return refusal.With<ProgressReport>();
        var known = reporter!.Commitments.Select(c => c.Key).ToHashSet();
        var errors = entries.Where(e => !known.Contains(e.Key))
            .Select(e => (e.Key, $"{e.Anchor} is not a commitment your organisation reports on in this cycle.")).ToList();
        if (errors.Count > 0) return DeskResult.Invalid(errors).With<ProgressReport>();

        var (draft, conflict) = await DraftAsync(cycleId, reporter, expectedVersion, userId, actor, ct, touch: false);
        if (draft is null) return conflict!.With<ProgressReport>();
        var started = draft.Id == 0;
        foreach (var input in entries)
        {
            var entry = draft.Entries.FirstOrDefault(e => e.Key == input.Key);
            if (entry is null)
            {
                entry = new ProgressEntry(input.StatementId, input.Anchor);
                draft.Entries.Add(entry);
            }
            if (entry.Set(input.Status, input.Narrative, input.EvidenceLinks) is { } problem) errors.Add((input.Key, problem));
        }
        if (publication is { } choice && draft.Choose(choice) is { } refused) errors.Add((nameof(ProgressReport.Publication), refused));
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Invalid(errors).With<ProgressReport>();
        }
        if (draft.Version != expectedVersion && !started)
        {
            // A form read at an older token: harmless when the draft already holds exactly these answers and choice (the page's
            // own save-as-you-go landed first, then its submit button posted the same answers); otherwise someone's
            // answers would be overwritten.
            if (db.ChangeTracker.HasChanges())
            {
                db.ChangeTracker.Clear();
                return DeskResult.Conflict("your organisation's report").With<ProgressReport>();
            }
            return new(DeskAnswer.Done, "Draft saved.") { Value = draft };
        }
        draft.Touch();
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (started && !retried)
        {
            // Two first saves at once (the page's save-as-you-go and its submit button) both started draft 1: the
            // loser reads the winner's draft and goes on as a form read at an older token (see above).
            db.ChangeTracker.Clear();
            return await SaveAsync(cycleId, organisationId, expectedVersion, entries, publication, userId, actor, ct, retried: true);
        }
        catch (DbUpdateException)
        {
            // The token moved (another save or the submission came first), or another draft took this number.
            db.ChangeTracker.Clear();
            return DeskResult.Conflict("your organisation's report").With<ProgressReport>();
        }
        return new(DeskAnswer.Done, "Draft saved.") { Value = draft };
    }

    /// <summary>The organisation's draft, tracked, its token checked against <paramref name="expectedVersion"/> and
    /// moved; or a new draft (the next submission number, copies of the last submission's answers and attachments)
    /// when the form showed none. A conflict when the form's draft is gone or changed.</summary>
    private async Task<(ProgressReport? Draft, DeskResult? Conflict)> DraftAsync(int cycleId, CycleScope.Reporter reporter, Guid? expectedVersion, string userId,
        AuditActor actor, CancellationToken ct, bool touch = true)
    {
        var organisationId = reporter.OrganisationId;
        var draft = await db.ProgressReports.Include(r => r.Entries).Include(r => r.Attachments)
            .FirstOrDefaultAsync(r => r.CycleId == cycleId && r.OrganisationId == organisationId && r.Status == ProgressReportStatus.Draft, ct);
        if (draft is not null)
        {
            // Untouched, the caller checks the token itself (a save compares the answers first).
            if (!touch) return (draft, null);
            if (draft.Version != expectedVersion) return (null, DeskResult.Conflict("your organisation's report"));
            draft.Touch();
            return (draft, null);
        }
        // A form read from a draft that is no longer one: it was submitted meanwhile.
        if (expectedVersion is not null) return (null, DeskResult.Conflict("your organisation's report (it was submitted)"));
        // The last submission, never a draft: a draft another save inserted a moment ago must make this one collide on
        // its number (and retry), not become submission 2 beside it.
        var last = await db.ProgressReports.AsNoTracking().Include(r => r.Entries).Include(r => r.Attachments).ThenInclude(a => a.Content)
            .Where(r => r.CycleId == cycleId && r.OrganisationId == organisationId && r.Status != ProgressReportStatus.Draft)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        draft = new ProgressReport(cycleId, organisationId, (last?.Number ?? 0) + 1, userId, Now);
        if (last is not null)
        {
            // Not the answers on a statement it no longer endorses: the next submission no longer reports on it.
            var own = reporter.Commitments.Select(c => c.Key).ToHashSet();
            draft.Entries.AddRange(last.Entries.Where(e => own.Contains(e.Key)).Select(e => e.Copy()));
            draft.Attachments.AddRange(last.Attachments.Select(a => a.Copy(a.Content!.Bytes)));
            draft.Choose(last.Publication);
        }
        db.ProgressReports.Add(draft);
        audit.Record(actor, "progress-report.started", draft,
            $"Progress report (submission {draft.Number}) of organisation {organisationId} for cycle {cycleId} started");
        return (draft, null);
    }

    // ---------------------------------------------------------------- attachments

    /// <summary>Attaches a PDF to the organisation's draft (starting one when the form showed none). The type is read
    /// from the content (<see cref="ReportPdf"/>, then the reader behind <see cref="IPdfCheck"/>); the name only gives
    /// the file its name. The draft's token moves, so a submission prepared before the change is refused.</summary>
    public async Task<DeskResult<ReportAttachment>> AttachAsync(int cycleId, int organisationId, Guid? expectedVersion, string fileName, byte[] content,
        string userId, AuditActor actor, CancellationToken ct = default)
    {
        var (_, reporter, refusal) = await CheckAsync(cycleId, organisationId, userId, ct);
        if (refusal is not null) return refusal.With<ReportAttachment>();
        var name = AttachmentName(fileName);
        if (content.LongLength == 0) return Invalid($"{name} is empty.");
        if (content.LongLength > ReportAttachment.MaxBytes) return Invalid($"{name} is larger than {ReportAttachment.MaxBytes / (1024 * 1024)} MB.");
        if ((ReportPdf.Refuse(content) ?? pdfCheck.Refuse(content)) is { } notPdf) return Invalid($"{name} {notPdf}");
        var (draft, conflict) = await DraftAsync(cycleId, reporter!, expectedVersion, userId, actor, ct);
        if (draft is null) return conflict!.With<ReportAttachment>();
        if (draft.Attachments.Count >= ReportAttachment.MaxPerReport)
        {
            db.ChangeTracker.Clear();
            return Invalid($"A report takes at most {ReportAttachment.MaxPerReport} attachments: remove one first.");
        }
        var attachment = new ReportAttachment(name, content, userId, Now);
        if (draft.Attachments.Any(a => a.Sha256 == attachment.Sha256))
        {
            db.ChangeTracker.Clear();
            return Invalid($"{name} is already attached to this report (the same content).");
        }
        draft.Attachments.Add(attachment);
        audit.Record(actor, "progress-report.attachment-added", draft,
            $"PDF attached to progress report (submission {draft.Number}) of organisation {organisationId} for cycle {cycleId}: SHA-256 {attachment.Sha256}, {attachment.SizeBytes} bytes");
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Conflict("your organisation's report").With<ReportAttachment>();
        }
        return new(DeskAnswer.Done, $"{name} attached to the draft.") { Value = attachment };

        static DeskResult<ReportAttachment> Invalid(DeskText message) =>
            DeskResult.Invalid([(nameof(ReportAttachment.Content), message)]).With<ReportAttachment>();
    }

    /// <summary>Removes an attachment from the draft read at <paramref name="expectedVersion"/>; a submitted (or
    /// superseded) report's attachments are frozen. The token moves by a conditional update, in the transaction that
    /// deletes, so a removal and a submission never both win.</summary>
    public async Task<DeskResult> RemoveAttachmentAsync(int cycleId, int organisationId, int attachmentId, Guid expectedVersion, string userId,
        AuditActor actor, CancellationToken ct = default)
    {
        var (_, _, refusal) = await CheckAsync(cycleId, organisationId, userId, ct);
        if (refusal is not null) return refusal;
        var found = await db.ReportAttachments.AsNoTracking().Where(a => a.Id == attachmentId)
            .Join(db.ProgressReports.AsNoTracking(), a => a.ReportId, r => r.Id, (a, r) => new { a.FileName, a.Sha256, Report = r })
            .FirstOrDefaultAsync(x => x.Report.CycleId == cycleId && x.Report.OrganisationId == organisationId, ct);
        if (found is null) return DeskResult.NotFound("There is no such attachment.");
        if (found.Report.Status != ProgressReportStatus.Draft)
            return DeskResult.Refused($"{found.FileName} belongs to submission {found.Report.Number}, which is submitted: its attachments stay as they were. " +
                $"Save a change to start a new draft, and remove it there.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.ProgressReports
            .Where(r => r.Id == found.Report.Id && r.Status == ProgressReportStatus.Draft && r.Version == expectedVersion)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, Guid.NewGuid()), ct);
        if (moved == 0) return DeskResult.Conflict("your organisation's report");
        await db.ReportAttachmentContents.Where(c => c.AttachmentId == attachmentId).ExecuteDeleteAsync(ct);
        await db.ReportAttachments.Where(a => a.Id == attachmentId).ExecuteDeleteAsync(ct);
        audit.Record(actor, "progress-report.attachment-removed", found.Report,
            $"PDF removed from progress report (submission {found.Report.Number}) of organisation {organisationId} for cycle {cycleId}: SHA-256 {found.Sha256}");
        await audit.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DeskResult.Done($"{found.FileName} removed from the draft.");
    }

    /// <summary>The file name without a path or characters file systems refuse, ending in .pdf; "attachment.pdf"
    /// when nothing is left.</summary>
    private static string AttachmentName(string fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars().Concat(['"', '<', '>', '|', ':', '*', '?']).ToHashSet();
        var cleaned = new string(name.Where(c => !invalid.Contains(c) && !char.IsControl(c)).ToArray()).Trim().TrimStart('.');
        if (cleaned.Length == 0) cleaned = "attachment";
        if (cleaned.Length > ReportAttachment.FileNameMaxLength - 5) cleaned = cleaned[..(ReportAttachment.FileNameMaxLength - 5)];
        return Path.ChangeExtension(cleaned, ".pdf");
    }

    /// <summary>Submits the draft read at <paramref name="expectedVersion"/>: two-factor authentication on, then the
    /// fresh code (<paramref name="stepUp"/>), then a conditional update (still a draft, same token) that freezes it with
    /// its hash; the previous submission is superseded in the same transaction. Commitments never answered are frozen
    /// as not started. The draft's choice of publication (<see cref="ProgressReport.Publication"/>) is frozen with it:
    /// it is not part of the hashed content, which stays what the member reports.</summary>
    public async Task<DeskResult<ProgressReport>> SubmitAsync(int cycleId, int organisationId, Guid expectedVersion, string userId,
        AuditActor actor, Func<CancellationToken, Task<DeskText?>> stepUp, CancellationToken ct = default)
    {
        var (_, reporter, refusal) = await CheckAsync(cycleId, organisationId, userId, ct);
        if (refusal is not null) return refusal.With<ProgressReport>();
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.TwoFactorEnabled, ct))
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: $"Turn on two-step verification (Profile → Two-step verification) " +
                $"before submitting: a draft needs none, a submission does. Your draft is kept.");
        var draft = await db.ProgressReports.AsNoTracking().Include(r => r.Entries).Include(r => r.Attachments)
            .FirstOrDefaultAsync(r => r.CycleId == cycleId && r.OrganisationId == organisationId && r.Status == ProgressReportStatus.Draft, ct);
        if (draft is null) return await NothingToSubmitAsync(cycleId, organisationId, ct);
        if (draft.Version != expectedVersion) return DeskResult.Conflict("your organisation's report").With<ProgressReport>();
        if (await stepUp(ct) is { } stepUpRefusal) return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: $"{stepUpRefusal} Nothing was submitted.");

        // Answers on a statement the organisation no longer endorses (a draft begun before it withdrew) are not submitted.
        var own = reporter!.Commitments.Select(c => c.Key).ToHashSet();
        var answered = draft.Entries.Select(e => e.Key).ToHashSet();
        var missing = reporter.Commitments.Where(c => !answered.Contains(c.Key)).Select(c => new ProgressEntry(c.StatementId, c.Anchor)).ToList();
        var hash = ReportHash.Of(cycleId, organisationId, draft.Number, draft.Entries.Where(e => own.Contains(e.Key)).Concat(missing), draft.Attachments);
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var submitted = await db.ProgressReports
            .Where(r => r.Id == draft.Id && r.Status == ProgressReportStatus.Draft && r.Version == expectedVersion)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ProgressReportStatus.Submitted)
                .SetProperty(r => r.Version, Guid.NewGuid())
                .SetProperty(r => r.SubmittedUtc, (DateTime?)now)
                .SetProperty(r => r.SubmittedByUserId, userId)
                .SetProperty(r => r.ContentHash, hash), ct);
        if (submitted == 0)
        {
            await tx.RollbackAsync(ct);
            return await NothingToSubmitAsync(cycleId, organisationId, ct);
        }
        var superseded = await db.ProgressReports
            .Where(r => r.CycleId == cycleId && r.OrganisationId == organisationId && r.Status == ProgressReportStatus.Submitted && r.Id != draft.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ProgressReportStatus.Superseded).SetProperty(r => r.SupersededUtc, (DateTime?)now), ct);
        var report = await db.ProgressReports.Include(r => r.Entries).Include(r => r.Attachments).FirstAsync(r => r.Id == draft.Id, ct);
        report.Entries.RemoveAll(e => !own.Contains(e.Key));
        report.Entries.AddRange(missing);
        audit.Record(actor, "progress-report.submitted", report,
            $"Progress report {report.Id} (submission {report.Number}) of organisation {organisationId} for cycle {cycleId} submitted, SHA-256 {hash}" +
            (report.Attachments.Count > 0 ? $", with {AuditTrail.Count(report.Attachments.Count, "attachment", "attachments")}" : "") +
            (superseded > 0 ? "; it supersedes the previous submission" : "") +
            draft.Publication switch
            {
                ReportPublication.FiguresAndNarratives => "; figures and narratives may be published",
                ReportPublication.Private => "; the whole report is kept private",
                _ => "; figures may be published, narratives kept private",
            });
        await audit.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(DeskAnswer.Done, superseded > 0
            ? (DeskText)$"Submitted: submission {report.Number}, SHA-256 {hash}. It supersedes your organisation's previous submission."
            : (DeskText)$"Submitted: submission {report.Number}, SHA-256 {hash}.") { Value = report };
    }

    /// <summary>The answer when there is no draft (any more): the last submission says who came first.</summary>
    private async Task<DeskResult<ProgressReport>> NothingToSubmitAsync(int cycleId, int organisationId, CancellationToken ct)
    {
        var last = await db.ProgressReports.AsNoTracking()
            .Where(r => r.CycleId == cycleId && r.OrganisationId == organisationId && r.Status == ProgressReportStatus.Submitted).FirstOrDefaultAsync(ct);
        if (last is null)
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: "There is no draft to submit: save your answers first.");
        return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text:
            $"This report was already submitted (submission {last.Number} at {last.SubmittedUtc:yyyy-MM-dd HH:mm:ss} UTC, SHA-256 {last.ContentHash}). " +
            $"Nothing more was submitted; to change it, save new answers and submit again.") { Value = last };
    }

    /// <summary>404 without the cycle, 403 without a live focal point, a refusal when the organisation reports on
    /// nothing in the cycle or the window is not open.</summary>
    private async Task<(ReportingCycle? Cycle, CycleScope.Reporter? Reporter, DeskResult? Refusal)> CheckAsync(int cycleId, int organisationId, string userId,
        CancellationToken ct)
    {
        var cycle = await db.ReportingCycles.AsNoTracking().Include(c => c.Summit).FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null) return (null, null, DeskResult.NotFound("There is no such reporting cycle."));
        if (!await IsFocalPointAsync(userId, organisationId, ct))
            return (cycle, null, DeskResult.Refused("You are not a reporting focal point of this organisation.", DeskRefusal.Forbidden));
        var reporter = (await TrackedCommitments.OfCycleAsync(db, cycleId, ct))?.Of(organisationId);
        if (reporter is null)
            return (cycle, null, DeskResult.Refused("Your organisation has no commitments to report on in this cycle: it has endorsed none of its statements, " +
                "or none of their sections is addressed to its sector."));
        if (await RefuseNewReportAsync(cycle, reporter, ct) is { } ended) return (cycle, reporter, DeskResult.Refused(ended));
        if (cycle.RefuseReports(Now) is { } closed) return (cycle, reporter, DeskResult.Refused(closed));
        return (cycle, reporter, null);
    }

    /// <summary>Why the organisation may draft and submit nothing more in the cycle, or null: it is in the cycle only by
    /// the report it submitted before its endorsement ended (<see cref="CycleScope.Reporter.ByItsRecordOnly"/>: it left
    /// the Alliance, or withdrew). That report stays in the record and the figures, as it was made; a new one would
    /// speak for an organisation that no longer endorses. The report page says it, and every change here refuses it.
    /// Dates are the summit's calendar days.</summary>
    public async Task<DeskText?> RefuseNewReportAsync(ReportingCycle cycle, CycleScope.Reporter reporter, CancellationToken ct = default)
    {
        if (reporter.EndorsementEndedUtc is not { } endedUtc) return null;
        var submittedUtc = await db.ProgressReports.AsNoTracking()
            .Where(r => r.CycleId == cycle.Id && r.OrganisationId == reporter.OrganisationId && r.Status == ProgressReportStatus.Submitted)
            .Select(r => r.SubmittedUtc).FirstOrDefaultAsync(ct);
        var submitted = DateOnly.FromDateTime(cycle.Summit.ToLocal(submittedUtc ?? endedUtc));
        // Not a member now: the day it left (its last period's end). A member still (or again): its endorsement ended.
        var periods = await db.Memberships.AsNoTracking().Where(m => m.OrganisationId == reporter.OrganisationId)
            .Select(m => m.LeftOn).ToListAsync(ct);
        if (periods.Count > 0 && periods.All(left => left != null))
            return $"Your organisation left the Alliance on {periods.Max()!.Value:d MMMM yyyy}; its report submitted on {submitted:d MMMM yyyy} stays in the record. No new report can be drafted or submitted for it in this cycle.";
        return $"Your organisation's endorsement ended on {DateOnly.FromDateTime(cycle.Summit.ToLocal(endedUtc)):d MMMM yyyy}; its report submitted on {submitted:d MMMM yyyy} stays in the record. No new report can be drafted or submitted for it in this cycle.";
    }

    // ---------------------------------------------------------------- review

    /// <summary>The secretariat accepts the current submission or asks a clarification (a note and an e-mail to each
    /// focal point of the organisation). <paramref name="expectedVersion"/> is the token the organiser read: a newer
    /// submission or another organiser's review meanwhile is a conflict, never overwritten.</summary>
    public async Task<DeskResult<ProgressReport>> ReviewAsync(int reportId, Guid expectedVersion, ReportReview review, string? note, AuditActor organiser,
        CancellationToken ct = default)
    {
        var report = await db.ProgressReports.FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null) return new(DeskAnswer.NotFound, "There is no such report.");
        if (report.Version != expectedVersion) return DeskResult.Conflict("this report").With<ProgressReport>();
        // A clarification is answered by a new submission, which the deadline ends: after it, one could not be answered.
        if (review == ReportReview.ClarificationAsked
            && (await db.ReportingCycles.AsNoTracking().Include(c => c.Summit).FirstAsync(c => c.Id == report.CycleId, ct)).RefuseReports(Now) is not null)
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: ClarificationTooLate);
        if (report.RecordReview(review, note, organiser.UserId ?? "", Now) is { } refusal)
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.Invalid, Text: refusal);
        var asked = review == ReportReview.ClarificationAsked;
        audit.Record(organiser, asked ? "progress-report.clarification-asked" : "progress-report.accepted", report,
            $"Progress report {report.Id} (submission {report.Number}) of organisation {report.OrganisationId} " + (asked ? "needs a clarification" : "accepted"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await audit.SaveChangesAsync(ct);
            if (asked)
            {
                var focalPoints = await db.ReportingFocalPoints.Unrevoked().Where(f => f.OrganisationId == report.OrganisationId).Select(f => f.UserId).ToListAsync(ct);
                foreach (var userId in focalPoints) notifier.Add(NotificationKinds.ReportingClarification, report.Id, userId);
            }
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Conflict("this report").With<ProgressReport>();
        }
        return new(DeskAnswer.Done, asked ? "Clarification asked: the focal points are told by e-mail and see your note." : "Report accepted.") { Value = report };
    }

    /// <summary>Why the secretariat cannot ask a clarification once the cycle's deadline has passed.</summary>
    public static readonly DeskText ClarificationTooLate =
        "The deadline of this cycle has passed: the focal points can no longer submit, so a clarification could not be answered. Accept the report as it is, or write to them.";

    // ---------------------------------------------------------------- reminders

    /// <summary>Queues a reminder to the focal points of every organisation that must report, has not submitted and
    /// was not reminded yet in this cycle: each organisation once (a unique row per cycle and organisation), each
    /// focal point one notification, sent by the notification job. <paramref name="note"/>, when given, is the
    /// organisers' own words, added to each of these letters.</summary>
    /// <remarks><paramref name="invitedBefore"/> (the sweep's <see cref="ReportingCycle.RemindersBeginUtc"/>): only the
    /// organisations with a focal point invited to report before then; organisers' reminders have none.</remarks>
    public async Task<DeskResult> RemindAsync(int cycleId, string? note, AuditActor organiser, CancellationToken ct = default, DateTime? invitedBefore = null)
    {
        var cycle = await db.ReportingCycles.FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        var scope = await TrackedCommitments.OfCycleAsync(db, cycleId, ct);
        if (cycle is null || scope is null) return DeskResult.NotFound("There is no such reporting cycle.");
        note = OrganiserNote.Clean(note);
        if (OrganiserNote.Refusal(note, "ReminderNote") is { } tooLong) return tooLong;
        var now = Now;
        if (!cycle.TakesReminders(now)) return DeskResult.Refused("The deadline of this cycle has passed: there is nothing left to remind anyone of.");
        var submitted = await db.ProgressReports.Where(r => r.CycleId == cycleId && r.Status != ProgressReportStatus.Draft)
            .Select(r => r.OrganisationId).Distinct().ToListAsync(ct);
        var reminded = await db.ReportReminders.Where(r => r.CycleId == cycleId).Select(r => r.OrganisationId).ToListAsync(ct);
        var due = scope.Reporters.Select(r => r.OrganisationId).Except(submitted).Except(reminded).ToList();
        if (invitedBefore is { } cutoff)
        {
            var invitedEarlier = await db.ReportInvitations.Where(i => i.CycleId == cycleId && i.QueuedUtc < cutoff)
                .Join(db.ReportingFocalPoints, i => i.FocalPointId, f => f.Id, (i, f) => f.OrganisationId).Distinct().ToListAsync(ct);
            due = due.Intersect(invitedEarlier).ToList();
        }
        var focalPoints = await db.ReportingFocalPoints.Unrevoked().Where(f => due.Contains(f.OrganisationId))
            .Select(f => new { f.OrganisationId, f.UserId }).ToListAsync(ct);
        var reminders = due.Where(o => focalPoints.Any(f => f.OrganisationId == o)).Select(o => new ReportReminder(cycleId, o, now, note)).ToList();
        var withoutFocalPoint = due.Count - reminders.Count;
        DeskText? noFocalPoint = withoutFocalPoint > 0 ? DeskText.Counted(withoutFocalPoint, $"{withoutFocalPoint:N0} organisation that has not submitted has no focal point to remind.",
            $"{withoutFocalPoint:N0} organisations that have not submitted have no focal point to remind.") : null;
        if (reminders.Count == 0)
            return DeskResult.Refused(noFocalPoint is null ? "Nobody to remind: every organisation has submitted or was already reminded in this cycle."
                : (DeskText)$"Nobody to remind: every organisation has submitted or was already reminded in this cycle. {noFocalPoint}");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ReportReminders.AddRange(reminders);
        audit.Record(organiser, "reporting-cycle.reminded", cycle, $"Reminders queued for {AuditTrail.Count(reminders.Count, "organisation", "organisations")} in cycle {cycleId}" + (note is null ? "" : ", with a note"));
        try
        {
            await audit.SaveChangesAsync(ct);
            foreach (var reminder in reminders)
                foreach (var f in focalPoints.Where(f => f.OrganisationId == reminder.OrganisationId))
                    notifier.Add(NotificationKinds.ReportingReminder, reminder.Id, f.UserId);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateException)
        {
            // The unique (cycle, organisation) index: another organiser queued them at the same moment.
            db.ChangeTracker.Clear();
            return DeskResult.Conflict("the reminders of this cycle");
        }
        return DeskResult.Done(noFocalPoint is null
            ? DeskText.Counted(reminders.Count, $"Reminder queued for {reminders.Count:N0} organisation.", $"Reminders queued for {reminders.Count:N0} organisations.")
            : DeskText.Counted(reminders.Count, $"Reminder queued for {reminders.Count:N0} organisation. {noFocalPoint}", $"Reminders queued for {reminders.Count:N0} organisations. {noFocalPoint}"));
    }
}
