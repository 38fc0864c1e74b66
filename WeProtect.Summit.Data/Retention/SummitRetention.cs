namespace WeProtect.Summit.Data.Retention;

using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Summits; // after the namespace line: "Summit" is also a namespace

/// <summary>How long a summit's personal data is kept, and whether it has been erased. A summit without a row keeps
/// its data for <see cref="DefaultDays"/> days after its last day; the row appears when organisers extend that, or when
/// the erasure runs (<see cref="RetentionDesk"/>). Erased once: the run's id and time are kept, and a later run
/// finds the row erased and changes nothing.</summary>
public class SummitRetention
{
    /// <summary>Days after the summit's last day (in its time zone) that its personal data is kept by default.</summary>
    public const int DefaultDays = 90;
    public const int ReasonMaxLength = 1000;
    /// <summary>The longest an extension may keep the data after the summit's last day: a legal hold lasts years, not
    /// centuries, and a later day is a typing slip.</summary>
    public const int MaxYears = 30;

    private SummitRetention() { }

    public SummitRetention(int summitId) => SummitId = summitId;

    public int SummitId { get; private set; }
    /// <summary>The last day the data is kept, when organisers extended it; null: the default.</summary>
    public DateOnly? ExtendedUntil { get; private set; }
    /// <summary>Why it was extended (shown to organisers, recorded in the audit trail).</summary>
    public string? ExtensionReason { get; private set; }
    public DateTime? ExtendedUtc { get; private set; }
    public string? ExtendedByUserId { get; private set; }
    /// <summary>When the personal data was erased, and by which run; set once, by a conditional update.</summary>
    public DateTime? ErasedUtc { get; private set; }
    public Guid? ErasureRunId { get; private set; }

    public bool IsErased => ErasedUtc is not null;

    /// <summary>The last day the summit's personal data is kept (in the summit's time zone).</summary>
    public static DateOnly RetainUntil(Summit summit, SummitRetention? retention) =>
        retention?.ExtendedUntil ?? (summit.EndDate > DateOnly.MaxValue.AddDays(-DefaultDays) ? DateOnly.MaxValue : summit.EndDate.AddDays(DefaultDays));

    /// <summary>The last day an extension may keep the summit's data to.</summary>
    public static DateOnly LatestUntil(Summit summit) =>
        summit.EndDate.Year + MaxYears > DateOnly.MaxValue.Year - 1 ? DateOnly.MaxValue.AddDays(-1) : summit.EndDate.AddYears(MaxYears);

    /// <summary>The instant the erasure is due: midnight at the end of the last day kept, in the summit's time zone.</summary>
    public static DateTime ErasureDueUtc(Summit summit, SummitRetention? retention)
    {
        // Bounded: a row saved before the dates were (a last day in year 9999) must not stop the page or the sweep.
        var until = RetainUntil(summit, retention);
        if (until >= DateOnly.MaxValue.AddDays(-1)) return DateTime.MaxValue;
        var midnight = until.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var (utc, error) = SummitClock.ToUtc(midnight, summit.Zone);
        // A zone whose clocks skip midnight that day: the first hour that exists.
        return error is null ? utc : SummitClock.ToUtc(midnight.AddHours(1), summit.Zone).Utc;
    }

    public static bool IsDue(Summit summit, SummitRetention? retention, DateTime nowUtc) =>
        retention?.IsErased != true && nowUtc >= ErasureDueUtc(summit, retention);

    /// <summary>Keeps the data longer; returns why not (keyed by field) when the date is not later or the reason missing.
    /// Desk texts, so that the day is said in the organiser's language, not formatted here in English.</summary>
    public IReadOnlyList<(string Field, DeskText Message)> Extend(Summit summit, DateOnly? until, string? reason, string byUserId, DateTime nowUtc)
    {
        var errors = new List<(string, DeskText)>();
        var current = RetainUntil(summit, this);
        if (IsErased) errors.Add(("Until", "This summit's personal data has already been erased: there is nothing left to keep."));
        else if (until is null) errors.Add(("Until", "Give the last day the data is to be kept."));
        else if (until <= current) errors.Add(("Until", $"Give a day after {current:d MMMM yyyy}, the day the data is kept until now."));
        else if (until > LatestUntil(summit)) errors.Add(("Until", $"Give a day by {LatestUntil(summit):d MMMM yyyy}: data is kept at most {MaxYears} years after the summit."));
        if (string.IsNullOrWhiteSpace(reason)) errors.Add(("Reason", "Give the reason for keeping the data longer."));
        else if (reason.Trim().Length > ReasonMaxLength) errors.Add(("Reason", $"The reason is longer than {ReasonMaxLength} characters."));
        if (errors.Count > 0) return errors;
        (ExtendedUntil, ExtensionReason, ExtendedUtc, ExtendedByUserId) = (until, reason!.Trim(), nowUtc, byUserId);
        return errors;
    }
}
