using Ical.Net;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Web.Breakouts;

using WeProtect.Summit.Data.Summits;

/// <summary>iCalendar feeds: a summit's whole agenda (public) and a delegate's own seats (secret address, no log-in,
/// because calendar apps cannot log in). Times carry the summit's TZID with a VTIMEZONE, never floating; UIDs are
/// stable and SEQUENCE follows <see cref="Breakout.Sequence"/> (plus <see cref="Booking.Sequence"/> in a delegate's
/// feed), so calendar apps replace an entry instead of adding one.</summary>
public static class CalendarFeeds
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const string UidDomain = "summit.weprotect.org";

    public static void MapCalendarFeeds(this WebApplication app)
    {
        app.MapGet("/Breakouts/Agenda/{summitId:int}.ics", AgendaAsync).AllowAnonymous().CacheOutput(PublicPageCache.Policy);
        app.MapGet("/calendar/{token}.ics", PersonalAsync).AllowAnonymous();
    }

    /// <summary>The one identity of a session in every feed (agenda and personal alike), so that a delegate subscribed
    /// to both sees it once.</summary>
    public static string BreakoutUid(int breakoutId) => $"breakout-{breakoutId}@{UidDomain}";

    /// <summary>"Room 2, Emirates Palace, Abu Dhabi": where to go, as far as the calendar app's map can find it.</summary>
    public static string Location(Summit summit, string roomName) =>
        string.Join(", ", new[] { roomName, summit.Venue, summit.City }.Where(part => !string.IsNullOrWhiteSpace(part)));

    private static async Task<IResult> AgendaAsync(int summitId, SummitDbContext db, TimeProvider clock, PublicLinks links, CancellationToken ct)
    {
        if (await Programme.PublicSummitAsync(db, summitId, ct) is not { } summit) return Results.NotFound();
        var sessions = await Programme.SessionsAsync(db, summit, themeId: null, ct);
        var about = await DescriptionsAsync(db, summit.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = NewCalendar(summit, summit.Name);
        // One public feed for everyone (cached as one): in the summit's own language.
        var texts = new LanguageTexts(summit.DefaultLanguage);
        foreach (var session in sessions)
            calendar.Events.Add(NewEvent(summit, session, BreakoutUid(session.Id), session.Sequence,
                session.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed, now, links, texts, about));
        // Downloaded, it is named after the summit, not after its address ("1.ics").
        return Results.File(System.Text.Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? ""), ContentType,
            AgendaFileName(summit.Name));
    }

    /// <summary>"global-summit-2027-agenda.ics": the summit's name in lower case, its words (letters of any script and
    /// digits) joined by hyphens. The response gives it as filename* (UTF-8) with an ASCII filename beside it.</summary>
    public static string AgendaFileName(string summitName)
    {
        var slug = new System.Text.StringBuilder();
        foreach (var ch in summitName.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch)) slug.Append(ch);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var name = slug.ToString().Trim('-');
        if (name.Length > 80) name = name[..80].TrimEnd('-');
        return $"{(name.Length == 0 ? "summit" : name)}-agenda.ics";
    }

    private static async Task<IResult> PersonalAsync(string token, SummitDbContext db, TimeProvider clock, PublicLinks links, HttpContext http, CancellationToken ct)
    {
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Summit).Include(r => r.User).FirstOrDefaultAsync(r => r.CalendarToken == token, ct);
        // Ordinal: a case-insensitive database collation must not make a near-miss a match.
        if (registration is null || !string.Equals(registration.CalendarToken, token, StringComparison.Ordinal)) return Results.NotFound();
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        var summit = registration.Summit;
        // Seats held, and seats once held and given up (shown cancelled, so calendar apps remove them);
        // a place on a waiting list is not a seat.
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.RegistrationId == registration.Id
                && (b.Status == BookingStatus.Confirmed || (b.Status == BookingStatus.Cancelled && b.ConfirmedUtc != null)))
            .Select(b => new { b.Id, b.BreakoutId, b.Status, b.Sequence })
            .ToListAsync(ct);
        var sessions = (await Programme.SessionsAsync(db, summit, themeId: null, ct)).ToDictionary(s => s.Id);
        var about = await DescriptionsAsync(db, summit.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // A calendar app fetches it without a language: it speaks the delegate's, as their e-mails do.
        var texts = new LanguageTexts(Data.Languages.InterfaceLanguages.ReaderLanguage(registration.User.PreferredLanguage, summit.DefaultLanguage));
        var calendar = NewCalendar(summit, texts.Format("{0}: my breakouts", summit.Name));
        foreach (var booking in bookings)
        {
            if (!sessions.TryGetValue(booking.BreakoutId, out var session) || session.Plenary) continue;
            // The breakout's sequence plus the booking's, raised by each change of the seat (given up, booked again,
            // promoted): a seat booked again replaces its cancelled entry. A cancelled breakout raised its own sequence
            // only, and gives the same entry as the agenda feed while the seat never changed.
            var cancelled = booking.Status == BookingStatus.Cancelled || session.Cancelled;
            calendar.Events.Add(NewEvent(summit, session, BreakoutUid(session.Id), session.Sequence + booking.Sequence,
                cancelled ? EventStatus.Cancelled : EventStatus.Confirmed, now, links, texts, about));
        }
        // Plenary sessions are every approved delegate's, without a booking.
        if (registration.Status == Data.Registrations.RegistrationStatus.Approved)
            foreach (var session in sessions.Values.Where(s => s.Plenary))
                calendar.Events.Add(NewEvent(summit, session, BreakoutUid(session.Id), session.Sequence,
                    session.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed, now, links, texts, about));
        return Serialize(calendar);
    }

    /// <summary>What each session is about, as its page says it: for the feeds only (the agenda grid shows none).</summary>
    private static Task<Dictionary<int, string>> DescriptionsAsync(SummitDbContext db, int summitId, CancellationToken ct) =>
        db.Breakouts.AsNoTracking().Where(b => b.SummitId == summitId && b.Description != null && b.Description != "")
            .ToDictionaryAsync(b => b.Id, b => b.Description!, ct);

    private static Calendar NewCalendar(Summit summit, string name)
    {
        var calendar = new Calendar { ProductId = "-//WePROTECT Global Alliance//Summit//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", summit.TimeZoneId);
        calendar.AddTimeZone(SummitTimeZone.For(summit.TimeZoneId, summit.StartDate, summit.EndDate));
        return calendar;
    }

    private static CalendarEvent NewEvent(Summit summit, Programme.Session session, string uid, int sequence, string status, DateTime nowUtc,
        PublicLinks links, LanguageTexts texts, IReadOnlyDictionary<int, string> about) => new()
    {
        Uid = uid,
        Sequence = sequence,
        Status = status,
        Summary = session.Title,
        Location = Location(summit, session.RoomName),
        Description = string.Join("\n", new[]
        {
            session.Theme is { } theme ? texts.Format("Theme: {0}", theme.Name) : null,
            session.Organisations.Count > 0
                ? texts.Format("Facilitated by {0}", session.Organisations.Aggregate((said, next) => texts.Format("{0}, {1}", said, next))) : null,
            about.GetValueOrDefault(session.Id) is { } description ? "\n" + description.Replace("\r\n", "\n").Trim() : null,
        }.OfType<string>()),
        Start = new CalDateTime(DateTime.SpecifyKind(session.StartLocal, DateTimeKind.Unspecified), summit.TimeZoneId),
        End = new CalDateTime(DateTime.SpecifyKind(session.EndLocal, DateTimeKind.Unspecified), summit.TimeZoneId),
        DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
        // The public address, never the request's Host header (a cached feed would carry a forged one to everyone).
        Url = new Uri(links.Absolute($"/Breakouts/Session/{session.Id}")),
    };

    private static IResult Serialize(Calendar calendar) =>
        Results.Text(new CalendarSerializer().SerializeToString(calendar) ?? "", ContentType);
}
