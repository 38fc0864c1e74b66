using System.Text.Json;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Web.Audit;

/// <summary>Signed checkpoints of the audit trail's head, appended as JSON lines to <c>audit/checkpoints.jsonl</c> of
/// the data folder (or <c>Audit:CheckpointFile</c>): outside the database, so that someone who can only write to the
/// database cannot remove its newest rows, or rewrite older ones, without the chain disagreeing with a checkpoint.
/// Written hourly (a recurring job), at every publication, and on an administrator's request; a checkpoint is
/// written only over a trail that verifies and extends the previous checkpoint, so that it never blesses a
/// tampered trail. Copies belong elsewhere too (the download on the audit page): a server administrator who can
/// write to the data folder can also rewrite this file.</summary>
public sealed class AuditCheckpoints(IServiceScopeFactory scopes, SigningCertificates certificates, DataFolder data,
    IConfiguration configuration, TimeProvider clock, ILogger<AuditCheckpoints> logger)
{
    public const string RecurringJobId = "audit-checkpoint";
    /// <summary>Thumbprints of signing certificates this server used before the current one (comma-separated): a
    /// renewed certificate then continues the checkpoints the old one signed. Kept in configuration, not in the data
    /// folder, so that whoever can write the checkpoint file cannot vouch for a certificate of their own.</summary>
    public const string PreviousCertificatesKey = "Audit:PreviousCertificates";
    private static readonly Lock FileGate = new();

    public string FilePath => configuration["Audit:CheckpointFile"] is { Length: > 0 } configured ? configured : data.Combine("audit", "checkpoints.jsonl");

    /// <summary>Every checkpoint in the file, oldest first; an unreadable line is skipped (and then cannot vouch).</summary>
    public IReadOnlyList<AuditCheckpoint> All()
    {
        lock (FileGate)
        {
            if (!File.Exists(FilePath)) return [];
            var list = new List<AuditCheckpoint>();
            foreach (var line in File.ReadLines(FilePath).Where(l => l.Length > 0))
            {
                try
                {
                    if (JsonSerializer.Deserialize<AuditCheckpoint>(line) is { } checkpoint) list.Add(checkpoint);
                }
                catch (JsonException)
                {
                    logger.LogWarning("An unreadable line in the audit checkpoint file was skipped");
                }
            }
            return list;
        }
    }

    /// <summary>The hourly run (Hangfire): a checkpoint, or a logged warning when the trail does not verify.</summary>
    public async Task RunAsync(CancellationToken ct) => await WriteAsync("hourly", ct);

    /// <summary>Writes a checkpoint of the trail as it is now, or returns the reason it refuses (the trail or the
    /// previous checkpoint does not verify).</summary>
    public async Task<(AuditCheckpoint? Checkpoint, string? Refusal)> WriteAsync(string reason, CancellationToken ct)
    {
        var check = await CheckAsync(ct);
        if (!check.IsIntact)
        {
            logger.LogWarning("No audit checkpoint written: the trail does not verify");
            return (null, $"No checkpoint was written: the audit trail does not verify. {check.Problem}");
        }
        using var certificate = certificates.Current();
        var checkpoint = AuditCheckpoint.Sign(check.Chain.IntactRows, check.Chain.HeadHash, clock.GetUtcNow().UtcDateTime, reason, certificate.Certificate);
        lock (FileGate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.AppendAllText(FilePath, JsonSerializer.Serialize(checkpoint) + "\n");
        }
        return (checkpoint, null);
    }

    /// <summary>Walks the chain, then holds it against the last checkpoint: it must still have at least that many
    /// rows, and the row at that position must still carry the hash the checkpoint signed.</summary>
    public async Task<AuditCheck> CheckAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        var chain = await trail.VerifyAsync(ct);
        var last = All().LastOrDefault();
        if (last is null) return new AuditCheck(chain, null, null);
        if (!last.SignatureHolds())
            return new AuditCheck(chain, last, $"The last checkpoint ({last.WrittenUtc}) does not verify: its signature does not hold.");
        var signer = last.CertificateThumbprint();
        if (!SignsOrSigned(signer))
            return new AuditCheck(chain, last, $"The last checkpoint ({last.WrittenUtc}) is signed by a certificate this server does not sign with "
                + $"(thumbprint {signer}). If the signing certificate was renewed, add that thumbprint to {PreviousCertificatesKey}.");
        return new AuditCheck(chain, last, await HoldAgainstAsync(db, last, ct));
    }

    /// <summary>Walks the chain and holds it against a checkpoint carried elsewhere (the one attached to a communiqué),
    /// whose signature and signer the caller has checked: the verdict on whether the trail still agrees with that copy.</summary>
    public async Task<AuditCheck> CheckAgainstAsync(AuditCheckpoint copy, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var chain = await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync(ct);
        return new AuditCheck(chain, copy, await HoldAgainstAsync(scope.ServiceProvider.GetRequiredService<SummitDbContext>(), copy, ct));
    }

    /// <summary>Why the trail disagrees with the checkpoint (rows deleted from its end, or the row it names carrying
    /// another hash), or null when it agrees.</summary>
    private static async Task<string?> HoldAgainstAsync(SummitDbContext db, AuditCheckpoint checkpoint, CancellationToken ct)
    {
        var rows = await db.AuditEvents.CountAsync(ct);
        var atCheckpoint = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence == checkpoint.Rows).Select(e => e.Hash).FirstOrDefaultAsync(ct);
        return (checkpoint.Rows > 0 && atCheckpoint is null) || rows < checkpoint.Rows
                ? $"The trail has {rows} rows, but the checkpoint of {checkpoint.WrittenUtc} saw {checkpoint.Rows}: rows were deleted from its end."
            : checkpoint.Rows > 0 && atCheckpoint != checkpoint.HeadHash
                ? $"Row {checkpoint.Rows} no longer carries the hash the checkpoint of {checkpoint.WrittenUtc} signed: the trail was rewritten."
            : null;
    }

    /// <summary>The current signing certificate, one named in <see cref="PreviousCertificatesKey"/>, or the development
    /// certificate this data folder made (the usual start, before a real certificate is configured).</summary>
    private bool SignsOrSigned(string thumbprint)
    {
        static bool Same(string? a, string b) => string.Equals(a?.Trim(), b, StringComparison.OrdinalIgnoreCase);
        using (var current = certificates.Current())
            if (Same(current.Thumbprint, thumbprint)) return true;
        var previous = (configuration[PreviousCertificatesKey] ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return previous.Any(p => Same(p, thumbprint)) || Same(certificates.DevelopmentThumbprint(), thumbprint);
    }
}
