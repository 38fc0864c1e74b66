using System.Security.Cryptography;
using Hangfire;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Renders, signs and publishes one communiqué by id. The row is the source of truth and the job is
/// idempotent:
/// <list type="bullet">
/// <item>it first claims the row by one conditional update (queued and due, or generating with its lease run out —
/// a job killed mid-way): status generating, attempts + 1, a lease (<c>Communiques:LeaseSeconds</c>, see
/// <see cref="JobSettings"/>) that it renews every third of its length while it works, and a fresh claim token in the row's
/// concurrency token. A row published, failed for good, not yet due, or in another worker's hands is left
/// alone, so a job run twice publishes once and never replaces the stored bytes;</item>
/// <item>it reads the statement's final version and the "Agreed by" list (<see cref="AgreedBy"/>, culture
/// <c>Signing:Culture</c>, the order of the public page), renders (<see cref="CommuniquePdf"/>) and signs
/// (<see cref="PdfSigner"/>), then in one transaction stores the PDF, its SHA-256, the signatory count, the
/// certificate, the version and content hash, marks the communiqué published, moves the statement to Published and
/// records the audit event — only if the claim token is still its own;</item>
/// <item>on an exception it records the attempt's error (the exception's message: no personal data), puts the row
/// back in the queue with <see cref="NextAttemptUtc"/> back-off, and after <see cref="Communique.MaxAttempts"/>
/// attempts marks it failed (audited) for an organiser to retry. <see cref="CommuniqueSweep"/> enqueues the row again
/// when it is due; Hangfire's own retries are off so that the database alone counts attempts.</item>
/// </list></summary>
public sealed class CommuniqueJob(SummitDbContext db, AuditTrail audit, SigningCertificates certificates, IConfiguration configuration,
    TimeProvider clock, ILogger<CommuniqueJob> logger, IServiceScopeFactory scopes, Audit.AuditCheckpoints checkpoints, TimestampAuthority timestamps)
{
    public static readonly AuditActor Actor = new(null, "publishing job");

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones.</summary>
    public static TimeSpan BackOff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(2),
        3 => TimeSpan.FromMinutes(5),
        _ => TimeSpan.FromMinutes(15),
    };

    public const string CultureKey = "Signing:Culture";

    [AutomaticRetry(Attempts = 0)]
    public async Task PublishAsync(int communiqueId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = JobSettings.CommuniqueLease(configuration);
        var leaseUntil = now + lease;
        var claim = Guid.NewGuid();
        var claimed = await db.Communiques
            .Where(c => c.Id == communiqueId).Where(Communique.IsDue(now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CommuniqueStatus.Generating)
                .SetProperty(c => c.GeneratingSinceUtc, now)
                .SetProperty(c => c.LeaseUntilUtc, leaseUntil)
                .SetProperty(c => c.Attempts, c => c.Attempts + 1)
                .SetProperty(c => c.Version, claim), ct);
        if (claimed == 0) return;

        using var working = new CancellationTokenSource();
        var renewing = KeepLeaseAsync(communiqueId, claim, lease, working.Token);
        try
        {
            await PublishClaimedAsync(communiqueId, claim, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another worker took the row over (our claim went stale): its outcome stands.
            logger.LogInformation("Communiqué {CommuniqueId} was taken over by another worker", communiqueId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Communiqué {CommuniqueId} failed", communiqueId);
            await RecordFailureAsync(communiqueId, claim, ex);
        }
        finally
        {
            await working.CancelAsync();
            await renewing;
        }
    }

    /// <summary>Renews the lease every third of its length until the work is done, on a context of its own (the job's
    /// is busy).</summary>
    private async Task KeepLeaseAsync(int communiqueId, Guid claim, TimeSpan lease, CancellationToken done)
    {
        using var timer = new PeriodicTimer(lease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(done))
            {
                using var scope = scopes.CreateScope();
                var renewed = await RenewLeaseAsync(scope.ServiceProvider.GetRequiredService<SummitDbContext>(), communiqueId, claim,
                    clock.GetUtcNow().UtcDateTime, done, lease);
                if (!renewed) return; // taken over, or finished
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
            // The work is done.
        }
        catch (Exception ex)
        {
            // A missed renewal at worst lets the sweep start the work again; the claim token keeps it to one result.
            logger.LogWarning(ex, "Communiqué {CommuniqueId}: the lease could not be renewed", communiqueId);
        }
    }

    /// <summary>Extends the lease of a row still generating under <paramref name="claim"/>; false when the claim is
    /// no longer this job's. The lease is <see cref="Communique.LeaseLength"/> unless given.</summary>
    public static async Task<bool> RenewLeaseAsync(SummitDbContext db, int communiqueId, Guid claim, DateTime nowUtc, CancellationToken ct,
        TimeSpan? lease = null)
    {
        var until = nowUtc + (lease ?? Communique.LeaseLength);
        return await db.Communiques
            .Where(c => c.Id == communiqueId && c.Version == claim && c.Status == CommuniqueStatus.Generating)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseUntilUtc, until), ct) == 1;
    }

    private async Task PublishClaimedAsync(int communiqueId, Guid claim, CancellationToken ct)
    {
        // The documents do not depend on the culture the worker thread happens to carry (Hangfire restores the one of
        // the request that queued a job; a letter's language scope may have run on the thread before): their words and
        // formats are set explicitly. An async method's culture change ends with it.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        var communique = await db.Communiques.SingleAsync(c => c.Id == communiqueId, ct);
        if (communique.Version != claim) return;
        var statement = await db.Statements.Include(s => s.Summit).SingleAsync(s => s.Id == communique.StatementId, ct);
        var first = communique.Revision == 1;
        // Revision 1 publishes the closed statement; a later revision re-publishes a published one with its late endorsements.
        if (first && statement.Status != StatementStatus.Closed)
            throw new InvalidOperationException($"The statement is {Statement.Describe(statement.Status)}: only a closed statement can be published.");
        if (!first && statement.Status != StatementStatus.Published)
            throw new InvalidOperationException($"The statement is {Statement.Describe(statement.Status)}: only a published statement gets revisions.");
        var previous = first ? null : await db.Communiques.AsNoTracking()
            .Where(c => c.StatementId == statement.Id && c.Revision == communique.Revision - 1).Select(c => c.PublishedUtc).FirstOrDefaultAsync(ct);
        var version = await db.StatementVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == statement.FinalVersionId, ct)
            ?? throw new InvalidOperationException("The statement has no final version.");
        var parsed = StatementParser.Parse(version.Text);
        if (parsed.Document is null) throw new InvalidOperationException($"The final version {version.Number} does not parse.");
        // The list as of one instant, kept with the revision, so that its page and downloads show this same list later.
        var listAsOf = clock.GetUtcNow().UtcDateTime;
        var signatories = await AgreedBy.LoadAsync(db, statement.Id, AgreedBy.Comparison(configuration[CultureKey]), listAsOf, ct);
        // The trail as it stands once the list is read, signed and carried inside the communiqué. A trail that does not
        // verify is not certified by a published document: the attempt fails with the reason, for organisers to see.
        var (checkpoint, notWritten) = await checkpoints.WriteAsync($"communique {communique.Id} revision {communique.Revision} rendered", ct);
        if (checkpoint is null) throw new InvalidOperationException(notWritten);

        var summit = statement.Summit;
        var publishedUtc = Truncate(listAsOf);
        // Each PDF names its language: its fixed words and dates follow it (CommuniquePdf), not the thread's culture.
        var content = new CommuniqueContent(summit.Name, WhenWhere(summit, statement.AuthoritativeLanguage), parsed.Document, version.Number,
            version.ContentHash, signatories.Signatories, publishedUtc, summit.Zone, signatories.Layout, communique.Revision, previous,
            statement.AuthoritativeLanguage, Checkpoint: checkpoint);
        var unsigned = CommuniquePdf.Render(content);
        using var certificate = certificates.Current();
        var location = $"{summit.City}, {Countries.NameOf(summit.CountryCode)}";
        var tsa = timestamps.IfConfigured();
        var pdf = await PdfSigner.SignAsync(unsigned, certificate, location, tsa, ct);
        // The signed list goes with the authoritative communiqué: in its language.
        var list = SignatoryLists.Pdf(new SignatoryListHeader(statement.Id, statement.Title, summit.Name, version.ContentHash, publishedUtc, communique.Revision),
            signatories, new Localization.LanguageTexts(statement.AuthoritativeLanguage));
        var signedList = await PdfSigner.SignAsync(list, certificate, location, tsa, ct, PdfSigner.ListReason);
        // The communiqué in each language that has a translation of the signed version, signed alike and stored with it.
        var languages = new List<CommuniqueTranslation>();
        foreach (var translation in await TranslationDesk.LatestOfAsync(db, version.Id, ct))
        {
            var translated = StatementParser.Parse(translation.Text).Document
                ?? throw new InvalidOperationException($"Translation {translation.Id} ({translation.Language}) does not parse.");
            var inLanguage = await PdfSigner.SignAsync(CommuniquePdf.Render(content with
            {
                Document = translated, ContentHash = translation.ContentHash, Language = translation.Language,
                SummitWhenWhere = WhenWhere(summit, translation.Language),
                AuthoritativeLanguage = statement.AuthoritativeLanguage, AuthoritativeHash = version.ContentHash,
            }), certificate, location, tsa, ct);
            languages.Add(new CommuniqueTranslation
            {
                Communique = communique, Language = translation.Language, StatementTranslationId = translation.Id, ContentHash = translation.ContentHash,
                Pdf = inLanguage, Sha256 = Convert.ToHexStringLower(SHA256.HashData(inLanguage)),
            });
        }
        db.CommuniqueTranslations.AddRange(languages);

        communique.Pdf = pdf;
        communique.Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        communique.SignatoryListPdf = signedList;
        communique.SignatoryListSha256 = Convert.ToHexStringLower(SHA256.HashData(signedList));
        communique.SignatoryCount = signatories.Count;
        communique.CertificateThumbprint = certificate.Thumbprint;
        communique.CertificateSubject = certificate.Subject;
        communique.SelfSignedCertificate = certificate.SelfSigned;
        communique.StatementVersionId = version.Id;
        communique.ContentHash = version.ContentHash;
        communique.ListAsOfUtc = listAsOf;
        communique.MarkPublished(publishedUtc);
        communique.Version = Guid.NewGuid(); // the claim token stays the original value: the update checks it

        if (first)
        {
            if (statement.MoveTo(StatementStatus.Published) is { } refusal) throw new InvalidOperationException(refusal.ToString());
            statement.Version = Guid.NewGuid();
        }
        audit.Record(Actor, "communique.published", communique,
            $"Communiqué {communique.Id} of statement \"{statement.Title}\" published" + (first ? "" : $" as revision {communique.Revision}") +
            $": version {version.Number}, {signatories.Count} signatories, SHA-256 {communique.Sha256}, signatory list SHA-256 {communique.SignatoryListSha256}" +
            string.Concat(languages.Select(l => $", {l.Language} SHA-256 {l.Sha256}")));
        if (first) audit.Record(Actor, "statement.status-changed", statement, $"Statement \"{statement.Title}\" moved from closed to published");
        await audit.SaveChangesAsync(ct);
        await CheckpointAsync(communique.Id, ct);
    }

    /// <summary>A checkpoint of the audit trail at every publication. Published is published: a checkpoint that cannot
    /// be written (a trail that does not verify) is logged, not a failed publication.</summary>
    private async Task CheckpointAsync(int communiqueId, CancellationToken ct)
    {
        try
        {
            var (_, refusal) = await checkpoints.WriteAsync($"communique {communiqueId} published", ct);
            if (refusal is not null) logger.LogWarning("Communiqué {CommuniqueId}: no audit checkpoint: {Refusal}", communiqueId, refusal);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Communiqué {CommuniqueId}: the audit checkpoint could not be written", communiqueId);
        }
    }

    private async Task RecordFailureAsync(int communiqueId, Guid claim, Exception ex)
    {
        db.ChangeTracker.Clear();
        var communique = await db.Communiques.SingleOrDefaultAsync(c => c.Id == communiqueId && c.Version == claim, CancellationToken.None);
        if (communique is null) return; // taken over since
        var now = clock.GetUtcNow().UtcDateTime;
        var failed = communique.MarkAttemptFailed($"Attempt {communique.Attempts}: {ex.Message}", now, BackOff(communique.Attempts));
        communique.Version = Guid.NewGuid();
        if (failed)
            audit.Record(Actor, "communique.failed", communique, $"Communiqué {communique.Id} failed after {communique.Attempts} attempts");
        try
        {
            await audit.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Taken over since: the other worker records its own outcome.
        }
    }

    /// <summary>The summit's dates and place in <paramref name="language"/>: its months and its name of the host country
    /// (English as it always was: en-GB).</summary>
    private static string WhenWhere(Data.Summits.Summit summit, string language) =>
        BadgePdf.WhenWhere(summit, language);

    private static DateTime Truncate(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
