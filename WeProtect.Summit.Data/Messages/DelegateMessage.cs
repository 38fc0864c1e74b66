namespace WeProtect.Summit.Data.Messages;

/// <summary>A message the organisers wrote to a filtered set of a summit's delegates. Each recipient is a
/// <see cref="DelegateMessageRecipient"/> row with its own notification, sent once by the notification job.</summary>
public class DelegateMessage
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 10_000;
    public const int AudienceMaxLength = 1000;

    public int Id { get; set; }
    public int SummitId { get; set; }
    /// <summary>The compose form's one-time key: the same form posted twice sends one message (a unique index).</summary>
    public Guid Key { get; set; }
    /// <summary>Subject and body as written, placeholders ({FullName}…) filled in per recipient when the mail is composed.</summary>
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>The filter in words ("Approved · Government · Kenya"), for the history.</summary>
    public string Audience { get; set; } = "";
    public int RecipientCount { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";
}
