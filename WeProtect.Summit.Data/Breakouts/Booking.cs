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
    /// <summary>Raised by every change of status after the first request (cancelled, booked again, promoted,
    /// released), so that the delegate's calendar feed, whose SEQUENCE is the breakout's plus this, always rises: a
    /// seat booked again after being given up would otherwise come back with the SEQUENCE of its cancellation, and
    /// calendar apps would keep it cancelled. A cancelled breakout raises its own <see cref="Breakout.Sequence"/>
    /// instead (nothing follows it), so that the personal entry stays the agenda feed's.</summary>
    public int Sequence { get; private set; }

    /// <summary>A (new or renewed) request: a seat when one was taken for it, else a place at the end of the queue.</summary>
    public void Request(bool seat, DateTime nowUtc)
    {
        // Renewed: the booking was cancelled before (a new one has never had a status change).
        if (Status == BookingStatus.Cancelled) Sequence++;
        Status = seat ? BookingStatus.Confirmed : BookingStatus.Waitlisted;
        RequestedUtc = nowUtc;
        ConfirmedUtc = seat ? nowUtc : null;
        CancelledUtc = null;
        Version = Guid.NewGuid();
    }
}
