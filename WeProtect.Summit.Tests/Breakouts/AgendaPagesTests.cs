using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Summits;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>The public agenda grid and session page.</summary>
public class AgendaPagesTests : IClassFixture<SummitAppFactory>
{
    private readonly SummitAppFactory app;

    public AgendaPagesTests(SummitAppFactory app) => this.app = app;

    /// <summary>The room's name in the column header the session's cell points at with headers="…".</summary>
    private static (string Room, string Time) HeadersOf(IHtmlDocument page, int breakoutId)
    {
        var cell = page.QuerySelector($"td.agenda-session[data-breakout-id='{breakoutId}']")
            ?? throw new Xunit.Sdk.XunitException($"No grid cell for breakout {breakoutId}");
        var ids = cell.GetAttribute("headers")!.Split(' ');
        return (page.GetElementById(ids[0])!.TextContent.Trim(), page.GetElementById(ids[1])!.TextContent.Trim());
    }

    [Fact]
    public async Task Sessions_sit_in_their_room_column_on_their_day_at_their_local_time_spanning_their_slots()
    {
        var summit = await app.CreateOpenSummitAsync();
        var plenary = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Safety by design");
        var side = await app.CreateBreakoutAsync(summit, startHour: 11, title: "Law enforcement cooperation");
        var dayTwo = await app.CreateBreakoutAsync(summit, startHour: 9, roomId: plenary.RoomId, title: "Survivors' voices");
        await app.WithDbAsync(async db =>
        {
            var b = await db.Breakouts.SingleAsync(x => x.Id == dayTwo.Id);
            b.StartUtc = b.StartUtc.AddDays(1); b.EndUtc = b.StartUtc.AddMinutes(90);
            await db.SaveChangesAsync();
        });
        var rooms = await app.WithDbAsync(db => db.Rooms.Where(r => r.SummitId == summit.Id).ToDictionaryAsync(r => r.Id, r => r.Name));

        using var client = app.CreateFormClient();
        var page = await client.GetPageAsync($"/Breakouts/Agenda/{summit.Id}");

        var firstDay = page.GetElementById($"day-{summit.StartDate:yyyy-MM-dd}")!;
        var secondDay = page.GetElementById($"day-{summit.StartDate.AddDays(1):yyyy-MM-dd}")!;
        Assert.NotNull(firstDay.QuerySelector($"td[data-breakout-id='{plenary.Id}']"));
        Assert.NotNull(firstDay.QuerySelector($"td[data-breakout-id='{side.Id}']"));
        Assert.Null(firstDay.QuerySelector($"td[data-breakout-id='{dayTwo.Id}']"));
        Assert.NotNull(secondDay.QuerySelector($"td[data-breakout-id='{dayTwo.Id}']"));

        Assert.Equal((rooms[plenary.RoomId], "10:00"), HeadersOf(page, plenary.Id));      // Asia/Dubai local time, not UTC
        Assert.Equal((rooms[side.RoomId], "11:00"), HeadersOf(page, side.Id));
        Assert.Equal((rooms[plenary.RoomId], "09:00"), HeadersOf(page, dayTwo.Id));
        Assert.Equal("2", page.QuerySelector($"td[data-breakout-id='{plenary.Id}']")!.GetAttribute("rowspan"));
        Assert.Equal("3", page.QuerySelector($"td[data-breakout-id='{dayTwo.Id}']")!.GetAttribute("rowspan"));
        // Every row has one cell per room, counting the cells spanned from above: a well-formed table.
        var table = firstDay.QuerySelector("table")!;
        Assert.Equal(3, table.QuerySelectorAll("thead th").Length);
        Assert.Contains("30 seats left", page.QuerySelector($"td[data-breakout-id='{plenary.Id}'] .seat-state")!.TextContent);
        // The same sessions as a list, for small screens.
        Assert.Equal(2, firstDay.QuerySelectorAll("ol.agenda-list li").Length);
    }

    [Fact]
    public async Task The_theme_filter_narrows_as_a_plain_form_and_answers_htmx_with_the_grid_only()
    {
        var summit = await app.CreateOpenSummitAsync();
        var technology = await app.CreateThemeAsync(summit.Id, "Technology", "#aa3300");
        var law = await app.CreateThemeAsync(summit.Id, "Law enforcement");
        var tech = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Hash matching at scale");
        var police = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Cross-border investigations");
        await app.DecorateAsync(tech.Id, themeId: technology.Id);
        await app.DecorateAsync(police.Id, themeId: law.Id);

        using var client = app.CreateFormClient();
        var all = await client.GetPageAsync($"/Breakouts/Agenda/{summit.Id}");
        Assert.NotNull(all.QuerySelector($"td[data-breakout-id='{police.Id}']"));
        Assert.Equal("#aa3300", all.QuerySelector($"td[data-breakout-id='{tech.Id}'] .theme-chip rect")!.GetAttribute("fill"));

        // A plain GET form (no action: this page), so it works without JavaScript; htmx swaps the grid.
        var form = (IHtmlFormElement)all.QuerySelector("form#agenda-filter")!;
        Assert.Equal("get", form.Method.ToLowerInvariant());
        Assert.Null(form.GetAttribute("action"));
        Assert.Equal("#agenda-grid", form.GetAttribute("hx-target"));
        Assert.NotNull(form.QuerySelector($"select[name=theme] option[value='{technology.Id}']"));
        var filtered = await client.GetPageAsync($"/Breakouts/Agenda/{summit.Id}?theme={technology.Id}");
        Assert.NotNull(filtered.QuerySelector($"td[data-breakout-id='{tech.Id}']"));
        Assert.Null(filtered.QuerySelector($"[data-breakout-id='{police.Id}']"));
        Assert.Equal(technology.Id.ToString(), ((IHtmlSelectElement)filtered.GetElementById("agenda-theme")!).Value);
        Assert.NotNull(filtered.QuerySelector("h1"));

        var request = new HttpRequestMessage(HttpMethod.Get, $"/Breakouts/Agenda/{summit.Id}?theme={law.Id}");
        request.Headers.Add("HX-Request", "true");
        var partial = await client.Http.SendAsync(request);
        var html = await partial.Content.ReadAsStringAsync();
        Assert.Contains("HX-Request", partial.Headers.Vary);
        Assert.DoesNotContain("<html", html);
        Assert.DoesNotContain("agenda-filter", html);
        Assert.Contains("Cross-border investigations", html);
        Assert.DoesNotContain("Hash matching at scale", html);
    }

