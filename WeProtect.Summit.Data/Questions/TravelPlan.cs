namespace WeProtect.Summit.Data.Questions;

/// <summary>The travel form as the delegate typed it: times are wall-clock times in the summit's time zone.</summary>
public sealed record TravelPlan(DateTime? ArrivalLocal, string? ArrivalFlight, DateTime? DepartureLocal, string? DepartureFlight,
    string? Hotel);
