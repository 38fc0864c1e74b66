using System.Data.Common;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Data.Statements;

/// <summary>A statement's life as organisers steer it: settings (frozen once signing is closed), new versions of the
/// text, status steps, and decisions on amendments ("an amendment only on the latest text", accepted only onto the
/// words it was proposed against). Each change is checked against the version the organiser saw and saved with its
/// audit event; the proposer of an amendment is told by e-mail. The statement is the caller's tracked copy.</summary>
public sealed class StatementDesk(SummitDbContext db, AuditTrail audit, Notifier notifier, TimeProvider clock, EndorsementDesk endorsements)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Starts a statement of summit <paramref name="summitId"/>: a kind and a working title, no text yet.</summary>
    public async Task<DeskResult<Statement>> CreateAsync(int summitId, StatementKind? kind, string? title, AuditActor actor, CancellationToken ct = default)
    {
        var summit = await db.Summits.Where(s => s.Id == summitId).Select(s => new { s.DefaultLanguage, s.RecordedAfterwards }).FirstOrDefaultAsync(ct);
        if (summit is null) return DeskResult.NotFound("There is no such summit.").With<Statement>();
        var language = summit.DefaultLanguage;
        var statement = new Statement
        {
            SummitId = summitId,
            RecordedAfterwards = summit.RecordedAfterwards,
            Kind = kind ?? (StatementKind)(-1),
            Title = title?.Trim() ?? "",
            CreatedUtc = Now,
        };
        // The summit's language is the authoritative one (an unsupported code leaves English).
        statement.SetAuthoritativeLanguage(language);
        if (statement.Validate() is { Count: > 0 } errors) return DeskResult.Invalid(errors).With<Statement>();
        db.Statements.Add(statement);
        audit.Record(actor, "statement.created", statement, $"Statement \"{statement.Title}\" ({Statement.Describe(statement.Kind)}) created");
        await audit.SaveChangesAsync(ct);
        return DeskResult.Done($"Statement \"{statement.Title}\" created: write its text below.").With(statement);
    }

    /// <summary>Saves settings the caller has copied onto <paramref name="statement"/> (tracked).</summary>
    public async Task<DeskResult> SaveSettingsAsync(Statement statement, Guid? expectedVersion, AuditActor actor, CancellationToken ct = default)
    {
        var entry = db.Entry(statement);
        if (!statement.SettingsEditable)
            return DeskResult.Refused($"{DeskWords.StatementIs(statement.Status)}: its settings and signing window can no longer change. Nothing was saved.");
        if (expectedVersion != entry.Property(s => s.Version).OriginalValue) return DeskResult.Conflict("this statement");
        if (statement.Validate() is { Count: > 0 } errors) return DeskResult.Invalid(errors);

        var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
        if (changed.Count == 0) return DeskResult.Done("Nothing changed.");
        entry.Property(s => s.Version).OriginalValue = expectedVersion!.Value;
        statement.Version = Guid.NewGuid();
        audit.Record(actor, "statement.settings-changed", statement, $"Statement \"{statement.Title}\" settings changed: {string.Join(", ", changed)}");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Forget(DeskResult.Conflict("this statement")); }
        return DeskResult.Done("Settings saved.");
    }

    /// <summary>Adds a version from a text the caller has parsed (and shown the errors of, if any), edited from version
    /// <paramref name="basedOn"/> (0 for the first text): refused as a conflict when a newer version came meanwhile.</summary>
    public async Task<DeskResult<StatementVersion>> AddVersionAsync(Statement statement, StatementParseResult parsed, int basedOn, string? changeNote,
        AuditActor actor, CancellationToken ct = default)
    {
        if (!statement.AcceptsNewVersions)
            return DeskResult.Refused($"{DeskWords.StatementIs(statement.Status)}: its text can no longer change. Nothing was saved.").With<StatementVersion>();
        // The text was edited from the version then latest: saved over a newer one (an accepted amendment, another
        // organiser's edit), it would silently undo that change, and the frozen text would lack it.
        if (statement.Latest is { } newer && newer.Number != basedOn)
            return new DeskResult(DeskAnswer.Conflict, TextChangedSince(newer), DeskRefusal.TextChanged).With<StatementVersion>();
        var (version, refusal) = statement.AddVersion(parsed, actor.UserId, actor.Name, changeNote ?? "", Now);
        if (version is null) return DeskResult.Refused(refusal!).With<StatementVersion>();
        // The statement's token too: finalising at the same moment cannot freeze a text that is being replaced.
        statement.Version = Guid.NewGuid();
        audit.Record(actor, "statement.version-added", statement, $"Statement \"{statement.Title}\" version {version.Number} ({version.ContentHash[..12]})");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Two saves at once: the unique (StatementId, Number) index lets only one of them take the number.
            return Forget(DeskResult.Conflict("this statement's text")).With<StatementVersion>();
        }
        return DeskResult.Done($"Version {version.Number} saved.").With(version);
    }

    /// <summary>Why a text edited from an older version is not saved, and what to do.</summary>
    public static DeskText TextChangedSince(StatementVersion newer) =>
        $"Version {newer.Number} was saved by {newer.AuthorName} after you opened the text: yours was not saved, so that it does not undo that change. The editor now holds version {newer.Number}; your text is kept below it. Copy your changes across and save again.";

    /// <summary>Moves the statement one status step. Closing an open statement is the signing desk's close (stamped and
    /// audited there); while its signing window still runs, only with <paramref name="confirmEarlyClose"/> (refused as
    /// <see cref="DeskRefusal.NeedsConfirmation"/> with <see cref="ClosingEndsSigningNow"/> otherwise). Publishing is the
    /// communiqué's, never a step here. Making the text final while amendments are still pending needs
    /// <paramref name="pendingAmendmentsReason"/> (refused as <see cref="DeskRefusal.NeedsConfirmation"/> without it): they
    /// can no longer be accepted, so each is rejected with that reason in the same transaction and its proposer told.</summary>
    public async Task<DeskResult> MoveAsync(Statement statement, StatementStatus? to, Guid? expectedVersion, AuditActor actor,
        bool confirmEarlyClose = false, string? pendingAmendmentsReason = null, CancellationToken ct = default)
    {
        if (to is null || !Enum.IsDefined(to.Value)) return DeskResult.Refused("Choose a status.");
        if (to == StatementStatus.Published && statement.NextStatuses().Contains(to.Value))
            return DeskResult.Refused("A statement is published with its communiqué: use “Publish the communiqué”. Nothing was changed.");
        if (expectedVersion != statement.Version) return DeskResult.Stale(statement.Status == to, "this statement", DeskWords.StatementIsNow(to.Value));
        if (to == StatementStatus.Closed && statement.Status == StatementStatus.OpenForSignature)
            return await CloseSigningAsync(statement, actor, confirmEarlyClose, ct);
        // A recorded statement's endorsements are complete: closed as signing is, stamped and audited there.
        if (to == StatementStatus.Closed && statement.RecordedAfterwards && statement.Status == StatementStatus.Final)
            return await endorsements.CloseAsync(statement.Id, actor, "the endorsements as printed are recorded", ct);
        var from = statement.Status;
        var pending = to == StatementStatus.Final && statement.AcceptsNewVersions
            ? await db.Amendments.Where(a => a.StatementId == statement.Id && a.Status == AmendmentStatus.Pending).OrderBy(a => a.Id).ToListAsync(ct)
            : [];
        if (pending.Count > 0 && string.IsNullOrWhiteSpace(pendingAmendmentsReason))
            return DeskResult.Refused(PendingAmendmentsWarning(pending.Count), DeskRefusal.NeedsConfirmation);
        if (statement.MoveTo(to.Value) is { } refusal) return DeskResult.Refused(refusal);
        foreach (var amendment in pending)
        {
            if (amendment.Reject(pendingAmendmentsReason!, actor.UserId ?? "", Now) is { } rejectRefusal)
                return Forget(DeskResult.Refused($"{rejectRefusal} Nothing was changed.", DeskRefusal.Invalid));
            amendment.Version = Guid.NewGuid();
            audit.Record(actor, "amendment.rejected", amendment, $"Amendment #{amendment.Id} on {amendment.Anchor} of statement \"{statement.Title}\" rejected as the text became final");
            notifier.Add(NotificationKinds.AmendmentDecided, amendment.Id);
        }
        db.Entry(statement).Property(s => s.Version).OriginalValue = expectedVersion.Value;
        statement.Version = Guid.NewGuid();
        audit.Record(actor, "statement.status-changed", statement,
            $"Statement \"{statement.Title}\" moved from {Vocabulary.Words.Name(from)} to {Vocabulary.Words.Name(to.Value)}");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var saved = await db.Statements.AsNoTracking().Where(s => s.Id == statement.Id).Select(s => (StatementStatus?)s.Status).FirstOrDefaultAsync(ct);
            return DeskResult.Stale(saved == to, "this statement", DeskWords.StatementIsNow(to.Value));
        }
        if (to == StatementStatus.Consultation) await ConsultationNoticesAsync(statement, ct);
        await notifier.CommitAsync(tx, ct);
        return pending.Count == 0 ? DeskResult.Done(DeskWords.StatementIsNow(to.Value))
            : DeskResult.Done(DeskResult.Joined([DeskWords.StatementIsNow(to.Value),
                DeskText.Counted(pending.Count, $"{pending.Count} pending amendment was rejected with your reason; its proposer will be told by e-mail.",
                    $"{pending.Count} pending amendments were rejected with your reason; their proposers will be told by e-mail.")]));
    }

    /// <summary>What making the text final does to the amendments still pending, said before it is done.</summary>
    public static DeskText PendingAmendmentsWarning(int count) => DeskText.Counted(count,
        $"{count} amendment is still pending: once the text is final it can no longer be accepted. Decide it first, or give its proposer a reason and it will be rejected with it.",
        $"{count} amendments are still pending: once the text is final they can no longer be accepted. Decide them first, or give their proposers a reason and they will be rejected with it.");

    /// <summary>An organiser closes signing on an open statement, from its page or from the signing page: while its
    /// signing window still runs, only with <paramref name="confirmEarlyClose"/> (refused as
    /// <see cref="DeskRefusal.NeedsConfirmation"/> with <see cref="ClosingEndsSigningNow"/> otherwise), since it ends
    /// signing for every organisation that has not signed yet.</summary>
    public async Task<DeskResult> CloseSigningAsync(Statement statement, AuditActor actor, bool confirmEarlyClose, CancellationToken ct = default)
    {
        if (!confirmEarlyClose && statement.SigningWindowRunsAt(Now) && statement.SigningClosesUtc is { } closes
            && await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == statement.SummitId, ct) is { } summit)
            return DeskResult.Refused(ClosingEndsSigningNow(summit, closes), DeskRefusal.NeedsConfirmation);
        return await endorsements.CloseAsync(statement.Id, actor, "closed early by an organiser", ct);
    }

    /// <summary>What closing a statement whose window still runs does, said before it is done (the statement page's
    /// confirmation) and as the refusal without it; the window's end on the summit's clock.</summary>
    public static DeskText ClosingEndsSigningNow(Summits.Summit summit, DateTime closesUtc) =>
        $"The signing window is still open until {summit.ToLocal(closesUtc):d MMMM yyyy, HH:mm} ({summit.TimeZoneId}): closing the statement ends signing now, for every organisation. Tick “I understand” to close it anyway.";

    /// <summary>The summit's approved delegates are told the statement is open for consultation, the first time it is:
    /// a statement sent back to draft and under consultation again tells nobody twice. The move's concurrency token
    /// lets one move in; this runs inside its transaction.</summary>
    private async Task ConsultationNoticesAsync(Statement statement, CancellationToken ct)
    {
        if (await db.Notifications.AnyAsync(Notification.About(NotificationKinds.ConsultationOpened, statement.Id), ct)) return;
        var delegates = await db.Registrations.AsNoTracking()
            .Where(r => r.SummitId == statement.SummitId && r.Status == Registrations.RegistrationStatus.Approved)
            .Select(r => r.UserId).Distinct().ToListAsync(ct);
        foreach (var userId in delegates) notifier.Add(NotificationKinds.ConsultationOpened, statement.Id, userId);
    }

    /// <summary>Accepts an amendment onto the latest text, as a new version crediting the proposer — only if the words at
    /// its anchor are still those it was proposed against.</summary>
    public async Task<DeskResult> AcceptAmendmentAsync(Statement statement, int amendmentId, Guid? expectedVersion, AuditActor actor,
        CancellationToken ct = default)
    {
        var (amendment, stop) = await FindAsync(statement, amendmentId, expectedVersion, ct);
        if (amendment is null) return stop!;
        var now = Now;
        if (statement.Latest is not { } latest) return Refuse("The statement has no text yet.");
        var proposedOn = statement.Versions.First(v => v.Id == amendment.StatementVersionId);
        if (StatementAmender.ChangedSince(proposedOn.Text, latest.Text, amendment.Anchor) is { } stale)
            return Refuse($"Amendment #{amendment.Id} was proposed on version {proposedOn.Number} and cannot be accepted on version {latest.Number}: {(DeskText)stale}");
        var outcome = StatementAmender.Apply(latest.Text, amendment.Anchor, amendment.ProposedWording);
        if (!outcome.Succeeded) return Refuse($"Amendment #{amendment.Id} cannot be accepted on version {latest.Number}: {(DeskText)outcome.Refusal!}");
        var credit = amendment.OrganisationName ?? amendment.ProposerName;
        var note = $"Amendment #{amendment.Id} by {credit} accepted: {amendment.Anchor}";
        var (added, refusal) = statement.AddVersion(outcome.Result!, actor.UserId, actor.Name, note, now);
        if (added is null) return Refuse($"Amendment #{amendment.Id} cannot be accepted: {refusal!}");
        if (amendment.Accept(added, actor.UserId ?? "", now) is { } already) return Refuse(already);
        // The statement's token too: a status step (to final) racing this acceptance cannot both succeed.
        statement.Version = Guid.NewGuid();
        audit.Record(actor, "amendment.accepted", amendment,
            $"Amendment #{amendment.Id} accepted on {amendment.Anchor}: statement \"{statement.Title}\" version {added.Number}");
        return await SaveDecisionAsync(amendment,
            $"Amendment #{amendment.Id} accepted: version {added.Number} holds the new wording. The proposer will be told by e-mail.", ct);
    }

    /// <summary>Rejects an amendment with a reason (refused as <see cref="DeskRefusal.Invalid"/> without one).</summary>
    public async Task<DeskResult> RejectAmendmentAsync(Statement statement, int amendmentId, Guid? expectedVersion, string? reason, AuditActor actor,
        CancellationToken ct = default)
    {
        var (amendment, stop) = await FindAsync(statement, amendmentId, expectedVersion, ct);
        if (amendment is null) return stop!;
        if (amendment.Reject(reason ?? "", actor.UserId ?? "", Now) is { } refusal)
            return DeskResult.Refused($"{(DeskText)refusal} Nothing was changed.", DeskRefusal.Invalid);
        audit.Record(actor, "amendment.rejected", amendment, $"Amendment #{amendment.Id} on {amendment.Anchor} of statement \"{statement.Title}\" rejected");
        return await SaveDecisionAsync(amendment, $"Amendment #{amendment.Id} rejected. The proposer will be told by e-mail, with your reason.", ct);
    }

    /// <summary>The amendment, tracked and checked against the version of it the organiser saw.</summary>
    private async Task<(Amendment?, DeskResult?)> FindAsync(Statement statement, int amendmentId, Guid? expectedVersion, CancellationToken ct)
    {
        var amendment = await db.Amendments.FirstOrDefaultAsync(a => a.Id == amendmentId && a.StatementId == statement.Id, ct);
        if (amendment is null) return (null, DeskResult.Refused("There is no such amendment to this statement."));
        if (expectedVersion is null || expectedVersion != amendment.Version) return (null, DeskResult.Conflict($"this amendment (#{amendment.Id})"));
        db.Entry(amendment).Property(a => a.Version).OriginalValue = expectedVersion.Value;
        amendment.Version = Guid.NewGuid();
        return (amendment, null);
    }

    private async Task<DeskResult> SaveDecisionAsync(Amendment amendment, DeskText done, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            notifier.Add(NotificationKinds.AmendmentDecided, amendment.Id);
            await audit.SaveChangesAsync(ct);
            await notifier.CommitAsync(tx, ct);
            return DeskResult.Done(done);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // Another organiser decided (this amendment, or another one that took the version number) at the same time.
            await tx.RollbackAsync(ct);
            return Forget(DeskResult.Conflict("the amendments"));
        }
    }

    private static DeskResult Refuse(DeskText message) => DeskResult.Refused($"{message} Nothing was changed.");

    private DeskResult Forget(DeskResult result)
    {
        db.ChangeTracker.Clear();
        return result;
    }
}