    [Fact]
    public async Task A_draft_summit_has_no_public_agenda_session_page_or_feed()
    {
        var draft = await app.WithDbAsync(async db =>
        {
            var summit = SampleSummit.Create(app.UtcNow);
            db.Summits.Add(summit);
            await db.SaveChangesAsync();
            return summit;
        });
        var breakout = await app.CreateBreakoutAsync(draft);
        using var client = app.CreateFormClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Breakouts/Agenda/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Breakouts/Session/{breakout.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Breakouts/Agenda/{draft.Id}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Breakouts/Agenda/424242")).StatusCode);
    }

    [Fact]
    public async Task The_session_page_shows_its_time_in_the_summit_zone_its_room_facilitators_and_seats()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 2, startHour: 14, title: "Age assurance");
        var theme = await app.CreateThemeAsync(summit.Id, "Technology");
        var organisation = await app.CreateOrganisationAsync("Ofcom " + Guid.NewGuid().ToString("N")[..4]);
        var facilitator = await app.CreateUserAsync(fullName: "Amara Okafor");
        await app.DecorateAsync(breakout.Id, theme.Id, [organisation.Id], [facilitator.Id],
            description: "First paragraph.\r\n\r\nSecond <b>paragraph</b>.", roomNotes: "Level 2, east wing");
        var (delegateUser, _) = await app.ApprovedDelegateAsync(summit.Id);
        Assert.True((await app.BookAsync(breakout.Id, delegateUser)).Succeeded);

        using var client = app.CreateFormClient();
        var page = await client.GetPageAsync($"/Breakouts/Session/{breakout.Id}");
        Assert.Equal("Age assurance", page.GetElementById("session-title")!.TextContent.Trim());
        var time = page.GetElementById("session-time")!.TextContent;
        Assert.Contains("14:00–15:00", time);                     // Asia/Dubai (UTC+4): stored as 10:00 UTC
        Assert.Contains("Asia/Dubai", time);
        Assert.Contains(summit.StartDate.ToString("d MMMM yyyy"), time);
        Assert.Equal(breakout.StartUtc.ToString("yyyy-MM-ddTHH:mm:ssZ"), page.QuerySelector("#session-time time")!.GetAttribute("datetime"));
        Assert.Contains("Level 2, east wing", page.GetElementById("session-room")!.TextContent);
        Assert.Equal(["Amara Okafor"], page.QuerySelectorAll("#session-facilitators li").Select(li => li.TextContent.Trim()));
        Assert.Equal([organisation.FormalName], page.QuerySelectorAll("#session-organisations li").Select(li => li.TextContent.Trim()));
        Assert.Equal(["First paragraph.", "Second <b>paragraph</b>."], page.QuerySelectorAll("#session-description p").Select(p => p.TextContent));
        Assert.Contains("Technology", page.GetElementById("session-theme")!.TextContent);
        Assert.Equal("1 seat left", page.GetElementById("session-seats")!.TextContent.Trim());
        // Anonymous: no booking form, a link to log in first.
        Assert.Null(page.QuerySelector("#booking-slot form"));
        Assert.Contains("Log in", page.GetElementById("booking-slot")!.TextContent);

        using var signedIn = await app.LoggedInClientAsync();
        var mine = await signedIn.GetPageAsync($"/Breakouts/Session/{breakout.Id}");
        Assert.Equal(breakout.Id.ToString(), mine.GetElementById("booking-slot")!.GetAttribute("data-breakout-id"));
        Assert.Contains("not registered", mine.GetElementById("booking-slot")!.TextContent);
    }

    [Fact]
    public async Task A_booking_refreshes_the_cached_public_pages()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 5);
        var (user, _) = await app.ApprovedDelegateAsync(summit.Id);   // before the pages are cached: approving evicts too
        using var client = app.CreateFormClient();
        string Seats(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector($"td[data-breakout-id='{breakout.Id}'] .seat-state")!.TextContent.Trim();
        Assert.Equal("5 seats left", Seats(await client.GetPageAsync($"/Breakouts/Agenda/{summit.Id}")));
        Assert.Equal("5 seats left", (await client.GetPageAsync($"/Breakouts/Session/{breakout.Id}")).GetElementById("session-seats")!.TextContent.Trim());

        // BookingDesk moves the count with ExecuteUpdate; its audit event is what evicts the anonymous pages' cache.
        Assert.True((await app.BookAsync(breakout.Id, user)).Succeeded);
        Assert.Equal("4 seats left", Seats(await client.GetPageAsync($"/Breakouts/Agenda/{summit.Id}")));
        Assert.Equal("4 seats left", (await client.GetPageAsync($"/Breakouts/Session/{breakout.Id}")).GetElementById("session-seats")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_summit_page_links_to_its_agenda()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var client = app.CreateFormClient();
        var page = await client.GetPageAsync($"/Summits/Details/{summit.Id}");
        Assert.Equal($"/Breakouts/Agenda/{summit.Id}", page.GetElementById("agenda-link")!.GetAttribute("href"));
    }
}
