namespace WeProtect.Summit.Data.Messages;

/// <summary>A message the organisers wrote to a filtered set of a summit's delegates. Each recipient is a
/// <see cref="DelegateMessageRecipient"/> row with its own notification, sent once by the notification job.</summary>
public class DelegateMessage
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 10_000;
    public const int AudienceMaxLength = 1000;
    public const int FilterMaxLength = 2000;

    public int Id { get; set; }
    public int SummitId { get; set; }
    /// <summary>The compose form's one-time key: the same form posted twice sends one message (a unique index).</summary>
    public Guid Key { get; set; }
    /// <summary>Subject and body as written, placeholders ({FullName}…) filled in per recipient when the mail is composed.</summary>
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>The language the organisers wrote in (an interface language's code): the mail's Content-Language, and
    /// the language of the placeholders' words and of the link's label. Null for a standard reminder, whose wording is
    /// ours and reaches each delegate in their own language.</summary>
    public string? Language { get; init; }
    /// <summary>The filter in English words ("Approved · Government · Kenya") as it was when written, for the audit
    /// trail, and for the history of a message written before its filter was kept.</summary>
    public string Audience { get; set; } = "";
    public int RecipientCount { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";

    /// <summary>When a scheduled message is due (null: sent when written). Its recipients are chosen when it goes,
    /// so that "still pending" means pending then.</summary>
    public DateTime? ScheduledForUtc { get; init; }
    /// <summary>The filter (<see cref="StoredFilter"/>): a scheduled message's recipients are chosen by it when it goes;
    /// the history says it in the reader's language.</summary>
    public string? Filter { get; init; }
    /// <summary>Which standard reminder this is (<see cref="StandardReminders"/>), if any.</summary>
    public string? Reminder { get; init; }
    /// <summary>When the recipients and their notifications were written: set once, by a conditional update (the claim).</summary>
    public DateTime? SentUtc { get; private set; }
    public DateTime? CancelledUtc { get; private set; }
    public string? CancelledByName { get; private set; }

    private readonly List<DelegateMessageVersion> versions = [];

    /// <summary>The message written again in other languages (none for a standard reminder, which is ours).</summary>
    public IReadOnlyList<DelegateMessageVersion> Versions => versions;

    /// <summary>Adds the text in another language; the desk has checked it (<see cref="MessageDesk.Problems"/>).</summary>
    public void AddVersion(string language, string subject, string body)
    {
        if (language == Language || versions.Any(v => v.Language == language))
            throw new InvalidOperationException($"The message already has its text in {language}.");
        versions.Add(new DelegateMessageVersion(language, subject.Trim(), body.Replace("\r\n", "\n")));
    }

    /// <summary>What a delegate who reads <paramref name="readerLanguage"/> receives: the version in that language when
    /// there is one, else the message as written (its language; null for a standard reminder).</summary>
    public (string? Language, string Subject, string Body) TextFor(string readerLanguage) =>
        VersionFor(readerLanguage, versions.Select(v => v.Language)) is { } language && versions.First(v => v.Language == language) is var version
            ? (version.Language, version.Subject, version.Body)
            : (Language, Subject, Body);

    /// <summary>The rule, for a message saved or still being written (its preview): a reader of
    /// <paramref name="readerLanguage"/> gets the version in that language (its language is returned) when there is one,
    /// else the message as written (null).</summary>
    public static string? VersionFor(string readerLanguage, IEnumerable<string?> versionLanguages) =>
        versionLanguages.FirstOrDefault(l => l == readerLanguage);

    public bool IsWaiting => ScheduledForUtc is not null && SentUtc is null && CancelledUtc is null;

    /// <summary>A message sent as it is written.</summary>
    public void MarkSent(DateTime now) => SentUtc ??= now;

    /// <summary>Scheduled messages that are due now and neither sent nor cancelled.</summary>
    public static System.Linq.Expressions.Expression<Func<DelegateMessage, bool>> Due(DateTime now) =>
        m => m.ScheduledForUtc != null && m.ScheduledForUtc <= now && m.SentUtc == null && m.CancelledUtc == null;
}
