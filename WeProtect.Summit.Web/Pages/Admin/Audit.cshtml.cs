using System.Text;
using System.Text.Json;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Audit;

namespace WeProtect.Summit.Web.Pages.Admin;

/// <summary>The audit trail, newest first, with the verdict of walking its hash chain (hashes and keyed MACs) and of
/// holding it against the last signed checkpoint; a checkpoint on request, the checkpoint file and the trail as JSON
/// lines to download (for an outside auditor, see scripts/verify-audit.py).</summary>
public class AuditModel(SummitDbContext db, AuditCheckpoints checkpoints) : PageModel
{
    public const int PageSize = 100;

    public AuditVerification Verification { get; private set; } = null!;
    public AuditCheck Check { get; private set; } = null!;
    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];
    /// <summary>The names of the people the shown events name, as they are now (erased accounts: "erased user #id").</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public int PageNumber { get; private set; }
    /// <summary>Only the downloads of personal data (<see cref="DownloadLog"/>): who took what out, and when.</summary>
    [BindProperty(SupportsGet = true, Name = "downloads")] public bool DownloadsOnly { get; set; }
    public bool HasOlder { get; private set; }

    public async Task OnGetAsync(int p = 1)
    {
        // Bounded: a page number past what Skip can count (?p=2147483647) is a page with nothing on it, not page 1.
        PageNumber = Math.Clamp(p, 1, int.MaxValue / PageSize);
        Check = await checkpoints.CheckAsync(HttpContext.RequestAborted);
        Verification = Check.Chain;
        var events = db.AuditEvents.AsNoTracking();
        if (DownloadsOnly) events = events.Where(e => e.Action.StartsWith(DownloadLog.ActionPrefix));
        var rows = await events.OrderByDescending(e => e.Sequence)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasOlder = rows.Count > PageSize;
        Events = rows.Take(PageSize).ToList();
        Names = await AuditNames.ResolveAsync(db, Events.Select(e => e.ActorUserId).Concat(Events.Select(AuditNames.SubjectUserId)));
    }

    public async Task<IActionResult> OnPostCheckpointAsync(CancellationToken ct)
    {
        var (checkpoint, refusal) = await checkpoints.WriteAsync("requested by an administrator", ct);
        if (refusal is not null) this.ShowStatus(Localization.Translations.OrKey(HttpContext, refusal), StatusKind.Refused);
        else this.ShowStatus(Localization.Translations.OrKey(HttpContext, "Checkpoint written: {0} rows, head {1}…, {2}.", checkpoint!.Rows, checkpoint.HeadHash[..12], checkpoint.WrittenUtc));
        return RedirectToPage();
    }

    /// <summary>The checkpoint file as it is (JSON lines, one signed checkpoint each).</summary>
    public IActionResult OnGetCheckpoints()
    {
        var lines = checkpoints.All().Select(c => JsonSerializer.Serialize(c) + "\n");
        return File(Encoding.UTF8.GetBytes(string.Concat(lines)), "application/x-ndjson", "audit-checkpoints.jsonl");
    }

    /// <summary>The whole trail, one JSON object per row in sequence order, with every field the hash and MAC cover.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var builder = new StringBuilder();
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
            builder.Append(JsonSerializer.Serialize(new
            {
                sequence = e.Sequence,
                occurredUtc = e.OccurredUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                actorUserId = e.ActorUserId,
                actorName = e.ActorName,
                action = e.Action,
                subjectType = e.SubjectType,
                subjectId = e.SubjectId,
                summary = e.Summary,
                previousHash = e.PreviousHash,
                hash = e.Hash,
                macKeyId = e.MacKeyId,
                mac = e.Mac,
                // The exact string the hash and the MAC cover, so that a verifier need not re-create the serialiser.
                canonical = AuditTrail.CanonicalForm(e),
            })).Append('\n');
        return File(Encoding.UTF8.GetBytes(builder.ToString()), "application/x-ndjson", "audit-trail.jsonl");
    }
}
