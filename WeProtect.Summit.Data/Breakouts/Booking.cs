namespace WeProtect.Summit.Data.Breakouts;

/// <summary>An approved delegate's seat (or place in the queue) at a breakout. One per delegate per breakout.</summary>
public class Booking
{
    public int Id { get; set; }
    public int BreakoutId { get; set; }
    public Breakout Breakout { get; set; } = null!;
    public int RegistrationId { get; set; }
    public Registrations.Registration Registration { get; set; } = null!;
    /// <summary>Changed by <see cref="Request"/>, or by <see cref="BookingDesk"/>'s conditional updates.</summary>
    public BookingStatus Status { get; private set; }
    /// <summary>When the delegate asked; the waiting list is served in this order (then by id).</summary>
    public DateTime RequestedUtc { get; set; }
    public DateTime? ConfirmedUtc { get; set; }
    public DateTime? CancelledUtc { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>A (new or renewed) request: a seat when one was taken for it, else a place at the end of the queue.</summary>
    public void Request(bool seat, DateTime nowUtc)
    {
        Status = seat ? BookingStatus.Confirmed : BookingStatus.Waitlisted;
        RequestedUtc = nowUtc;
        ConfirmedUtc = seat ? nowUtc : null;
        CancelledUtc = null;
        Version = Guid.NewGuid();
    }
}
