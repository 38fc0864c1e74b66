namespace WeProtect.Summit.Data.Audit;

/// <summary>Records each time staff take delegates' personal data out of the app as a file: a delegates list, the
/// needs (health data), a breakout's attendees, badges, a letter of invitation (a passport number). The audit trail then
/// says who took what, when and for how many people, so that a leak can be traced; the event names the file by kind,
/// subject and count, never the data in it. A delegate downloading their own data is not recorded.</summary>
public sealed class DownloadLog(AuditTrail audit)
{
    /// <summary>Every action this log writes starts so ("download.needs"): the audit page lists them on their own.</summary>
    public const string ActionPrefix = "download.";

    /// <summary>"1 badge", "12 badges": how many people a file named, as the event says it (in English, as every summary).</summary>
    public static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    public async Task RecordAsync(AuditActor actor, string what, object subject, string summary, CancellationToken ct = default)
    {
        audit.Record(actor, ActionPrefix + what, subject, summary);
        await audit.SaveChangesAsync(ct);
    }
}
