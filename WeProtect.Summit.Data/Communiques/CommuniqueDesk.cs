using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Communiques;

/// <summary>What organisers ask for: publish a closed statement (queue its communiqué), retry a failed one.</summary>
public sealed class CommuniqueDesk(SummitDbContext db, AuditTrail audit, ICommuniqueQueue queue, TimeProvider clock)
{
    public const string AlreadyQueued = "This statement's communiqué is already queued or published: it is published once.";

    public const string NoSignatories = "No organisation has endorsed this statement: its communiqué would be published, signed and " +
        "irreversibly, with an empty \"Agreed by\" list. Tick the confirmation to publish it anyway.";

    /// <summary>The refusal when the live endorsements changed between the page the organiser read and the press on
    /// Publish: how many were added and withdrawn, and what to do.</summary>
    public static DeskText SignatoriesChanged(int added, int withdrawn, int now)
    {
        DeskText signatories = now == 1 ? "1 signatory" : (DeskText)$"{now} signatories";
        DeskText? what = (added, withdrawn) switch
        {
            (1, > 0) => DeskText.Counted(withdrawn, $"1 endorsement was added and {withdrawn} was withdrawn", $"1 endorsement was added and {withdrawn} were withdrawn"),
            ( > 0, > 0) => DeskText.Counted(withdrawn, $"{added} endorsements were added and {withdrawn} was withdrawn", $"{added} endorsements were added and {withdrawn} were withdrawn"),
            (1, _) => (DeskText)"1 endorsement was added",
            ( > 0, _) => (DeskText)$"{added} endorsements were added",
            (_, 1) => (DeskText)"1 endorsement was withdrawn",
            (_, > 0) => (DeskText)$"{withdrawn} endorsements were withdrawn",
            _ => null,
        };
        return what is null
            ? (DeskText)$"The signatories changed since you loaded the page. Nothing was published. The list below is the current one ({signatories}): check it, then publish again to confirm."
            : (DeskText)$"The signatories changed since you loaded the page: {what}. Nothing was published. The list below is the current one ({signatories}): check it, then publish again to confirm.";
    }

    /// <summary>Queues the communiqué. Publishing is irreversible, so a statement with no live endorsement is refused
    /// (<see cref="DeskRefusal.NeedsConfirmation"/>) unless <paramref name="confirmNoSignatories"/> says the organiser
    /// saw that and means it.</summary>
    public async Task<DeskResult<Communique>> PublishAsync(int statementId, AuditActor actor, CancellationToken ct = default) =>
        await PublishAsync(statementId, actor, confirmNoSignatories: false, seen: null, ct);

    public async Task<DeskResult<Communique>> PublishAsync(int statementId, AuditActor actor, bool confirmNoSignatories, CancellationToken ct = default) =>
        await PublishAsync(statementId, actor, confirmNoSignatories, seen: null, ct);

    /// <summary>As above; <paramref name="seen"/> is the list the organiser's page showed (null for a caller that
    /// showed none). When the live endorsements differ from it, publication is refused
    /// (<see cref="DeskRefusal.NeedsConfirmation"/>, <see cref="SignatoriesChanged"/>): the communiqué would carry
    /// names the organiser has not seen, or miss one withdrawn meanwhile.</summary>
    public async Task<DeskResult<Communique>> PublishAsync(int statementId, AuditActor actor, bool confirmNoSignatories, SignatoriesSeen? seen,
        CancellationToken ct = default)
    {
        var statement = await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null) return DeskResult.NotFound("There is no such statement.").With<Communique>();
        if (await db.Communiques.AnyAsync(c => c.StatementId == statementId, ct)) return DeskResult.Refused(AlreadyQueued).With<Communique>();
        if (statement.Status != StatementStatus.Closed)
            return DeskResult.Refused($"{DeskWords.StatementIs(statement.Status)}: only a closed statement can be published.").With<Communique>();

        // The statement's row is taken first (a write that changes nothing), as signing and withdrawing take it before
        // they insert: an endorsement committed before this is read below, one coming after waits for this commit.
        // So the list compared with what the organiser saw is the list at the moment of queueing.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var stillClosed = await db.Statements.Where(s => s.Id == statementId && s.Status == StatementStatus.Closed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, x => x.Status), ct);
        if (stillClosed == 0) return DeskResult.Refused("The statement changed a moment ago: it is no longer closed. Nothing was published.").With<Communique>();
        if (await db.Communiques.AnyAsync(c => c.StatementId == statementId, ct)) return DeskResult.Refused(AlreadyQueued).With<Communique>();
        var now = await SignatoriesSeen.NowAsync(db, statementId, ct);
        if (seen is not null && now != seen)
        {
            // Ids only grow and a withdrawal is for good: what is live above the newest seen id was added since, and
            // what the organiser saw and is no longer live was withdrawn.
            var added = await db.Endorsements.CountAsync(e => e.StatementId == statementId && e.WithdrawnUtc == null && e.Id > seen.NewestId, ct);
            var withdrawn = Math.Max(0, seen.Count - (now.Count - added));
            return DeskResult.Refused(SignatoriesChanged(added, withdrawn, now.Count), DeskRefusal.NeedsConfirmation).With<Communique>();
        }
        var signatories = now.Count;
        if (signatories == 0 && !confirmNoSignatories)
            return DeskResult.Refused(NoSignatories, DeskRefusal.NeedsConfirmation).With<Communique>();
        var communique = new Communique
        {
            StatementId = statementId,
            RequestedByUserId = actor.UserId ?? "",
            QueuedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Communiques.Add(communique);
        audit.Record(actor, "communique.queued", communique, $"Communiqué of statement \"{statement.Title}\" queued for publication with {signatories} signator{(signatories == 1 ? "y" : "ies")}"
            + (signatories == 0 ? " (confirmed by the organiser)" : ""));
        try
        {
            await audit.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two publish requests at once: the unique index on StatementId let only the other one in.
            await tx.RollbackAsync(CancellationToken.None);
            if (await AnyOtherAsync(statementId)) return DeskResult.Refused(AlreadyQueued).With<Communique>();
            throw;
        }
        queue.Enqueue(communique.Id);
        return DeskResult.Done("The communiqué is queued: it is rendered and signed in the background.").With(communique);
    }

