using System.Linq.Expressions;
using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Breakouts;

/// <summary>A themed session in a room, with facilitating organisations and people. Seats are counted by
/// <see cref="BookingDesk"/>'s conditional updates on <see cref="ConfirmedCount"/>.</summary>
public class Breakout
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    public int Id { get; set; }
    public int SummitId { get; set; }
    public Summits.Summit Summit { get; set; } = null!;
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public int? ThemeId { get; set; }
    public Theme? Theme { get; set; }
    public int RoomId { get; set; }
    public Room Room { get; set; } = null!;
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public int Capacity { get; set; }
    /// <summary>Confirmed bookings; moved only by conditional updates ("… WHERE ConfirmedCount &lt; Capacity").</summary>
    public int ConfirmedCount { get; set; }
    public List<Organisation> FacilitatingOrganisations { get; set; } = [];
    public List<SummitUser> Facilitators { get; set; } = [];
    /// <summary>Raised whenever time or room changes, so calendar entries are replaced (iCalendar SEQUENCE).</summary>
    public int Sequence { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    /// <summary>A session for all delegates (opening, closing, keynotes): nobody books it, it has no capacity, and the
    /// agenda shows it across the whole row.</summary>
    public bool IsPlenary { get; set; }
    /// <summary>Set by <see cref="Cancel"/>: the session stays in the programme, marked cancelled, so calendar apps
    /// and delegates learn of it instead of seeing it vanish.</summary>
    public DateTime? CancelledUtc { get; private set; }
    public bool IsCancelled => CancelledUtc is not null;
    /// <summary>Whether delegates book seats for it: neither cancelled nor plenary.</summary>
    public bool IsBookable => !IsCancelled && !IsPlenary;

    /// <summary>Seats are booked and given up before a session starts; after, the bookings are its record.</summary>
    public bool HasStartedAt(DateTime nowUtc) => StartUtc <= nowUtc;

    /// <summary>Why a seat can no longer be booked or given up.</summary>
    public static Desks.DeskText AlreadyStarted(string title) => $"\"{title}\" has already started: its seats can no longer be booked or given up.";

    /// <summary>Why the session can no longer be changed, or null: a cancelled one stays in the programme as it was
    /// cancelled (delegates were told of that time and room), and no longer holds its room.</summary>
    public DeskText? WhyUnchangeable =>
        IsCancelled ? (DeskText)$"\"{Title}\" was cancelled: it stays in the programme as it was and can no longer be changed." : null;

    /// <summary>What a second cancel is told: done already, nothing changed.</summary>
    public static Desks.DeskText AlreadyCancelled(string title) => $"\"{title}\" is already cancelled.";

    /// <summary>Cancels the session: its calendar entries are replaced (a higher SEQUENCE, STATUS:CANCELLED).
    /// Returns the reason when it cannot be cancelled.</summary>
    public DeskText? Cancel(DateTime nowUtc)
    {
        if (IsCancelled) return AlreadyCancelled(Title);
        CancelledUtc = nowUtc;
        ConfirmedCount = 0;
        Sequence++;
        Version = Guid.NewGuid();
        return null;
    }

    /// <summary>The one overlap rule, as a query: breakouts that share any moment with [start, end). Touching ends
    /// (one ends at 10:00, the next starts at 10:00) do not overlap.</summary>
    public static Expression<Func<Breakout, bool>> Overlapping(DateTime startUtc, DateTime endUtc) =>
        b => b.StartUtc < endUtc && startUtc < b.EndUtc;

    /// <summary>The day it starts on, in the summit's zone.</summary>
    public DateOnly FirstDay(Summits.Summit summit) => DateOnly.FromDateTime(summit.ToLocal(StartUtc));

    /// <summary>Whether it falls within the summit's days, in the summit's zone. A session ending at midnight ends on
    /// the day it started: 22:00–00:00 on the last day is during the summit.</summary>
    public bool IsDuringSummit(Summits.Summit summit)
    {
        var end = summit.ToLocal(EndUtc);
        var lastDay = DateOnly.FromDateTime(end.TimeOfDay == TimeSpan.Zero && EndUtc > StartUtc ? end.AddTicks(-1) : end);
        return FirstDay(summit) >= summit.StartDate && lastDay <= summit.EndDate;
    }

    /// <summary>The rules that need only the breakout, its room and its summit; overlaps with other breakouts
    /// (same room, same facilitator) are checked by <see cref="BreakoutSchedule"/>, which sees them all.</summary>
    public IReadOnlyList<(string Field, DeskText Message)> Validate(Summits.Summit summit, Room? room)
    {
        var errors = new List<(string, DeskText)>();
        void Check(bool bad, string field, DeskText message) { if (bad) errors.Add((field, message)); }
        Check(string.IsNullOrWhiteSpace(Title), nameof(Title), "The breakout needs a title.");
        Check(Title?.Length > TitleMaxLength, nameof(Title), $"The title is longer than {TitleMaxLength} characters.");
        Check(Description?.Length > DescriptionMaxLength, nameof(Description), $"The description is longer than {DescriptionMaxLength:N0} characters.");
        Check(room is null, nameof(RoomId), "Choose a room of this summit.");
        Check(EndUtc <= StartUtc, nameof(EndUtc), "The breakout must end after it starts.");
        Check(!IsDuringSummit(summit), nameof(StartUtc),
            $"The breakout must take place during the summit ({summit.StartDate:d MMMM} – {summit.EndDate:d MMMM yyyy}).");
        Check(IsPlenary && ConfirmedCount > 0, nameof(IsPlenary),
            DeskText.Counted(ConfirmedCount, $"{ConfirmedCount:N0} seat is booked: a plenary session has no booking. Create the plenary as a new session instead.",
                $"{ConfirmedCount:N0} seats are booked: a plenary session has no booking. Create the plenary as a new session instead."));
        if (IsPlenary) return errors; // all delegates, no seats to count
        Check(Capacity < 1, nameof(Capacity), "The capacity must be at least 1.");
        Check(room is not null && Capacity > room.Capacity, nameof(Capacity), $"The capacity cannot be above the room's ({room?.Capacity:N0}).");
        Check(Capacity >= 1 && Capacity < ConfirmedCount, nameof(Capacity), $"{ConfirmedCount:N0} seats are already booked: the capacity cannot be lower.");
        return errors;
    }
}
