using System.Security.Cryptography;
using Hangfire;
using WeProtect.Summit.Data.Accreditations;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Renders and signs one approved visa letter by id. The row is the source of truth and the job idempotent,
/// as <see cref="CommuniqueJob"/>: it claims the row by one conditional update (approved and due, or generating with
/// its lease run out), with a fresh claim token in the concurrency token; renders (<see cref="VisaLetterPdf"/>) and
/// signs (<see cref="PdfSigner"/>, PAdES, the communiqués' certificate); then stores the PDF, its SHA-256 and the
/// certificate's thumbprint and records the audit event in one transaction, only if the claim is still its own. A
/// letter issued, refused or in another worker's hands is left alone, so a job run twice issues once. On an exception
/// the attempt is recorded (back-off, failed for good after <see cref="VisaLetter.MaxAttempts"/>); Hangfire's own
/// retries are off. Nothing personal is logged: ids only.</summary>
public sealed class VisaLetterJob(SummitDbContext db, AuditTrail audit, SigningCertificates certificates, DocumentNumberProtector numbers,
    TimeProvider clock, TimestampAuthority timestamps, Notifier notifier, ILogger<VisaLetterJob> logger)
{
    public static readonly AuditActor Actor = new(null, "visa letter job");

    [AutomaticRetry(Attempts = 0)]
    public async Task IssueAsync(int visaLetterId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now + VisaLetter.LeaseLength;
        var claim = Guid.NewGuid();
        var claimed = await db.VisaLetters.Where(v => v.Id == visaLetterId).Where(VisaLetter.IsDue(now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(v => v.Status, VisaLetterStatus.Generating)
                .SetProperty(v => v.LeaseUntilUtc, leaseUntil)
                .SetProperty(v => v.Attempts, v => v.Attempts + 1)
                .SetProperty(v => v.Version, claim), ct);
        if (claimed == 0) return;
        try
        {
            await IssueClaimedAsync(visaLetterId, claim, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Visa letter {VisaLetterId} was taken over by another worker", visaLetterId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Visa letter {VisaLetterId} failed: {Error}", visaLetterId, ex.GetType().Name);
            await RecordFailureAsync(visaLetterId, claim, ex);
        }
    }

    private async Task IssueClaimedAsync(int visaLetterId, Guid claim, CancellationToken ct)
    {
        var letter = await db.VisaLetters.SingleAsync(v => v.Id == visaLetterId, ct);
        if (letter.Version != claim) return;
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Summit).Include(r => r.Organisation)
            .SingleAsync(r => r.Id == letter.RegistrationId, ct);
        var accreditation = await db.Accreditations.AsNoTracking().SingleOrDefaultAsync(a => a.RegistrationId == letter.RegistrationId, ct);
        // The rules hold at the approval; they are checked again in case the registration changed since.
        if (VisaLetterDesk.WhyNotEligible(registration, accreditation) is { } why) throw new InvalidOperationException(why);
        var settings = await db.VisaLetterSettings.AsNoTracking().SingleOrDefaultAsync(s => s.SummitId == letter.SummitId, ct);
        var summit = registration.Summit;
        var issuedUtc = new DateTime(clock.GetUtcNow().UtcDateTime.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        // In the summit's default language, not the delegate's: the letter is for the host country's consulate, not for
        // the delegate, and its body is the host's wording, which the organisers write once in the summit's language.
        var language = new Localization.LanguageTexts(summit.DefaultLanguage).Language;
        var content = new VisaLetterContent(letter.Id, summit.Name, BadgePdf.WhenWhere(summit, language), summit.Venue,
            settings?.HostWording ?? VisaLetterSettings.DefaultWording, registration.FullName, registration.Position, registration.OrganisationName,
            Countries.NameOf(accreditation!.NationalityCode, language), numbers.Unprotect(accreditation.ProtectedDocumentNumber!), accreditation.DocumentExpiry!.Value,
            issuedUtc, language, summit.TimeZoneId);
        using var certificate = certificates.Current();
        var pdf = await PdfSigner.SignAsync(VisaLetterPdf.Render(content), certificate, $"{summit.City}, {Countries.NameOf(summit.CountryCode)}",
            timestamps.IfConfigured(), ct, VisaLetterPdf.Reason);
        letter.MarkIssued(pdf, Convert.ToHexStringLower(SHA256.HashData(pdf)), certificate.Thumbprint, issuedUtc);
        audit.Record(Actor, "visa-letter.issued", letter, $"Visa letter {letter.Id} for registration {letter.RegistrationId} issued, SHA-256 {letter.Sha256}");
        // In the issuing transaction: the claim lets one run issue, so the delegate (and the focal point who asked) is told once.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        VisaLetterNotices.Tell(notifier, NotificationKinds.VisaLetterIssued, letter.Id, letter, registration.UserId);
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
    }

    private async Task RecordFailureAsync(int visaLetterId, Guid claim, Exception ex)
    {
        db.ChangeTracker.Clear();
        var letter = await db.VisaLetters.SingleOrDefaultAsync(v => v.Id == visaLetterId && v.Version == claim, CancellationToken.None);
        if (letter is null) return;
        var failed = letter.MarkAttemptFailed($"Attempt {letter.Attempts}: {ex.Message}", clock.GetUtcNow().UtcDateTime, CommuniqueJob.BackOff(letter.Attempts));
        if (failed) audit.Record(Actor, "visa-letter.failed", letter, $"Visa letter {letter.Id} failed after {letter.Attempts} attempts");
        try
        {
            await audit.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Taken over since.
        }
    }
}
