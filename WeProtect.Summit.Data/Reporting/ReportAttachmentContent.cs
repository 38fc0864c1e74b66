namespace WeProtect.Summit.Data.Reporting;

/// <summary>The bytes of a <see cref="ReportAttachment"/>, in a table of their own so that loading reports never reads them.</summary>
public class ReportAttachmentContent
{
    private ReportAttachmentContent() { }

    public ReportAttachmentContent(byte[] bytes) => Bytes = bytes;

    public int AttachmentId { get; private set; }
    public byte[] Bytes { get; private set; } = [];
}
