using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Themes, facilitators and bookings for the agenda and calendar tests.</summary>
public static class AgendaData
{
    public static Task<Theme> CreateThemeAsync(this SummitAppFactory app, int summitId, string name, string colour = "#0a7d5a") =>
        app.WithDbAsync(async db =>
        {
            var theme = new Theme { SummitId = summitId, Name = name, Colour = colour };
            db.Themes.Add(theme);
            await db.SaveChangesAsync();
            return theme;
        });

    public static Task<Room> CreateRoomAsync(this SummitAppFactory app, int summitId, string name, int capacity) =>
        app.WithDbAsync(async db =>
        {
            var room = new Room { SummitId = summitId, Name = name, Capacity = capacity };
            db.Rooms.Add(room);
            await db.SaveChangesAsync();
            return room;
        });

    /// <summary>Gives the breakout a theme, facilitating organisations and facilitators (by user id).</summary>
    public static Task DecorateAsync(this SummitAppFactory app, int breakoutId, int? themeId = null, IEnumerable<int>? organisationIds = null,
        IEnumerable<string>? facilitatorIds = null, string? description = null, string? roomNotes = null) =>
        app.WithDbAsync(async db =>
        {
            var breakout = await db.Breakouts.Include(b => b.Room).SingleAsync(b => b.Id == breakoutId);
            if (themeId is not null) breakout.ThemeId = themeId;
            if (description is not null) breakout.Description = description;
            if (roomNotes is not null) breakout.Room.Notes = roomNotes;
            var organisations = organisationIds?.ToList() ?? [];
            breakout.FacilitatingOrganisations.AddRange(await db.Organisations.Where(o => organisations.Contains(o.Id)).ToListAsync());
            var people = facilitatorIds?.ToList() ?? [];
            breakout.Facilitators.AddRange(await db.Users.Where(u => people.Contains(u.Id)).ToListAsync());
            await db.SaveChangesAsync();
        });

    public static async Task<DeskResult<Booking>> BookAsync(this SummitAppFactory app, int breakoutId, Data.Accounts.SummitUser user)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BookingDesk>().BookAsync(breakoutId, user.Id, new AuditActor(user.Id, user.FullName));
    }

    public static async Task<DeskResult> CancelBookingAsync(this SummitAppFactory app, int bookingId, Data.Accounts.SummitUser user)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BookingDesk>().CancelAsync(bookingId, user.Id, new AuditActor(user.Id, user.FullName));
    }

    /// <summary>The status of the booking a request made (Confirmed or Waitlisted), or null when it was refused.</summary>
    public static BookingStatus? Booked(this DeskResult<Booking> result) => result.Succeeded ? result.Value!.Status : null;
}
