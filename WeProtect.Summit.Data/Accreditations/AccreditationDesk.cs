using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Accreditations;

/// <summary>A delegate's own accreditation: nationality and travel document (the number encrypted before it is
/// stored), and the photo (already checked and re-encoded by the caller). Only the registration's owner changes it;
/// audit events name ids, never the number.</summary>
public sealed class AccreditationDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock, DocumentNumberProtector numbers)
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
        accreditation.SetDocument(nationalityCode!, numbers.Protect(DocumentNumbers.Normalise(documentNumber)), expiry!.Value, now);
        return await SaveAsync(accreditation, "accreditation.document-saved",
            $"Travel document of accreditation for registration {registrationId} saved", "Your travel document is saved.", ct, actor);
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

    private async Task<DeskResult> SaveAsync(Accreditation accreditation, string action, string summary, string done, CancellationToken ct, AuditActor actor)
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
            return DeskResult.Conflict("your accreditation");
        }
        return DeskResult.Done(done);
    }
}
