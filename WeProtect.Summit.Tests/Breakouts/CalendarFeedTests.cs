using Ical.Net;
using Ical.Net.CalendarComponents;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Summits;
using WeProtect.Summit.Web.Breakouts;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>The iCalendar feeds, read back with Ical.Net as a calendar app would.</summary>
public class CalendarFeedTests : IClassFixture<SummitAppFactory>
{
    private readonly SummitAppFactory app;

    public CalendarFeedTests(SummitAppFactory app) => this.app = app;

    private async Task<(HttpResponseMessage Response, Calendar? Calendar)> FetchAsync(string url)
    {
        using var client = app.CreateFormClient();
        var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK) return (response, null);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        return (response, Calendar.Load(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The last Sunday of March after <paramref name="after"/>: the day Europe/London moves from GMT to BST.</summary>
    private static DateOnly LastSundayOfMarch(DateTime after)
    {
        for (var year = after.Year; ; year++)
        {
            var day = new DateOnly(year, 3, 31);
            while (day.DayOfWeek != DayOfWeek.Sunday) day = day.AddDays(-1);
            if (day.ToDateTime(TimeOnly.MinValue) > after.AddDays(14)) return day;
        }
    }

    [Theory]
    [InlineData("Global Summit 2027", "global-summit-2027-agenda.ics")]
    [InlineData("Sommet de Genève : « 2027 »", "sommet-de-genève-2027-agenda.ics")]
    public async Task The_agenda_downloads_named_after_the_summit_with_an_encoded_name_for_other_letters(string name, string expected)
    {
        Assert.Equal(expected, CalendarFeeds.AgendaFileName(name));
        var summit = await app.CreateOpenSummitAsync();
        await app.WithDbAsync(async db =>
        {
            var s = await db.Summits.SingleAsync(x => x.Id == summit.Id);
            s.Name = $"{name} {summit.Id}";
            await db.SaveChangesAsync();
        });

        var (response, calendar) = await FetchAsync($"/Breakouts/Agenda/{summit.Id}.ics");
        Assert.NotNull(calendar);
        var disposition = response.Content.Headers.ContentDisposition!;
        var file = expected.Replace("-agenda.ics", $"-{summit.Id}-agenda.ics", StringComparison.Ordinal);
        Assert.Equal(file, disposition.FileNameStar);
        Assert.Equal("UTF-8''" + Uri.EscapeDataString(file), response.Content.Headers.GetValues("Content-Disposition").Single()
            .Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("filename*=", StringComparison.Ordinal))["filename*=".Length..]);
        Assert.True(disposition.FileName!.Trim('"').All(char.IsAscii));
    }

    [Fact]
    public async Task The_agenda_feed_carries_a_vtimezone_and_zoned_times_that_stay_right_across_the_clock_change()
    {
        var sunday = LastSundayOfMarch(app.UtcNow);
        var summit = await app.WithDbAsync(async db =>
        {
            var s = SampleSummit.Create(app.UtcNow);
            s.Name = "London Summit " + Guid.NewGuid().ToString("N")[..6];
            s.TimeZoneId = "Europe/London";
            s.StartDate = sunday.AddDays(-1);
            s.EndDate = sunday.AddDays(1);
            s.RegistrationClosesUtc = s.StartDate.AddDays(-7).ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc);
            Assert.Null(s.MoveTo(SummitStatus.Open));
            db.Summits.Add(s);
            await db.SaveChangesAsync();
            return s;
        });
        var saturday = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Saturday (GMT)");
        var onSunday = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Sunday (BST)");
        await app.WithDbAsync(async db =>
        {
            var b = await db.Breakouts.SingleAsync(x => x.Id == onSunday.Id);
            b.StartUtc = SummitClock.ToUtc(sunday.ToDateTime(new TimeOnly(10, 0)), summit.Zone).Utc;
            b.EndUtc = b.StartUtc.AddHours(1);
            await db.SaveChangesAsync();
        });
        var stored = await app.WithDbAsync(db => db.Breakouts.Where(b => b.SummitId == summit.Id).ToDictionaryAsync(b => b.Title, b => b.StartUtc));
        Assert.Equal(10, stored["Saturday (GMT)"].Hour);
        Assert.Equal(9, stored["Sunday (BST)"].Hour);

        var (response, calendar) = await FetchAsync($"/Breakouts/Agenda/{summit.Id}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var zone = Assert.Single(calendar!.TimeZones);
        Assert.Equal("Europe/London", zone.TzId);
        Assert.Equal(2, calendar.Events.Count);
        foreach (var title in stored.Keys)
        {
            var e = calendar.Events.Single(x => x.Summary == title);
            Assert.Equal("Europe/London", e.Start!.TzId);              // zoned, not floating, not UTC
            Assert.Equal("Europe/London", e.End!.TzId);
            Assert.Equal(10, e.Start.Value.Hour);                      // the wall clock in London, both days
            Assert.Equal(stored[title], e.Start.AsUtc);                // the same instant as stored
            Assert.Equal(stored[title], e.Start.Value - OffsetInFeed(zone, e.Start.Value)); // and as the VTIMEZONE says
            Assert.Equal(TimeSpan.FromHours(1), e.End.AsUtc - e.Start.AsUtc);
            Assert.Equal(EventStatus.Confirmed, e.Status);
        }
        Assert.Contains($"/Breakouts/Session/{saturday.Id}", calendar.Events.Single(x => x.Summary == "Saturday (GMT)").Url!.ToString());
    }

    /// <summary>The offset a calendar app reads from the feed's own VTIMEZONE (not its zone database) for a wall-clock
    /// time: the observance that began last before it.</summary>
    private static TimeSpan OffsetInFeed(VTimeZone zone, DateTime local) =>
        zone.TimeZoneInfos.Where(o => o.DtStart!.Value <= local).MaxBy(o => o.DtStart!.Value)!.OffsetTo!.Offset;

    /// <summary>Morocco keeps UTC+1 but UTC+0 in Ramadan, with no yearly rule: the feed's VTIMEZONE must say so itself
    /// (Ical.Net's own guessed a yearly rule and said UTC+1 all year, an hour wrong for a Ramadan summit).</summary>
    [Fact]
    public async Task A_summit_in_Ramadan_in_Casablanca_has_its_hour_right_in_the_feeds_own_time_zone()
    {
        var casablanca = NodaTime.DateTimeZoneProviders.Tzdb["Africa/Casablanca"];
        var day = DateOnly.FromDateTime(app.UtcNow).AddDays(30);
        while (casablanca.GetUtcOffset(NodaTime.Instant.FromDateTimeUtc(day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc))) != NodaTime.Offset.Zero)
            day = day.AddDays(1);
        var summit = await app.WithDbAsync(async db =>
        {
            var s = SampleSummit.Create(app.UtcNow);
            s.Name = "Rabat Summit " + Guid.NewGuid().ToString("N")[..6];
            s.TimeZoneId = "Africa/Casablanca";
            (s.StartDate, s.EndDate) = (day, day.AddDays(1));
            s.RegistrationClosesUtc = day.AddDays(-7).ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc);
            Assert.Null(s.MoveTo(SummitStatus.Open));
            db.Summits.Add(s);
            await db.SaveChangesAsync();
            return s;
        });
        var breakout = await app.CreateBreakoutAsync(summit, startHour: 10, title: "In Ramadan");