    public static DeskText RevisionAlreadyQueued(int revision) =>
        $"Revision {revision} of this communiqué is already queued: someone else asked for it first. It is published once.";

    /// <summary>Queues the next revision (2, 3, …) of a published communiqué once its list changed since the last revision
    /// (late or standing endorsements, withdrawals), whether or not the statement still takes endorsements: a change made
    /// before late endorsements ended must still reach a signed revision. The job signs and timestamps it like the
    /// first; the earlier revisions are kept. Two organisers pressing at once make one revision: the unique index
    /// (statement, revision) lets one insert in, and the other is told so.</summary>
    public async Task<DeskResult<Communique>> PublishRevisionAsync(int statementId, AuditActor actor, CancellationToken ct = default)
    {
        var statement = await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null) return DeskResult.NotFound("There is no such statement.").With<Communique>();
        var latest = await db.Communiques.AsNoTracking().Where(c => c.StatementId == statementId).OrderByDescending(c => c.Revision)
            .Select(c => new { c.Revision, c.Status, c.ListAsOfUtc }).FirstOrDefaultAsync(ct);
        if (latest is null) return DeskResult.Refused("The communiqué is not published yet: publish it first.").With<Communique>();
        if (latest.Status != CommuniqueStatus.Published)
            return DeskResult.Refused(latest.Revision == 1 ? AlreadyQueued : RevisionAlreadyQueued(latest.Revision)).With<Communique>();
        var since = latest.ListAsOfUtc!.Value;
        var changed = await db.Endorsements.CountAsync(e => e.StatementId == statementId && (e.SignedUtc > since || e.WithdrawnUtc > since), ct);
        if (changed == 0)
            return DeskResult.Refused($"No organisation endorsed the statement since revision {latest.Revision} was published: a new revision would list the same organisations.")
                .With<Communique>();
        var communique = new Communique
        {
            StatementId = statementId,
            Revision = latest.Revision + 1,
            RequestedByUserId = actor.UserId ?? "",
            QueuedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Communiques.Add(communique);
        audit.Record(actor, "communique.revision-queued", communique,
            $"Revision {communique.Revision} of the communiqué of statement \"{statement.Title}\" queued: {AuditTrail.Count(changed, "endorsement", "endorsements")} since revision {latest.Revision}");
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two organisers at once: the unique index (statement, revision) let only the other one in.
            db.ChangeTracker.Clear();
            if (await db.Communiques.AnyAsync(c => c.StatementId == statementId && c.Revision == communique.Revision, CancellationToken.None))
                return DeskResult.Refused(RevisionAlreadyQueued(communique.Revision)).With<Communique>();
            throw;
        }
        queue.Enqueue(communique.Id);
        return DeskResult.Done($"Revision {communique.Revision} of the communiqué is queued: it is rendered, signed and published in the background.").With(communique);
    }

    /// <summary>Ends late endorsements: the statement takes no more signatures; its revisions stay as published.</summary>
    public async Task<DeskResult> EndLateEndorsementsAsync(int statementId, AuditActor actor, CancellationToken ct = default)
    {
        var statement = await db.Statements.FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null) return DeskResult.NotFound("There is no such statement.");
        if (!statement.LateEndorsements) return DeskResult.Refused("The statement does not take late endorsements.");
        statement.SetLateEndorsements(false);
        statement.Version = Guid.NewGuid();
        audit.Record(actor, "statement.late-endorsements-ended", statement, $"Statement \"{statement.Title}\" no longer takes late endorsements");
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DeskResult.Conflict("this statement");
        }
        return DeskResult.Done("Late endorsements are ended: the statement takes no more signatures.");
    }

    private async Task<bool> AnyOtherAsync(int statementId)
    {
        db.ChangeTracker.Clear();
        return await db.Communiques.AnyAsync(c => c.StatementId == statementId);
    }

    /// <summary>A failed communiqué goes back to the queue with its attempts reset; the last error stays visible
    /// until an attempt succeeds.</summary>
    public async Task<DeskResult<Communique>> RetryAsync(int communiqueId, AuditActor actor, CancellationToken ct = default)
    {
        var communique = await db.Communiques.FirstOrDefaultAsync(c => c.Id == communiqueId, ct);
        if (communique is null) return DeskResult.NotFound("There is no such communiqué.").With<Communique>();
        if (communique.Retry() is { } refusal) return DeskResult.Refused(refusal).With(communique);
        communique.Version = Guid.NewGuid();
        audit.Record(actor, "communique.retried", communique, $"Communiqué {communique.Id} queued again after failing");
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DeskResult.Conflict("this communiqué").With<Communique>();
        }
        queue.Enqueue(communique.Id);
        return DeskResult.Done("The communiqué is queued again.").With(communique);
    }
}
