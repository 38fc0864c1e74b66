using System.Security.Claims;
using Microsoft.AspNetCore.OutputCaching;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Web.Breakouts;

namespace WeProtect.Summit.Web.Pages.Breakouts;

using WeProtect.Summit.Data.Summits;

/// <summary>A breakout's public page: when and where, what it is about, who facilitates it and how many seats are
/// left. Signed-in visitors get the slot where the booking button goes; anonymous pages are cached.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class SessionModel(SummitDbContext db, BookingDesk desk) : PageModel
{
    public Summit Summit { get; private set; } = null!;
    public Breakout Breakout { get; private set; } = null!;
    public Programme.Session Session { get; private set; } = null!;
    public IReadOnlyList<string> Facilitators { get; private set; } = [];
    /// <summary>Book / waiting list / your seat, for the visitor (a log-in link for anonymous visitors).</summary>
    public Bookings.BookingButtonModel? BookingButton { get; private set; }
    /// <summary>This breakout's documents, as far as the visitor may see them.</summary>
    public MaterialList Materials { get; private set; } = new([], false);
    /// <summary>The visitor facilitates this breakout (or organises): a link to add its documents.</summary>
    public bool ManagesMaterials { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var breakout = await db.Breakouts.AsNoTracking().Include(b => b.Summit).Include(b => b.Room).Include(b => b.Theme)
            .FirstOrDefaultAsync(b => b.Id == id, ct);
        if (breakout is null || !breakout.Summit.IsPublic) return NotFound();
        Breakout = breakout;
        Summit = breakout.Summit;
        var organisations = await db.Breakouts.Where(b => b.Id == id).SelectMany(b => b.FacilitatingOrganisations)
            .Select(o => o.FormalName).ToListAsync(ct);
        Facilitators = (await db.Breakouts.Where(b => b.Id == id).SelectMany(b => b.Facilitators).Select(f => f.FullName).ToListAsync(ct))
            .Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        var waiting = await db.Bookings.CountAsync(k => k.BreakoutId == id && k.Status == BookingStatus.Waitlisted, ct);
        Session = new Programme.Session(breakout.Id, breakout.Title, breakout.RoomId, breakout.Room.Name,
            breakout.Theme is { } t ? new Programme.ThemeChip(t.Id, t.Name, t.Colour) : null,
            breakout.StartUtc, breakout.EndUtc, Summit.ToLocal(breakout.StartUtc), Summit.ToLocal(breakout.EndUtc),
            breakout.Capacity, breakout.ConfirmedCount, waiting, breakout.Sequence,
            organisations.Order(StringComparer.CurrentCultureIgnoreCase).ToList(), breakout.IsCancelled, breakout.IsPlenary);
        // A cancelled or plenary session has nothing to book: no button (the desk refuses a post anyway).
        if (breakout.IsBookable) BookingButton = await Bookings.BookingButtonModel.ForAsync(db, desk, id,
            User.FindFirstValue(ClaimTypes.NameIdentifier), ct: ct);
        Materials = await MaterialList.LoadAsync(db, Summit.Id, id, User, ct);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        ManagesMaterials = userId is not null && (User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Admin)
            || await db.Breakouts.AnyAsync(b => b.Id == id && b.Facilitators.Any(f => f.Id == userId), ct));
        return Page();
    }
}