        var (_, calendar) = await FetchAsync($"/Breakouts/Agenda/{summit.Id}.ics");
        var zone = Assert.Single(calendar!.TimeZones);
        var e = Assert.Single(calendar.Events);
        Assert.Equal((10, "Africa/Casablanca"), (e.Start!.Value.Hour, e.Start.TzId));
        Assert.Equal(TimeSpan.Zero, OffsetInFeed(zone, e.Start.Value));
        Assert.Equal(breakout.StartUtc, e.Start.Value - OffsetInFeed(zone, e.Start.Value));
        // A month after Ramadan the same zone is UTC+1 again, still read from the feed.
        Assert.Equal(TimeSpan.FromHours(1), OffsetInFeed(zone, day.AddDays(45).ToDateTime(new TimeOnly(10, 0))));
    }

    [Fact]
    public async Task The_personal_feed_lists_confirmed_seats_and_replaces_them_when_cancelled_or_moved()
    {
        var summit = await app.CreateOpenSummitAsync();
        var full = await app.CreateBreakoutAsync(summit, capacity: 1, startHour: 9, title: "Full house");
        var kept = await app.CreateBreakoutAsync(summit, startHour: 11, title: "Kept");
        var dropped = await app.CreateBreakoutAsync(summit, startHour: 14, title: "Dropped");
        var other = await app.CreateBreakoutAsync(summit, startHour: 16, title: "Not booked");
        var (holder, _) = await app.ApprovedDelegateAsync(summit.Id);
        var (me, registration) = await app.ApprovedDelegateAsync(summit.Id);
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(full.Id, holder)).Booked());
        Assert.Equal(BookingStatus.Waitlisted, (await app.BookAsync(full.Id, me)).Booked());
        var keptBooking = (await app.BookAsync(kept.Id, me)).Value!;
        var droppedBooking = (await app.BookAsync(dropped.Id, me)).Value!;
        var token = await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.CalendarToken).SingleAsync());
        var url = $"/calendar/{Uri.EscapeDataString(token)}.ics";

        var (response, feed) = await FetchAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal(["Dropped", "Kept"], feed!.Events.Select(e => e.Summary).Order());   // not the waiting list, not other sessions
        Assert.Single(feed.TimeZones);
        var droppedUid = feed.Events.Single(e => e.Summary == "Dropped").Uid;
        var keptUid = feed.Events.Single(e => e.Summary == "Kept").Uid;
        Assert.Equal(0, feed.Events.Single(e => e.Uid == droppedUid).Sequence);
        // One identity per session: the agenda feed gives "Kept" the same UID, so a delegate subscribed to both sees it once.
        var (_, agenda) = await FetchAsync($"/Breakouts/Agenda/{summit.Id}.ics");
        Assert.Equal(keptUid, agenda!.Events.Single(e => e.Summary == "Kept").Uid);
        Assert.Equal(agenda.Events.Count, agenda.Events.Select(e => e.Uid).Distinct().Count());
        // Where: the room, the venue and the city.
        var room = await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == kept.Id).Select(b => b.Room.Name).SingleAsync());
        Assert.Equal(string.Join(", ", new[] { room, summit.Venue, summit.City }.Where(p => !string.IsNullOrWhiteSpace(p))),
            feed.Events.Single(e => e.Uid == keptUid).Location);
        Assert.Contains(summit.City, feed.Events.Single(e => e.Uid == keptUid).Location);
        Assert.Equal("Asia/Dubai", feed.Events[0]!.Start!.TzId);

        Assert.True((await app.CancelBookingAsync(droppedBooking.Id, me)).Succeeded);
        (_, feed) = await FetchAsync(url);
        var cancelled = feed!.Events.Single(e => e.Uid == droppedUid);
        Assert.Equal(EventStatus.Cancelled, cancelled.Status);
        Assert.Equal(1, cancelled.Sequence);
        Assert.Equal(EventStatus.Confirmed, feed.Events.Single(e => e.Uid == keptUid).Status);
        Assert.Equal(2, feed.Events.Count);

        // The organisers move "Kept" by an hour: same UID, higher SEQUENCE, new time.
        var moved = await app.WithDbAsync(async db =>
        {
            var b = await db.Breakouts.SingleAsync(x => x.Id == kept.Id);
            b.StartUtc = b.StartUtc.AddHours(1); b.EndUtc = b.EndUtc.AddHours(1); b.Sequence++;
            await db.SaveChangesAsync();
            return b.StartUtc;
        });
        (_, feed) = await FetchAsync(url);
        var movedEvent = feed!.Events.Single(e => e.Uid == keptUid);
        Assert.Equal(1, movedEvent.Sequence);
        Assert.Equal(moved, movedEvent.Start!.AsUtc);
        Assert.DoesNotContain(feed.Events, e => e.Summary == other.Title);

        // The holder gives up the full session: the first on its waiting list (me) is promoted and it joins my feed.
        var seat = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.BreakoutId == full.Id && b.Status == BookingStatus.Confirmed));
        Assert.True((await app.CancelBookingAsync(seat.Id, holder)).Succeeded);
        (_, feed) = await FetchAsync(url);
        Assert.Equal(EventStatus.Confirmed, feed!.Events.Single(e => e.Summary == "Full house").Status);
    }

    /// <summary>A calendar app asks for no language: the personal feed speaks the delegate's saved one, as their e-mails
    /// do; the public agenda feed, one for everyone, the summit's. Each entry says what the session is about.</summary>
    [Fact]
    public async Task The_personal_feed_speaks_the_delegates_language_and_the_agenda_the_summits()
    {
        var summit = await app.CreateOpenSummitAsync();
        var theme = await app.CreateThemeAsync(summit.Id, "Prevention");
        var breakout = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Prévenir");
        var organisation = await app.CreateOrganisationAsync();
        await app.DecorateAsync(breakout.Id, themeId: theme.Id, organisationIds: [organisation.Id], description: "Ce que font les écoles.\r\nEt les familles.");
        var (me, registration) = await app.ApprovedDelegateAsync(summit.Id);
        await app.PreferLanguageAsync(me, "fr");
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(breakout.Id, me)).Booked());
        var token = await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.CalendarToken).SingleAsync());

        var (_, feed) = await FetchAsync($"/calendar/{Uri.EscapeDataString(token)}.ics");

        Assert.Equal($"{summit.Name} : mes ateliers", feed!.Properties.Get<string>("X-WR-CALNAME"));
        // What the session is about follows, as its page says it.
        Assert.Equal($"Thème : Prevention\nAnimé par {organisation.FormalName}\n\nCe que font les écoles.\nEt les familles.", feed.Events.Single().Description);
        var (_, agenda) = await FetchAsync($"/Breakouts/Agenda/{summit.Id}.ics");
        Assert.StartsWith("Theme: Prevention", agenda!.Events.Single(e => e.Uid == feed.Events.Single().Uid).Description);
    }

    [Fact]
    public async Task A_seat_given_up_then_booked_again_comes_back_confirmed_with_a_higher_sequence_each_time()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Booked twice");
        var (me, registration) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = await app.LogInAsync(me);
        var token = await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.CalendarToken).SingleAsync());
        var url = $"/calendar/{Uri.EscapeDataString(token)}.ics";
        var seen = new List<(int Sequence, string Status)>();
        async Task ReadFeedAsync()
        {
            var (_, feed) = await FetchAsync(url);
            var entry = Assert.Single(feed!.Events, e => e.Uid == CalendarFeeds.BreakoutUid(breakout.Id));
            seen.Add((entry.Sequence, entry.Status!));
        }
        async Task CancelThroughPageAsync()
        {
            var seat = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.BreakoutId == breakout.Id && b.Status == BookingStatus.Confirmed));
            var mine = await client.GetPageAsync("/Breakouts/Bookings");
            var (response, _) = await client.SubmitAndFollowAsync(mine, $"form#cancel-form-{seat.Id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        for (var round = 0; round < 2; round++)
        {
            Assert.Contains("is confirmed", (await client.BookThroughPageAsync(breakout.Id)).Message(breakout.Id));
            await ReadFeedAsync();
            await CancelThroughPageAsync();
            await ReadFeedAsync();
        }
        Assert.Contains("is confirmed", (await client.BookThroughPageAsync(breakout.Id)).Message(breakout.Id));
        await ReadFeedAsync();

        // RFC 5545: an entry with a higher SEQUENCE replaces the one a calendar app holds, an equal or lower one is ignored.
        Assert.Equal([EventStatus.Confirmed, EventStatus.Cancelled, EventStatus.Confirmed, EventStatus.Cancelled, EventStatus.Confirmed],
            seen.Select(s => s.Status));
        for (var i = 1; i < seen.Count; i++)
            Assert.True(seen[i].Sequence > seen[i - 1].Sequence, $"SEQUENCE {seen[i].Sequence} after {seen[i - 1].Sequence} (step {i})");
        // The agenda feed, which knows nothing of bookings, still gives the breakout's own sequence.
        var (_, agenda) = await FetchAsync($"/Breakouts/Agenda/{summit.Id}.ics");
        Assert.Equal(0, agenda!.Events.Single(e => e.Uid == CalendarFeeds.BreakoutUid(breakout.Id)).Sequence);
    }

    [Fact]
    public async Task Regenerating_the_calendar_link_cuts_off_the_old_address_and_unknown_tokens_are_404()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id);
        var client = app.CreateFormClient();
        await client.LogInAsync(user.Email!, SummitAppFactory.Password);
        var page = await client.GetPageAsync($"/Registration/Details/{registration.Id}");
        var oldUrl = new Uri(page.QuerySelector("#calendar-https")!.GetAttribute("value")!);
        Assert.Equal("webcal", new Uri(page.GetElementById("calendar-webcal")!.GetAttribute("href")!).Scheme);
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(oldUrl.PathAndQuery)).Response.StatusCode);

        var (response, after) = await client.SubmitAndFollowAsync(page, "form#calendar-regenerate-form");
        var newUrl = new Uri(after.QuerySelector("#calendar-https")!.GetAttribute("value")!);
        Assert.NotEqual(oldUrl, newUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(oldUrl.PathAndQuery)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(newUrl.PathAndQuery)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync("/calendar/not-a-real-token.ics")).Response.StatusCode);

        var events = await app.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "registration.calendar-token-regenerated" && a.SubjectId == registration.Id.ToString()).ToListAsync());
        var recorded = Assert.Single(events);
        var token = await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.CalendarToken).SingleAsync());
        Assert.DoesNotContain(token, recorded.Summary);
        Assert.DoesNotContain(user.FullName, recorded.Summary);

        // Someone else's registration: 404, and their token is unchanged.
        using var stranger = await app.LoggedInClientAsync();
        var theirs = await stranger.Http.PostAsync($"/Registration/Details/{registration.Id}?handler=CalendarLink", null);
        Assert.NotEqual(HttpStatusCode.Redirect, theirs.StatusCode);
        Assert.Equal(token, await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.CalendarToken).SingleAsync()));
    }
}
