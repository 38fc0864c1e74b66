using System.Linq.Expressions;

namespace WeProtect.Summit.Data.Notifications;

/// <summary>A message that must be sent, written in the same transaction as the decision it reports. The database,
/// not the job queue, is the source of truth: a background job sends it by id and stamps <see cref="SentUtc"/>;
/// anything unsent is enqueued again at start-up and on a schedule, so a job lost on restart is re-run.
/// A failed attempt leaves the row unsent with <see cref="LastError"/> and a <see cref="NextAttemptUtc"/> after a
/// back-off; only a refusal that will not change (the mail server answered 5xx for this recipient or message) or
/// <see cref="MaxAttempts"/> failures that were not the mail server's fault mark it <see cref="FailedUtc"/>.</summary>
public class Notification
{
    /// <summary>Failures other than an unreachable or busy mail server (e.g. a letter that cannot be written) give
    /// up after this many attempts. An unreachable server is waited for, however long: nothing is lost.</summary>
    public const int MaxAttempts = 5;

    /// <summary>How long a job's claim holds; after it, another job may take the message (its sender died).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

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
    /// <summary>When a job took this message to send it; another job leaves it alone for <see cref="ClaimLease"/>.</summary>
    public DateTime? ClaimedUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? FailedUtc { get; set; }
    /// <summary>After a failed attempt, not before this time (the back-off); null: as soon as possible.</summary>
    public DateTime? NextAttemptUtc { get; set; }

    /// <summary>For a letter an organiser sent again: the letter it copies (one copy of a letter waits at a time: a
    /// unique filtered index).</summary>
    public long? ResendOf { get; set; }

    public bool IsPending => SentUtc is null && FailedUtc is null;

    /// <summary>Unsent, not given up, its back-off over and no live claim on it: what the job may claim and the sweep
    /// enqueues. One rule for both.</summary>
    public static Expression<Func<Notification, bool>> Due(DateTime now)
    {
        var staleClaim = now - ClaimLease;
        return n => n.SentUtc == null && n.FailedUtc == null
            && (n.NextAttemptUtc == null || n.NextAttemptUtc <= now)
            && (n.ClaimedUtc == null || n.ClaimedUtc < staleClaim);
    }

    /// <summary>The letters of one kind about one subject (a statement's consultation notices): answered from the
    /// (Kind, SubjectId) index, not by reading every letter ever written.</summary>
    public static Expression<Func<Notification, bool>> About(string kind, int subjectId) => n => n.Kind == kind && n.SubjectId == subjectId;

    /// <summary>The wait after the given number of failed attempts: 1, 2, 5, 15 minutes, then every hour.</summary>
    public static TimeSpan Backoff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(2),
        3 => TimeSpan.FromMinutes(5),
        4 => TimeSpan.FromMinutes(15),
        _ => TimeSpan.FromHours(1),
    };
}
