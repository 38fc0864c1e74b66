using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Accreditations;

/// <summary>A delegate's own accreditation: nationality and travel document (the number encrypted before it is
/// stored), and the photo (already checked and re-encoded by the caller). Only the registration's owner changes it;
/// audit events name ids, never the number. A change of the travel document withdraws a letter of invitation issued
/// with the old one (the delegate, and the focal point who asked for it, are told; a new letter may be asked for).</summary>
public sealed class AccreditationDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock, DocumentNumberProtector numbers, Notifier notifier)
{
    public async Task<DeskResult> SaveDocumentAsync(int registrationId, string userId, string? nationalityCode, string? documentNumber,
        DateOnly? expiry, AuditActor actor, CancellationToken ct = default)
    {
        if (await OwnRegistrationAsync(registrationId, userId, ct) is not { } registration) return DeskResult.NotFound("There is no such registration.");
        if (registration.Status == RegistrationStatus.Cancelled) return DeskResult.Refused("This registration is cancelled.");
        var errors = DocumentNumbers.Validate(nationalityCode, documentNumber, expiry, registration.Summit.EndDate);
        if (errors.Count > 0) return DeskResult.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var accreditation = await LoadOrAddAsync(registrationId, now, ct);
        var number = DocumentNumbers.Normalise(documentNumber);
        var changed = accreditation.HasDocument && (accreditation.NationalityCode != nationalityCode || accreditation.DocumentExpiry != expiry
            || numbers.Unprotect(accreditation.ProtectedDocumentNumber!) != number);
        accreditation.SetDocument(nationalityCode!, numbers.Protect(number), expiry!.Value, now);
        DeskText done = "Your travel document is saved.";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (changed && await db.VisaLetters.FirstOrDefaultAsync(v => v.RegistrationId == registrationId && v.Status == VisaLetterStatus.Issued, ct) is { } letter)
        {
            var withdrawal = letter.Withdraw(now)!;
            db.VisaLetterWithdrawals.Add(withdrawal);
            try
            {
                await db.SaveChangesAsync(ct); // the notification names the withdrawal, which needs its key first
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return DeskResult.Conflict(DeskText.LowerFirst("Your accreditation"));
            }
            audit.Record(actor, "visa-letter.withdrawn", letter,
                $"Visa letter {letter.Id} for registration {registrationId} withdrawn: the travel document changed");
            VisaLetterNotices.Tell(notifier, NotificationKinds.VisaLetterWithdrawn, withdrawal.Id, letter, registration.UserId);
            done = "Your travel document is saved. Your letter of invitation printed the old one, so it is withdrawn: ask for a new one below.";
        }
        var result = await SaveAsync(accreditation, "accreditation.document-saved",
            $"Travel document of accreditation for registration {registrationId} saved", done, ct, actor);
        if (result.Succeeded) await notifier.CommitAsync(tx, ct);
        return result;
    }

    public async Task<DeskResult> SavePhotoAsync(int registrationId, string userId, byte[] jpeg, AuditActor actor, CancellationToken ct = default)
    {
        if (await OwnRegistrationAsync(registrationId, userId, ct) is not { } registration) return DeskResult.NotFound("There is no such registration.");
        if (registration.Status == RegistrationStatus.Cancelled) return DeskResult.Refused("This registration is cancelled.");
        var now = clock.GetUtcNow().UtcDateTime;
        var accreditation = await LoadOrAddAsync(registrationId, now, ct);
        accreditation.SetPhoto(jpeg, now);
        return await SaveAsync(accreditation, "accreditation.photo-saved",
            $"Photo of accreditation for registration {registrationId} saved", "Your photo is saved.", ct, actor);
    }

    private Task<Registration?> OwnRegistrationAsync(int registrationId, string userId, CancellationToken ct) =>
        db.Registrations.AsNoTracking().Include(r => r.Summit).FirstOrDefaultAsync(r => r.Id == registrationId && r.UserId == userId, ct);

    private async Task<Accreditation> LoadOrAddAsync(int registrationId, DateTime now, CancellationToken ct)
    {
        var accreditation = await db.Accreditations.FirstOrDefaultAsync(a => a.RegistrationId == registrationId, ct);
        if (accreditation is not null) return accreditation;
        accreditation = new Accreditation(registrationId, now);
        db.Accreditations.Add(accreditation);
        return accreditation;
    }

    private async Task<DeskResult> SaveAsync(Accreditation accreditation, string action, string summary, DeskText done, CancellationToken ct, AuditActor actor)
    {
        audit.Record(actor, action, accreditation, summary);
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A second tab saved first (the same row, or the first row of this registration).
            db.ChangeTracker.Clear();
            return DeskResult.Conflict(DeskText.LowerFirst("Your accreditation"));
        }
        return DeskResult.Done(done);
    }
}
