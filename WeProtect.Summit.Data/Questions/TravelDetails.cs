using WeProtect.Summit.Data.Summits;

namespace WeProtect.Summit.Data.Questions;

/// <summary>An approved delegate's travel: arrival and departure (UTC, shown in the summit's zone), flights, hotel,
/// (a visa letter is asked for on its own, see <see cref="Accreditations.VisaLetter"/>). One row per registration, written only through <see cref="AnswerDesk"/>.</summary>
public class TravelDetails
{
    public const int FlightMaxLength = 20;
    public const int HotelMaxLength = 200;
    /// <summary>How far before the first day one may arrive, or after the last day leave: beyond it the date is a slip
    /// (of the year, most often) rather than a stay.</summary>
    public const int MaxDaysAround = 30;

    public int Id { get; private set; }
    public int RegistrationId { get; private set; }
    public DateTime ArrivalUtc { get; private set; }
    public string? ArrivalFlight { get; private set; }
    public DateTime DepartureUtc { get; private set; }
    public string? DepartureFlight { get; private set; }
    public string? Hotel { get; private set; }
    public DateTime UpdatedUtc { get; private set; }

    private TravelDetails() { }

    public static TravelDetails For(int registrationId) => new() { RegistrationId = registrationId };

    /// <summary>The plan as local times of <paramref name="summit"/>, or every broken rule keyed by the plan's field.</summary>
    public IReadOnlyList<(string Field, DeskText Message)> Set(TravelPlan plan, Summits.Summit summit, DateTime nowUtc)
    {
        var errors = new List<(string, DeskText)>();
        DateTime? Utc(DateTime? local, string field)
        {
            if (local is null) return null;
            var (utc, error) = SummitClock.ToUtc(local.Value, summit.Zone);
            if (error is not null) { errors.Add((field, error)); return null; }
            return utc;
        }
        var arrival = Utc(plan.ArrivalLocal, nameof(TravelPlan.ArrivalLocal));
        var departure = Utc(plan.DepartureLocal, nameof(TravelPlan.DepartureLocal));
        if (plan.ArrivalLocal is null) errors.Add((nameof(TravelPlan.ArrivalLocal), "Give the date and time you arrive."));
        if (plan.DepartureLocal is null) errors.Add((nameof(TravelPlan.DepartureLocal), "Give the date and time you leave."));
        if (plan.ArrivalLocal is { } a && DateOnly.FromDateTime(a) > summit.EndDate)
            errors.Add((nameof(TravelPlan.ArrivalLocal), $"You would arrive after the summit's last day ({summit.EndDate:d MMMM yyyy})."));
        if (plan.DepartureLocal is { } d && DateOnly.FromDateTime(d) < summit.StartDate)
            errors.Add((nameof(TravelPlan.DepartureLocal), $"You would leave before the summit's first day ({summit.StartDate:d MMMM yyyy})."));
        if (plan.ArrivalLocal is { } early && DateOnly.FromDateTime(early) < summit.StartDate.AddDays(-MaxDaysAround))
            errors.Add((nameof(TravelPlan.ArrivalLocal), $"You would arrive more than {MaxDaysAround} days before the summit's first day ({summit.StartDate:d MMMM yyyy}): check the date."));
        if (plan.DepartureLocal is { } late && DateOnly.FromDateTime(late) > summit.EndDate.AddDays(MaxDaysAround))
            errors.Add((nameof(TravelPlan.DepartureLocal), $"You would leave more than {MaxDaysAround} days after the summit's last day ({summit.EndDate:d MMMM yyyy}): check the date."));
        if (arrival is { } from && departure is { } to && to <= from)
            errors.Add((nameof(TravelPlan.DepartureLocal), "You leave before you arrive: check both times."));
        var arrivalFlight = Flight(plan.ArrivalFlight, nameof(TravelPlan.ArrivalFlight), errors);
        var departureFlight = Flight(plan.DepartureFlight, nameof(TravelPlan.DepartureFlight), errors);
        var hotel = string.IsNullOrWhiteSpace(plan.Hotel) ? null : plan.Hotel.Trim();
        if (hotel?.Length > HotelMaxLength) errors.Add((nameof(TravelPlan.Hotel), $"The hotel is longer than {HotelMaxLength} characters."));
        else if (hotel is not null && hotel.Any(char.IsControl)) errors.Add((nameof(TravelPlan.Hotel), "Give the hotel on one line."));
        if (errors.Count > 0) return errors;
        (ArrivalUtc, DepartureUtc, ArrivalFlight, DepartureFlight, Hotel, UpdatedUtc) =
            (arrival!.Value, departure!.Value, arrivalFlight, departureFlight, hotel, nowUtc);
        return errors;
    }

    /// <summary>A flight number as airlines print it ("EK 2", "BA0107"): letters, digits, spaces; optional.</summary>
    private static string? Flight(string? text, string field, List<(string, DeskText)> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var flight = text.Trim().ToUpperInvariant();
        if (flight.Length > FlightMaxLength || !flight.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or ' ' or '-'))
            errors.Add((field, "Give a flight number such as EK 2 (letters and digits), or leave it empty."));
        return flight;
    }

    /// <summary>The summit days (local dates) the delegate is there: from the arrival's day to the departure's.</summary>
    public bool IsPresentOn(DateOnly day, Summits.Summit summit) =>
        DateOnly.FromDateTime(summit.ToLocal(ArrivalUtc)) <= day && day <= DateOnly.FromDateTime(summit.ToLocal(DepartureUtc));
}
