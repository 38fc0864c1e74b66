using Ical.Net;
using Microsoft.Playwright;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Tests.Breakouts;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>A full breakout in a real browser: a delegate is waitlisted, another cancels, the first is promoted; the
/// public agenda and session page follow, and the promoted delegate's calendar feed lists the session.
/// The booking and cancelling are done with BookingDesk until the booking pages are merged (then: click them).</summary>
[Collection(BrowserCollection.Name)]
public class BreakoutAgendaJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_delegate_joins_a_full_breakouts_waiting_list_is_promoted_when_a_seat_is_cancelled_and_the_agenda_and_calendar_follow()
    {
        var app = browser.App;
        var summit = await app.CreateOpenSummitAsync(name: "Agenda Summit " + Guid.NewGuid().ToString("N")[..6]);
        var theme = await app.CreateThemeAsync(summit.Id, "Technology", "#7a1fa2");
        var other = await app.CreateThemeAsync(summit.Id, "Law enforcement");
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 1, startHour: 10, title: "Safety by design roundtable");
        var unrelated = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Cross-border investigations");
        var facilitator = await app.CreateUserAsync(fullName: "Amara Okafor");
        await app.DecorateAsync(breakout.Id, theme.Id, facilitatorIds: [facilitator.Id]);
        await app.DecorateAsync(unrelated.Id, other.Id);
        var (holder, _) = await app.ApprovedDelegateAsync(summit.Id, "Seat Holder");
        var (waiting, waitingRegistration) = await app.ApprovedDelegateAsync(summit.Id, "Waiting Delegate");

        // The one seat is taken (set-up); the rest of the journey goes through the pages.
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(breakout.Id, holder)).Booked());

        // 0. A delegate finds the session full and joins its waiting list from the session page, without a reload.
        var delegatePage = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(delegatePage, waiting.Email!);
        await delegatePage.GotoAsync($"/Breakouts/Session/{breakout.Id}");
        await delegatePage.GetByRole(AriaRole.Button, new() { Name = "Join the waiting list" }).ClickAsync();
        await Assertions.Expect(delegatePage.Locator("#booking-slot")).ToContainTextAsync("number 1");
        await browser.ScreenshotAsync(delegatePage, "0-waitlisted");

        // 1. An anonymous visitor sees the session full on the agenda, filters by theme without a reload.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/Summits/Details/{summit.Id}");
        await visitor.Locator("#agenda-link").ClickAsync();
        await BrowserFixture.WaitForAddressAsync(visitor, $"/Breakouts/Agenda/{summit.Id}");
        var cell = visitor.Locator($"td[data-breakout-id='{breakout.Id}']");
        await Assertions.Expect(cell.Locator(".seat-state")).ToHaveTextAsync("Full (1 on the waiting list)");
        await Assertions.Expect(visitor.Locator($"td[data-breakout-id='{unrelated.Id}']")).ToBeVisibleAsync();
        await visitor.EvaluateAsync("() => window.agendaMarker = 'still here'");
        await visitor.Locator("#agenda-theme").SelectOptionAsync(theme.Id.ToString());
        await Assertions.Expect(visitor.Locator($"td[data-breakout-id='{unrelated.Id}']")).ToHaveCountAsync(0);
        await Assertions.Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"theme={theme.Id}$"));
        Assert.Equal("still here", await visitor.EvaluateAsync<string>("() => window.agendaMarker"));
        await browser.ScreenshotAsync(visitor, "1-agenda-full");

        // 2. The session page: who facilitates, and that it is full.
        await cell.Locator("a").ClickAsync();
        await Assertions.Expect(visitor.Locator("#session-title")).ToHaveTextAsync("Safety by design roundtable");
        await Assertions.Expect(visitor.Locator("#session-facilitators")).ToContainTextAsync("Amara Okafor");
        await Assertions.Expect(visitor.Locator("#session-seats")).ToHaveTextAsync("Full (1 on the waiting list)");
        await browser.ScreenshotAsync(visitor, "2-session-full");

        // 3. The holder cancels; the waiting delegate is promoted. The cached public pages are refreshed.
        var seat = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.BreakoutId == breakout.Id && b.Status == BookingStatus.Confirmed));
        var holderPage = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(holderPage, holder.Email!);
        await holderPage.GotoAsync("/Breakouts/Bookings");
        await holderPage.Locator($"#cancel-{seat.Id} summary").ClickAsync();
        await holderPage.Locator($"#cancel-form-{seat.Id} button[type=submit]").ClickAsync();
        await Assertions.Expect(holderPage.Locator("main")).ToContainTextAsync("cancelled");
        await browser.ScreenshotAsync(holderPage, "3-holder-cancelled");
        await visitor.ReloadAsync();
        await Assertions.Expect(visitor.Locator("#session-seats")).ToHaveTextAsync("Full");
        await visitor.GotoAsync($"/Breakouts/Agenda/{summit.Id}");
        await Assertions.Expect(cell.Locator(".seat-state")).ToHaveTextAsync("Full");
        await browser.ScreenshotAsync(visitor, "3-agenda-after-promotion");

        // 4. The promoted delegate finds their calendar address on their registration page; the feed lists the session.
        await delegatePage.GotoAsync("/Breakouts/Bookings");
        await Assertions.Expect(delegatePage.Locator("#my-bookings")).ToContainTextAsync("Confirmed");
        await delegatePage.GotoAsync($"/Registration/Details/{waitingRegistration.Id}");
        var feedUrl = await delegatePage.Locator("#calendar-https").InputValueAsync();
        await delegatePage.GotoAsync($"/Breakouts/Session/{breakout.Id}");
        await Assertions.Expect(delegatePage.Locator($"#booking-slot[data-breakout-id='{breakout.Id}']")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync(delegatePage, "4-session-signed-in");
        var feed = await delegatePage.APIRequest.GetAsync(new Uri(feedUrl).PathAndQuery);
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("text/calendar", feed.Headers["content-type"]);
        var calendar = Calendar.Load(await feed.TextAsync())!;
        var entry = Assert.Single(calendar.Events);
        Assert.Equal("Safety by design roundtable", entry.Summary);
        Assert.Equal(EventStatus.Confirmed, entry.Status);
        Assert.Equal(summit.TimeZoneId, entry.Start!.TzId);

        visitor.Problems().AssertNone();
        delegatePage.Problems().AssertNone();
        holderPage.Problems().AssertNone();
    }
}
