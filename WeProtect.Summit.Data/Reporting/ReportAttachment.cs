namespace WeProtect.Summit.Data.Reporting;

/// <summary>A PDF attached to a progress report as evidence (a national strategy, an annual report). Added and removed
/// only while the report is a draft; submitting freezes it with the report (its SHA-256 is part of the report's hash,
/// see <see cref="ReportHash"/>). A new draft starts with copies of the last submission's attachments.</summary>
public class ReportAttachment
{
    /// <summary>10 MB: a long report with pictures; more is a scan that should be compressed first.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;
    /// <summary>At most this many per report: evidence, not an archive.</summary>
    public const int MaxPerReport = 5;
    public const int FileNameMaxLength = 200;

    private ReportAttachment() { }

    public ReportAttachment(string fileName, byte[] content, string createdByUserId, DateTime createdUtc)
    {
        FileName = fileName;
        SizeBytes = content.LongLength;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        CreatedByUserId = createdByUserId;
        CreatedUtc = createdUtc;
        Content = new ReportAttachmentContent(content);
    }

    public int Id { get; private set; }
    public int ReportId { get; private set; }
    /// <summary>The uploaded file's name without a path, ending in .pdf.</summary>
    public string FileName { get; private set; } = "";
    public long SizeBytes { get; private set; }
    /// <summary>Hex SHA-256 of the content (lowercase), also in the report's canonical form.</summary>
    public string Sha256 { get; private set; } = "";
    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public ReportAttachmentContent? Content { get; private set; }

    /// <summary>A copy for the next draft (the bytes are copied too: a submission's attachments never change).</summary>
    public ReportAttachment Copy(byte[] content) => new(FileName, content, CreatedByUserId, CreatedUtc);
}
