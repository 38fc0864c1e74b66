using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Web.Pages.Breakouts.Bookings;

/// <summary>The model of <c>/Pages/Breakouts/Bookings/_BookingButton.cshtml</c>: the breakout, the current user's
/// booking state, and the outcome of the last booking request (if the partial answers one). Build it with
/// <see cref="ForAsync"/> and place it anywhere:
/// <code>&lt;partial name="/Pages/Breakouts/Bookings/_BookingButton.cshtml" model="await BookingButtonModel.ForAsync(db, desk, id, userId)" /&gt;</code>
/// The partial is one element, <c>#booking-{BreakoutId}</c>, that posts to <c>/Breakouts/Bookings/Book/{BreakoutId}</c>
/// (plain form, or hx-post that swaps the element with the answer).</summary>
/// <param name="BreakoutId">The breakout the button books.</param>
/// <param name="SummitId">Its summit (for the link to register).</param>
/// <param name="State">The current user's standing with it.</param>
/// <param name="SeatsLeft">The seats still free (0: booking joins the waiting list).</param>
/// <param name="BookingId">The user's live booking, when Confirmed or Waitlisted.</param>
/// <param name="WaitlistPosition">1 for the first in line, when Waitlisted.</param>
/// <param name="Answer">The desk's answer to the request just made: its message is shown above the state.</param>
public sealed record BookingButtonModel(
    int BreakoutId,
    int SummitId,
    BookingState State,
    int SeatsLeft,
    int? BookingId = null,
    int? WaitlistPosition = null,
    DeskResult<Booking>? Answer = null)
{
    public string ElementId => $"booking-{BreakoutId}";

    public DeskText? Message => Answer?.Text;

    /// <summary>The state of <paramref name="userId"/> (null: not signed in) for the breakout, with the last request's
    /// outcome if any. Null when the breakout does not exist.</summary>
    public static async Task<BookingButtonModel?> ForAsync(SummitDbContext db, BookingDesk desk, int breakoutId, string? userId,
        DeskResult<Booking>? result = null, CancellationToken ct = default)
    {
        var breakout = await db.Breakouts.AsNoTracking().FirstOrDefaultAsync(b => b.Id == breakoutId, ct);
        if (breakout is null) return null;
        var seatsLeft = Math.Max(0, breakout.Capacity - breakout.ConfirmedCount);
        BookingButtonModel With(BookingState state, int? bookingId = null, int? position = null) =>
            new(breakoutId, breakout.SummitId, state, seatsLeft, bookingId, position, result);
        // What nobody can book is said to everyone alike, before asking who they are.
        if (breakout.IsCancelled) return With(BookingState.Cancelled);
        if (breakout.IsPlenary) return With(BookingState.Plenary);
        if (userId is null) return With(BookingState.Anonymous);

        var registration = await db.Registrations.AsNoTracking()
            .Where(r => r.SummitId == breakout.SummitId && r.UserId == userId)
            .Select(r => new { r.Id, r.Status }).FirstOrDefaultAsync(ct);
        switch (registration?.Status)
        {
            case null or RegistrationStatus.Rejected or RegistrationStatus.Cancelled: return With(BookingState.NotRegistered);
            case not RegistrationStatus.Approved: return With(BookingState.NotApproved);
        }
        var booking = await db.Bookings.AsNoTracking()
            .FirstOrDefaultAsync(b => b.BreakoutId == breakoutId && b.RegistrationId == registration.Id && b.Status != BookingStatus.Cancelled, ct);
        return booking?.Status switch
        {
            BookingStatus.Confirmed => With(BookingState.Confirmed, booking.Id),
            BookingStatus.Waitlisted => With(BookingState.Waitlisted, booking.Id, await desk.WaitlistPositionAsync(booking, ct)),
            // The desk's rule, asked before offering the form it would refuse.
            _ => breakout.HasStartedAt(desk.Now) ? With(BookingState.Started) : With(BookingState.CanBook),
        };
    }
}
