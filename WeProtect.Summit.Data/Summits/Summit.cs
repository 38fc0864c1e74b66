using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Summits;

/// <summary>A ministerial summit: where and when it happens, who hosts it, who may register.</summary>
public class Summit
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int MaxCapacity = 100_000;
    /// <summary>The days a summit may fall on: the Alliance's record begins in the 1990s, and a far-off year is a typing
    /// slip that would otherwise overflow every date counted from the summit's days (retention, reminders, travel).</summary>
    public static readonly DateOnly EarliestDay = new(1990, 1, 1), LatestDay = new(2199, 12, 31);

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Theme { get; set; }
    /// <summary>What an invited delegate needs to know: programme outline, travel, accreditation.</summary>
    public string? Description { get; set; }
    public string City { get; set; } = "";
    public string CountryCode { get; set; } = "";
    public string? Venue { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>IANA id, e.g. "Asia/Dubai". Times are stored in UTC and shown in this zone.</summary>
    public string TimeZoneId { get; set; } = "UTC";
    public DateTime? RegistrationOpensUtc { get; set; }
    public DateTime? RegistrationClosesUtc { get; set; }
    public int DelegateCapacity { get; set; }
    /// <summary>Approved registrations. Moved only by RegistrationDesk's conditional updates
    /// ("… WHERE ApprovedCount &lt; DelegateCapacity"), which is what keeps approvals within capacity.</summary>
    public int ApprovedCount { get; set; }
    public string? ContactEmail { get; set; }
    /// <summary>The language of its pages for a visitor who chose none and whose browser asks for none the app speaks
    /// (an <see cref="Languages.InterfaceLanguages"/> code).</summary>
    public string DefaultLanguage { get; set; } = Languages.InterfaceLanguages.Default;
    public SummitStatus Status { get; private set; } = SummitStatus.Draft;
    /// <summary>Open (anyone registers) or by invitation (only nominees of invited organisations); changed through
    /// <see cref="SetRegistrationMode"/>.</summary>
    public RegistrationMode RegistrationMode { get; private set; } = RegistrationMode.Open;
    public List<Organisation> Hosts { get; set; } = [];
    public DateTime CreatedUtc { get; set; }
    /// <summary>The one-time key of the form that created it (null for a summit made otherwise), under a unique index:
    /// the same form posted twice at once (a double click) makes one summit. Set by <see cref="CreatedFromForm"/>.</summary>
    public Guid? CreationKey { get; private set; }

    /// <summary>Records the creation form's key on a new summit; a saved summit keeps its own.</summary>
    public void CreatedFromForm(Guid key)
    {
        if (Id == 0 && key != Guid.Empty) CreationKey = key;
    }
    /// <summary>A summit held before it was run here (London 2014, Addis Ababa 2019), entered afterwards for the
    /// Alliance's record: its days are past, it takes no registration, it goes from draft straight to archived, and its
    /// statements' endorsements are recorded from the printed text by the secretariat instead of signed here. Chosen
    /// when the summit is created (<see cref="RecordAfterwards"/>), never changed.</summary>
    public bool RecordedAfterwards { get; private set; }

    /// <summary>Makes a new summit the record of a past one; a summit already saved keeps what it is.</summary>
    public DeskText? RecordAfterwards()
    {
        if (Id != 0) return "Only a new summit can be recorded afterwards: a summit run here keeps its own record.";
        RecordedAfterwards = true;
        return null;
    }

    public const int ReportedInMaxLength = 500;

    /// <summary>A summit <see cref="RecordedAfterwards"/> keeps no registrations, so its attendance is what its own
    /// report printed ("400 delegates from 94 countries, 33 ministers"), with where it is printed; each figure optional,
    /// set through <see cref="ReportAttendance"/>. A summit run here counts its own and reports none.</summary>
    public int? ReportedDelegates { get; private set; }
    public int? ReportedCountries { get; private set; }
    public int? ReportedMinisters { get; private set; }
    public string? ReportedIn { get; private set; }

    public bool HasReportedAttendance => ReportedDelegates.HasValue || ReportedCountries.HasValue || ReportedMinisters.HasValue;

    /// <summary>Takes the printed figures as given (a blank source as none); <see cref="Validate"/> says what is wrong.</summary>
    public void ReportAttendance(int? delegates, int? countries, int? ministers, string? reportedIn)
    {
        (ReportedDelegates, ReportedCountries, ReportedMinisters) = (delegates, countries, ministers);
        ReportedIn = Validation.NameRule.Tidy(reportedIn) is { Length: > 0 } tidy ? tidy : null;
    }

    /// <summary>Optimistic concurrency: an edit made on a stale copy is refused instead of overwriting.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public TimeZoneInfo Zone => SummitClock.FindZone(TimeZoneId) ?? TimeZoneInfo.Utc;

    public DateTime ToLocal(DateTime utc) => SummitClock.ToLocal(utc, Zone);

    public bool IsPublic => Status != SummitStatus.Draft;

    /// <summary>The summit's last day has passed on its own clock.</summary>
    public bool IsOverAt(DateTime nowUtc) => EndDate < DateOnly.FromDateTime(ToLocal(nowUtc));

    public bool IsRegistrationOpen(DateTime nowUtc) =>
        Status == SummitStatus.Open
        && RegistrationOpensUtc is { } opens && RegistrationClosesUtc is { } closes
        && nowUtc >= opens && nowUtc < closes;

    /// <summary>Why a delegate cannot register now, in words for the registration page; null when they can.</summary>
    public DeskText? WhyRegistrationIsClosed(DateTime nowUtc)
    {
        // Returned one by one, not as a switch: a switch of strings would be a string, its dates formatted in English.
        if (IsRegistrationOpen(nowUtc)) return null;
        if (Status == SummitStatus.Draft) return "This summit has not been announced yet.";
        if (Status == SummitStatus.Archived) return "This summit has taken place.";
        if (Status == SummitStatus.Open && RegistrationOpensUtc is { } opens && nowUtc < opens)
            return $"Registration opens on {ToLocal(opens):d MMMM yyyy, HH:mm} ({TimeZoneId}).";
        if (Status == SummitStatus.Open && RegistrationClosesUtc is { } closes)
            return $"Registration closed on {ToLocal(closes):d MMMM yyyy, HH:mm} ({TimeZoneId}).";
        return "Registration for this summit is closed.";
    }

    /// <summary>Every reason the summit's fields are not acceptable, keyed by field name; empty when valid.</summary>
    public IReadOnlyList<(string Field, DeskText Message)> Validate()
    {
        var errors = new List<(string, DeskText)>();
        void Check(bool bad, string field, DeskText message) { if (bad) errors.Add((field, message)); }

        Check(string.IsNullOrWhiteSpace(Name), nameof(Name), "The name is required.");
        Check(Name?.Length > NameMaxLength, nameof(Name), $"The name is longer than {NameMaxLength} characters.");
        Check(Theme?.Length > NameMaxLength * 2, nameof(Theme), $"The theme is longer than {NameMaxLength * 2} characters.");
        Check(Description?.Length > TextMaxLength, nameof(Description), $"The description is longer than {TextMaxLength} characters.");
        Check(string.IsNullOrWhiteSpace(City), nameof(City), "The city is required.");
        Check(City?.Length > NameMaxLength, nameof(City), $"The city is longer than {NameMaxLength} characters.");
        Check(Venue?.Length > NameMaxLength, nameof(Venue), $"The venue is longer than {NameMaxLength} characters.");
        Check(!Countries.IsKnown(CountryCode), nameof(CountryCode), "Choose the host country from the ISO 3166-1 list.");
        Check(EndDate < StartDate, nameof(EndDate), "The summit cannot end before it starts.");
        Check(StartDate < EarliestDay || StartDate > LatestDay, nameof(StartDate), $"Give a first day between {EarliestDay.Year} and {LatestDay.Year}.");
        Check(EndDate < EarliestDay || EndDate > LatestDay, nameof(EndDate), $"Give a last day between {EarliestDay.Year} and {LatestDay.Year}.");
        Check(SummitClock.FindZone(TimeZoneId) is null, nameof(TimeZoneId), $"\"{TimeZoneId}\" is not an IANA time zone (e.g. Asia/Dubai).");
        Check(!Languages.InterfaceLanguages.IsSupported(DefaultLanguage), nameof(DefaultLanguage), "Choose one of the app's languages.");
        Check(DelegateCapacity <= 0, nameof(DelegateCapacity), "The delegate capacity must be at least 1.");
        Check(DelegateCapacity > MaxCapacity, nameof(DelegateCapacity), $"The delegate capacity must be at most {MaxCapacity:N0}.");
        Check(DelegateCapacity > 0 && DelegateCapacity < ApprovedCount, nameof(DelegateCapacity), DeskText.Counted(ApprovedCount,
            $"{ApprovedCount:N0} delegate is already approved: the capacity cannot be lower.", $"{ApprovedCount:N0} delegates are already approved: the capacity cannot be lower."));
        Check(ContactEmail?.Length > 254 || (ContactEmail is { } mail && !mail.Contains('@')), nameof(ContactEmail), "The contact e-mail is not an e-mail address.");
        Check(RecordedAfterwards && (RegistrationOpensUtc.HasValue || RegistrationClosesUtc.HasValue), nameof(RegistrationOpensUtc),
            "A summit recorded afterwards takes no registration: leave the registration window empty.");
        ValidateReportedAttendance(Check);
        Check(RegistrationOpensUtc.HasValue != RegistrationClosesUtc.HasValue, nameof(RegistrationClosesUtc),
            "Give both the opening and the closing time of registration, or neither.");
        Check(RegistrationOpensUtc >= RegistrationClosesUtc, nameof(RegistrationClosesUtc),
            "Registration must close after it opens.");
        Check(RegistrationOpensUtc < EarliestDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), nameof(RegistrationOpensUtc),
            $"Give an opening time from {EarliestDay.Year} on.");
        if (RegistrationClosesUtc is { } closes && errors.Count == 0)
        {
            var lastDay = ToLocal(closes);
            Check(DateOnly.FromDateTime(lastDay) > EndDate, nameof(RegistrationClosesUtc),
                "Registration must close by the last day of the summit.");
        }
        return errors;
    }

    private void ValidateReportedAttendance(Action<bool, string, DeskText> check)
    {
        if (!RecordedAfterwards)
        {
            check(HasReportedAttendance || ReportedIn is not null, nameof(ReportedDelegates),
                "Attendance is reported only for a summit recorded afterwards: a summit run here counts its own.");
            return;
        }
        check(ReportedDelegates is < 1 or > MaxCapacity, nameof(ReportedDelegates), $"The number of delegates must be between 1 and {MaxCapacity:N0}.");
        check(ReportedCountries is < 1 || ReportedCountries > Countries.All.Count, nameof(ReportedCountries),
            $"The number of countries must be between 1 and {Countries.All.Count:N0}.");
        check(ReportedMinisters is < 0 or > MaxCapacity, nameof(ReportedMinisters), $"The number of ministers must be between 0 and {MaxCapacity:N0}.");
        check(ReportedCountries > ReportedDelegates, nameof(ReportedCountries), "More countries than delegates: each country was represented by at least one delegate.");
        check(ReportedMinisters > ReportedDelegates, nameof(ReportedMinisters), "More ministers than delegates: the ministers are counted among the delegates.");
        check(HasReportedAttendance && ReportedIn is null, nameof(ReportedIn), "Say where these figures are printed (e.g. the summit's report, page 3).");
        check(!HasReportedAttendance && ReportedIn is not null, nameof(ReportedIn), "Give at least one figure, or leave where they are printed empty.");
        if (Validation.NameRule.Problem(ReportedIn, "Where the figures are printed", ReportedInMaxLength) is { } badSource)
            check(true, nameof(ReportedIn), badSource);
    }

    /// <summary>Why the summit cannot start on <see cref="StartDate"/> at <paramref name="nowUtc"/>, or null: a new summit,
    /// or one whose first day (<paramref name="storedStart"/>) is still to come, cannot be given a first day already past
    /// on the summit's clock (most often a slip of the year). A summit already under way or over keeps its dates
    /// correctable. A summit <see cref="RecordedAfterwards"/> is the opposite: all its days are past.</summary>
    public DeskText? WhyStartIsPast(DateOnly? storedStart, DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(ToLocal(nowUtc));
        if (RecordedAfterwards && EndDate >= today) return "A summit recorded afterwards has taken place: its last day is before today on the summit's clock.";
        if (RecordedAfterwards) return null;
        if (StartDate >= today || storedStart < today) return null;
        return "The first day is already past on the summit's clock: give a first day from today on.";
    }

    /// <summary>Sets who may register; returns why not when the summit no longer takes registrations.</summary>
    public DeskText? SetRegistrationMode(RegistrationMode mode)
    {
        if (!Enum.IsDefined(mode)) return "Choose open registration or registration by invitation.";
        if (Status == SummitStatus.Archived) return "This summit has taken place: its registration can no longer change.";
        RegistrationMode = mode;
        return null;
    }

    /// <summary>Why this person cannot register here now; null when they can. The one rule of the summit page (its
    /// Register button) and the registration page: the window, then (without a nomination) the registration mode.</summary>
    public DeskText? WhyCannotRegister(DateTime nowUtc, bool nominated) =>
        WhyRegistrationIsClosed(nowUtc) ?? (nominated ? null : WhySelfServiceIsRefused());

    /// <summary>Why a user without a nomination cannot register themselves; null in open mode.</summary>
    public DeskText? WhySelfServiceIsRefused()
    {
        if (RegistrationMode != RegistrationMode.ByInvitation) return null;
        return "Registration for this summit is by invitation: delegates are nominated by their organisation's focal point. "
            + "If you were nominated, open the link in the e-mail you received.";
    }

    /// <summary>The statuses this summit may move to from where it is now.</summary>
    public IEnumerable<SummitStatus> NextStatuses() => Status switch
    {
        SummitStatus.Draft when RecordedAfterwards => [SummitStatus.Archived],
        SummitStatus.Draft => [SummitStatus.Open],
        SummitStatus.Open => [SummitStatus.Closed],
        SummitStatus.Closed => [SummitStatus.Open, SummitStatus.Archived],
        _ => [],
    };

    /// <summary>Moves the summit along Draft → Open → Closed → Archived (a closed summit may reopen);
    /// returns why not when the step is not allowed.</summary>
    public DeskText? MoveTo(SummitStatus next)
    {
        if (!NextStatuses().Contains(next))
            return $"{DeskWords.SummitIs(Status)}: it cannot become “{(DeskText)Vocabulary.Words.Name(next)}”.";
        if (next == SummitStatus.Open && RegistrationOpensUtc is null)
            return "Set the registration window before opening the summit.";
        if (next == SummitStatus.Open && Validate().Count > 0)
            return "Correct the summit's details before opening it.";
        Status = next;
        return null;
    }
}
