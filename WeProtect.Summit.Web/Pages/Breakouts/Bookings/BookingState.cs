using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Web.Pages.Breakouts.Bookings;

/// <summary>Where the current user stands with one breakout, as far as booking goes.</summary>
public enum BookingState
{
    /// <summary>Not signed in: the partial offers a log-in link that comes back to the booking page.</summary>
    Anonymous,
    /// <summary>A plenary session: every delegate attends, nobody books (whoever asks).</summary>
    Plenary,
    /// <summary>A cancelled breakout: nothing to book any more (whoever asks).</summary>
    Cancelled,
    /// <summary>Signed in, without a registration for the breakout's summit (or a rejected or cancelled one).</summary>
    NotRegistered,
    /// <summary>Registered, but pending or on the summit's waiting list: not yet an approved delegate.</summary>
    NotApproved,
    /// <summary>An approved delegate without a live booking: the "Book a seat" form is shown.</summary>
    CanBook,
    /// <summary>An approved delegate without a live booking, once the session has begun: nothing to book any more.</summary>
    Started,
    Confirmed,
    Waitlisted,
}
