namespace WeProtect.Summit.Data.Reporting;

/// <summary>A round of progress reports (e.g. "2026 biennial report") on one or more published statements, open
/// from <see cref="OpensUtc"/> until <see cref="DeadlineUtc"/>; both are typed in the summit's time zone.</summary>
public class ReportingCycle
{
    public const int TitleMaxLength = 200;

    private ReportingCycle() { }

    public int Id { get; private set; }
    /// <summary>The summit whose time zone the window is given and shown in.</summary>
    public int SummitId { get; private set; }
    public Summits.Summit Summit { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public DateTime OpensUtc { get; private set; }
    public DateTime DeadlineUtc { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public List<ReportingCycleStatement> Statements { get; private set; } = [];
    /// <summary>When organisers published the cycle's figures (after the deadline); null before. A concurrency token:
    /// published once.</summary>
    public DateTime? PublishedUtc { get; private set; }

    public bool IsPublished => PublishedUtc is not null;

    /// <summary>Whether the figures may be published now: once, after the deadline (the page's button and <see cref="Publish"/>).</summary>
    public bool IsPublishable(DateTime nowUtc) => !IsPublished && nowUtc >= DeadlineUtc;

    /// <summary>When the automatic reminders begin, <paramref name="lead"/> before the deadline. They go only to the
    /// organisations invited to report before then: one invited later (a cycle opened less than the lead time before its
    /// deadline, a focal point named since) has just been told the deadline by its invitation, and is not reminded of it.</summary>
    public DateTime RemindersBeginUtc(TimeSpan lead) => DeadlineUtc - lead;

    /// <summary>Whether reminders may go now: before the deadline (so never once published); the page's form and the desk.</summary>
    public bool TakesReminders(DateTime nowUtc) => !IsPublished && nowUtc < DeadlineUtc;

    /// <summary>Publishes the figures once the deadline has passed, or says why not.</summary>
    public DeskText? Publish(DateTime nowUtc)
    {
        if (IsPublished) return "This cycle is already published.";
        if (!IsPublishable(nowUtc)) return $"A cycle can be published once its deadline ({When(DeadlineUtc)}) has passed.";
        PublishedUtc = nowUtc;
        return null;
    }

    /// <summary>A new cycle, or every broken rule keyed by field.</summary>
    public static (ReportingCycle? Cycle, IReadOnlyList<(string Field, string Message)> Errors) Open(int summitId, string? title, DateTime opensUtc,
        DateTime deadlineUtc, IReadOnlyCollection<int> statementIds, string byUserId, DateTime nowUtc)
    {
        var errors = new List<(string, string)>();
        title = (title ?? "").Trim();
        if (title.Length == 0) errors.Add((nameof(Title), "Give the cycle a title, e.g. \"2026 biennial report\"."));
        else if (title.Length > TitleMaxLength) errors.Add((nameof(Title), $"The title is longer than {TitleMaxLength} characters."));
        if (deadlineUtc <= opensUtc) errors.Add((nameof(DeadlineUtc), "The deadline must come after the cycle opens."));
        else if (deadlineUtc <= nowUtc) errors.Add((nameof(DeadlineUtc), "The deadline has already passed."));
        if (statementIds.Count == 0) errors.Add((nameof(Statements), "Choose at least one published statement."));
        if (errors.Count > 0) return (null, errors);
        var cycle = new ReportingCycle
        {
            SummitId = summitId, Title = title, OpensUtc = opensUtc, DeadlineUtc = deadlineUtc, CreatedByUserId = byUserId, CreatedUtc = nowUtc,
        };
        cycle.Statements.AddRange(statementIds.Distinct().Select(id => new ReportingCycleStatement(id)));
        return (cycle, []);
    }

    /// <summary>Null while reports may be drafted and submitted, else why not (times in the summit's zone, written in
    /// the reader's language).</summary>
    public DeskText? RefuseReports(DateTime nowUtc)
    {
        if (nowUtc < OpensUtc) return $"This reporting cycle opens on {When(OpensUtc)}.";
        if (nowUtc >= DeadlineUtc) return $"The deadline of this reporting cycle passed on {When(DeadlineUtc)}: reports can no longer change.";
        return null;
    }

    /// <summary>"Monday 1 March 2027, 10:00 (Europe/London)": the time stays a value, so the day and month are said in
    /// the reader's language. Returned one by one, not as a conditional, which would format them in English.</summary>
    private DeskText When(DateTime utc)
    {
        if (Summit is null) return $"{utc:dddd d MMMM yyyy, HH:mm} UTC";
        return $"{Summit.ToLocal(utc):dddd d MMMM yyyy, HH:mm} ({Summit.TimeZoneId})";
    }
}
