using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Data.Notifications;

/// <summary>Sends a letter about a delegate's registration again, when the delegate says it never came: a copy of the
/// notification (same kind, subject and recipient), composed when it goes, so it reads as the letter would now. One
/// copy of a letter waits at a time (a unique filtered index); the audit trail says who asked, on the registration.</summary>
public sealed class LetterDesk(SummitDbContext db, AuditTrail audit, Notifier notifier)
{
    public async Task<DeskResult> ResendAsync(int summitId, int registrationId, long letterId, AuditActor actor, CancellationToken ct = default)
    {
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId && r.SummitId == summitId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such registration.");
        var letter = await LettersAbout.Registration(db, registrationId).AsNoTracking().FirstOrDefaultAsync(n => n.Id == letterId, ct);
        if (letter is null) return DeskResult.NotFound("There is no such letter about this registration.");
        if (letter.IsPending) return DeskResult.Refused("This letter has not gone yet: it is sent by itself, and tried again until it goes.");
        if (await db.Notifications.AnyAsync(n => n.ResendOf == letterId && n.SentUtc == null && n.FailedUtc == null, ct))
            return AlreadyWaiting;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var copy = notifier.Add(letter.Kind, letter.SubjectId, letter.RecipientUserId);
            copy.ResendOf = letter.Id;
            await db.SaveChangesAsync(ct);
            audit.Record(actor, "letter.resent", registration, $"Letter {letter.Id} ({letter.Kind}) sent again as letter {copy.Id}");
            await audit.SaveChangesAsync(ct);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateException)
        {
            // The unique index: the same letter sent again at the same moment by another request.
            db.ChangeTracker.Clear();
            if (!await db.Notifications.AnyAsync(n => n.ResendOf == letterId && n.SentUtc == null && n.FailedUtc == null, ct)) throw;
            return AlreadyWaiting;
        }
        return DeskResult.Done("The letter will be sent again, as it reads now.");
    }

    private static DeskResult AlreadyWaiting => DeskResult.Done("This letter is already waiting to be sent again.");
}
