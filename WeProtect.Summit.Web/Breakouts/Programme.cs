using WeProtect.Summit.Data.Breakouts;

namespace WeProtect.Summit.Web.Breakouts;

using WeProtect.Summit.Data.Summits;
using WeProtect.Summit.Web.Localization;

/// <summary>A published summit's breakouts as the public pages and the calendar feeds show them: read-only
/// snapshots, times already in the summit's zone.</summary>
public static class Programme
{
    public sealed record ThemeChip(int Id, string Name, string Colour);

    public sealed record Session(int Id, string Title, int RoomId, string RoomName, ThemeChip? Theme, DateTime StartUtc, DateTime EndUtc,
        DateTime StartLocal, DateTime EndLocal, int Capacity, int Confirmed, int Waiting, int Sequence, IReadOnlyList<string> Organisations,
        bool Cancelled = false, bool Plenary = false)
    {
        public int SeatsLeft => Math.Max(0, Capacity - Confirmed);
        public bool IsFull => SeatsLeft == 0;
        public bool Bookable => !Cancelled && !Plenary;
        /// <summary>The seats in words, in the reader's language.</summary>
        public string SeatState(Microsoft.Extensions.Localization.IStringLocalizer words) => Cancelled ? words["Cancelled"]
            : Plenary ? words["Plenary: all delegates, no booking needed"]
            : IsFull
            ? Waiting > 0 ? words["Full ({0:N0} on the waiting list)", Waiting] : words["Full"]
            : words[Localization.Plurals.Key(SeatsLeft, "{0:N0} seat left", "{0:N0} seats left"), SeatsLeft];
    }

    /// <summary>The summit if the public may see it (not a draft), else null.</summary>
    public static Task<Summit?> PublicSummitAsync(SummitDbContext db, int summitId, CancellationToken ct) =>
        db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId && s.Status != SummitStatus.Draft, ct);

    public static async Task<IReadOnlyList<Session>> SessionsAsync(SummitDbContext db, Summit summit, int? themeId, CancellationToken ct)
    {
        var breakouts = db.Breakouts.AsNoTracking().Where(b => b.SummitId == summit.Id);
        if (themeId is { } theme) breakouts = breakouts.Where(b => b.ThemeId == theme);
        var rows = await breakouts
            .Select(b => new
            {
                b.Id, b.Title, b.RoomId, RoomName = b.Room.Name,
                Theme = b.Theme == null ? null : new ThemeChip(b.Theme.Id, b.Theme.Name, b.Theme.Colour),
                b.StartUtc, b.EndUtc, b.Capacity, b.ConfirmedCount, b.Sequence, b.IsPlenary, Cancelled = b.CancelledUtc != null,
                Organisations = b.FacilitatingOrganisations.Select(o => o.FormalName).ToList(),
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var waiting = await db.Bookings.AsNoTracking()
            .Where(k => ids.Contains(k.BreakoutId) && k.Status == BookingStatus.Waitlisted)
            .GroupBy(k => k.BreakoutId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return rows
            .Select(r => new Session(r.Id, r.Title, r.RoomId, r.RoomName, r.Theme, r.StartUtc, r.EndUtc,
                summit.ToLocal(r.StartUtc), summit.ToLocal(r.EndUtc), r.Capacity, r.ConfirmedCount,
                waiting.GetValueOrDefault(r.Id), r.Sequence, r.Organisations.Order(StringComparer.CurrentCultureIgnoreCase).ToList(),
                r.Cancelled, r.IsPlenary))
            .OrderBy(s => s.StartUtc).ThenBy(s => s.RoomName, StringComparer.CurrentCultureIgnoreCase).ThenBy(s => s.Id)
            .ToList();
    }

    /// <summary>A theme's colour if it is one ("#rrggbb"); anything else falls back to the house blue.</summary>
    public static string SafeColour(string? colour) =>
        colour is { Length: 7 } c && c[0] == '#' && c.Skip(1).All(Uri.IsHexDigit) ? c : "#1b3a5c";

    /// <summary>"10:00–11:30" on the same day, with both dates otherwise.</summary>
    public static string TimeRange(DateTime startLocal, DateTime endLocal) =>
        startLocal.Date == endLocal.Date
            ? $"{startLocal:HH:mm}–{endLocal:HH:mm}"
            : $"{startLocal.Said("d MMMM, HH:mm")} – {endLocal.Said("d MMMM, HH:mm")}";
}
