using Htmx;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Web.Pages.Breakouts.Bookings;

/// <summary>Books a seat at one breakout: GET shows the breakout and the booking button (or why there is none);
/// POST books through <see cref="BookingDesk.BookAsync"/> and shows its answer: the whole page, or only the
/// button partial for an htmx request.</summary>
public class BookModel(SummitDbContext db, BookingDesk desk, UserManager<SummitUser> users) : PageModel
{
    public Breakout Breakout { get; private set; } = null!;
    public BookingButtonModel Button { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int breakoutId, CancellationToken ct)
    {
        if (!await LoadAsync(breakoutId, ct)) return NotFound();
        // A plenary or a cancelled breakout has no seats to book: its session page says so, with everything else.
        if (!Breakout.IsBookable) return RedirectToPage("/Breakouts/Session", new { id = breakoutId });
        Button = (await BookingButtonModel.ForAsync(db, desk, breakoutId, users.GetUserId(User), ct: ct))!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int breakoutId, CancellationToken ct)
    {
        var result = await desk.BookAsync(breakoutId, users.GetUserId(User)!, User.ToAuditActor(), ct);
        if (result.Answer == DeskAnswer.NotFound || !await LoadAsync(breakoutId, ct)) return NotFound();
        Button = (await BookingButtonModel.ForAsync(db, desk, breakoutId, users.GetUserId(User), result, ct))!;
        Response.Headers.CacheControl = "no-cache, no-store";
        if (Request.IsHtmx()) return Partial("_BookingButton", Button);
        return Page();
    }

    private async Task<bool> LoadAsync(int breakoutId, CancellationToken ct)
    {
        // A draft summit's programme is not public yet: its breakouts are not found, as if they did not exist.
        var breakout = await db.Breakouts.AsNoTracking().Include(b => b.Summit).Include(b => b.Room).Include(b => b.Theme)
            .FirstOrDefaultAsync(b => b.Id == breakoutId, ct);
        if (breakout is null || !breakout.Summit.IsPublic) return false;
        Breakout = breakout;
        return true;
    }
}
