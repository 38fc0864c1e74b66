namespace WeProtect.Summit.Data.Notifications;

/// <summary>A message that must be sent, written in the same transaction as the decision it reports. The database,
/// not the job queue, is the source of truth: a background job sends it by id and stamps <see cref="SentUtc"/>;
/// anything unsent is enqueued again at start-up and on a schedule, so a job lost on restart is re-run.</summary>
public class Notification
{
    public const int MaxAttempts = 5;

    public long Id { get; set; }
    /// <summary>What to say, e.g. <see cref="NotificationKinds.RegistrationDecision"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The id of what it is about (a registration, a booking…), read fresh when the message is composed.</summary>
    public int SubjectId { get; set; }
    /// <summary>Who it is for, where one subject concerns several people (an endorsement: every signatory of the
    /// organisation); null where the subject names its one recipient.</summary>
    public string? RecipientUserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    /// <summary>When a job took this message to send it; another job leaves it alone for a while after.</summary>
    public DateTime? ClaimedUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? FailedUtc { get; set; }

    public bool IsPending => SentUtc is null && FailedUtc is null;
}
