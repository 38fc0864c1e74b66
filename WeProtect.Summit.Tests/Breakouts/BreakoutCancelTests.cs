using Ical.Net;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>Cancelling a breakout from Breakouts/Manage: bookings end, everyone holding a seat or waiting is told once
/// by e-mail, the calendar entries are cancelled with a higher SEQUENCE under the same UID, and the public pages
/// show it cancelled and no longer bookable.</summary>
public class BreakoutCancelTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<Calendar> FeedAsync(string url)
    {
        using var client = app.CreateFormClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Cancelling_a_breakout_ends_its_bookings_tells_each_holder_once_and_cancels_the_calendar_entries()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 1, startHour: 11, title: "Hash matching at scale");
        var (seated, seatedRegistration) = await app.ApprovedDelegateAsync(summit.Id, "Seated Delegate");
        var (waiting, _) = await app.ApprovedDelegateAsync(summit.Id, "Waiting Delegate");
        var (newcomer, _) = await app.ApprovedDelegateAsync(summit.Id, "Late Delegate");
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(breakout.Id, seated)).Booked());
        Assert.Equal(BookingStatus.Waitlisted, (await app.BookAsync(breakout.Id, waiting)).Booked());
        var token = await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == seatedRegistration.Id).Select(r => r.CalendarToken).SingleAsync());
        var personalUrl = $"/calendar/{Uri.EscapeDataString(token)}.ics";
        var before = (await FeedAsync(personalUrl)).Events.Single(e => e.Summary == breakout.Title);
        using var anonymous = app.CreateFormClient();
        await anonymous.GetPageAsync($"/Breakouts/Agenda/{summit.Id}");   // cached now: the cancellation must evict it

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var manage = await organiser.GetPageAsync($"/Breakouts/Manage/{summit.Id}");
        var (_, page) = await organiser.SubmitAndFollowAsync(manage, $"#cancel-{breakout.Id}");
        Assert.Contains("cancelled; 2 delegates will be told by e-mail", page.QuerySelector("#status")!.TextContent);
        Assert.Null(page.QuerySelector($"#cancel-{breakout.Id}"));
        Assert.Contains("(cancelled)", page.QuerySelector($"tr[data-id='{breakout.Id}'] .title")!.TextContent);

        var bookings = await app.WithDbAsync(db => db.Bookings.Where(b => b.BreakoutId == breakout.Id).ToListAsync());
        Assert.All(bookings, b => Assert.Equal(BookingStatus.Cancelled, b.Status));
        var saved = await app.WithDbAsync(db => db.Breakouts.SingleAsync(b => b.Id == breakout.Id));
        Assert.Equal(0, saved.ConfirmedCount);
        Assert.Equal(1, saved.Sequence);
        Assert.Contains("breakout.cancelled", await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Summary.Contains("Hash matching at scale")).Select(e => e.Action).ToListAsync()));

        // One notification per person, each sent once.
        var told = await app.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKinds.BreakoutCancelled)
            .Join(db.Bookings, n => n.SubjectId, b => b.Id, (n, b) => new { b.BreakoutId, b.RegistrationId }).Where(x => x.BreakoutId == breakout.Id).ToListAsync());
        Assert.Equal(2, told.Count);
        Assert.Equal(2, told.Select(t => t.RegistrationId).Distinct().Count());
        foreach (var user in new[] { seated, waiting })
        {
            var mail = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == user.Email) && (m.Subject ?? "") == "Breakout cancelled: Hash matching at scale");
            Assert.Contains("has been cancelled", mail.TextBody);
        }
        Assert.Contains("your place on the waiting list", app.SentMail().Single(m => m.To.Mailboxes.Any(a => a.Address == waiting.Email) && (m.Subject ?? "").StartsWith("Breakout cancelled")).TextBody);
        Assert.Single(app.SentMail(), m => m.To.Mailboxes.Any(a => a.Address == seated.Email) && (m.Subject ?? "").StartsWith("Breakout cancelled"));

        // Calendars: same UID, STATUS:CANCELLED, a higher SEQUENCE, in both feeds.
        var personal = (await FeedAsync(personalUrl)).Events.Single(e => e.Uid == before.Uid);
        Assert.Equal(EventStatus.Cancelled, personal.Status);
        Assert.True(personal.Sequence > before.Sequence);
        var agenda = (await FeedAsync($"/Breakouts/Agenda/{summit.Id}.ics")).Events.Single(e => e.Uid == before.Uid);
        Assert.Equal(EventStatus.Cancelled, agenda.Status);
        Assert.Equal(personal.Sequence, agenda.Sequence);

        // The public pages say it, in words, and offer no booking.
        var grid = await anonymous.GetPageAsync($"/Breakouts/Agenda/{summit.Id}");
        Assert.Equal("Cancelled", grid.QuerySelector($"td[data-breakout-id='{breakout.Id}'] .seat-state")!.TextContent.Trim());
        using var delegateClient = await app.LogInAsync(newcomer);
        var session = await delegateClient.GetPageAsync($"/Breakouts/Session/{breakout.Id}");
        Assert.NotNull(session.GetElementById("session-cancelled"));
        Assert.Null(session.GetElementById("booking-slot"));
        var refused = await app.BookAsync(breakout.Id, newcomer);
        Assert.False(refused.Succeeded);
        Assert.Contains("is cancelled", refused.Message);
        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.BreakoutId == breakout.Id && b.Status != BookingStatus.Cancelled)));
    }

    [Fact]
    public async Task A_breakout_cancelled_twice_is_said_done_the_second_time_and_nobody_is_told_twice()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 3, startHour: 14);
        var (seated, _) = await app.ApprovedDelegateAsync(summit.Id, "Only Delegate");
        Assert.True((await app.BookAsync(breakout.Id, seated)).Succeeded);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var first = await organiser.GetPageAsync($"/Breakouts/Manage/{summit.Id}");
        var second = await organiser.GetPageAsync($"/Breakouts/Manage/{summit.Id}");   // an organiser in another tab

        await organiser.SubmitAndFollowAsync(first, $"#cancel-{breakout.Id}");
        var (_, page) = await organiser.SubmitAndFollowAsync(second, $"#cancel-{breakout.Id}");
        Assert.Contains("is already cancelled", page.QuerySelector("#status")?.TextContent);
        Assert.Contains("alert-success", page.QuerySelector("#status")?.ClassName); // done as asked: not a refusal, not a conflict
        Assert.Equal(["breakout.cancelled"], (await app.AuditActionsAsync("Breakout", breakout.Id)).Where(a => a == "breakout.cancelled"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.BreakoutCancelled
            && db.Bookings.Any(b => b.Id == n.SubjectId && b.BreakoutId == breakout.Id))));
        Assert.Equal(1, await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id).Select(b => b.Sequence).SingleAsync()));
    }

    /// <summary>A cancelled breakout gives its room back: another can be put there at the same hour.</summary>
    [Fact]
    public async Task A_cancelled_breakout_no_longer_holds_its_room()
    {
        var summit = await app.CreateOpenSummitAsync();
        var cancelled = await app.CreateBreakoutAsync(summit, startHour: 15, title: "Called off");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = "In its place", ["Input.RoomId"] = cancelled.RoomId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date"] = summit.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Input.StartTime"] = "15:00",
            ["Input.EndTime"] = "16:00", ["Input.Capacity"] = "20",
        };
        var taken = await FormClient.ParseAsync(await organiser.SubmitAsync(await organiser.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}"), "#breakout-form", values));
        Assert.Contains("The room is taken at that time by \"Called off\"", taken.Body!.TextContent);

        await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Breakouts/Manage/{summit.Id}"), $"#cancel-{cancelled.Id}");
        var (_, saved) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}"), "#breakout-form", values);
        Assert.Contains("\"In its place\" created", saved.QuerySelector("#status")!.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.Breakouts.CountAsync(b => b.SummitId == summit.Id && b.Title == "In its place")));
    }

    /// <summary>A cancelled breakout stays as delegates were told it was: its form is shown read-only, and a form opened
    /// before the cancellation is refused with the reason, nothing changed (no move: the calendar sequence stays).</summary>
    [Fact]
    public async Task A_cancelled_breakout_cannot_be_edited_or_moved()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, startHour: 16, title: "No longer held");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var before = await organiser.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{breakout.Id}");
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<BreakoutDesk>().CancelAsync(summit.Id, breakout.Id, null, new Data.Audit.AuditActor(null, "Organiser"))).Succeeded);

        var after = await organiser.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{breakout.Id}");
        Assert.Contains("was cancelled", after.QuerySelector("#breakout-cancelled")!.TextContent);
        Assert.True(after.QuerySelector("#breakout-form fieldset")!.HasAttribute("disabled"));
        Assert.Null(after.QuerySelector("#breakout-form button[type=submit]"));

        var refused = await organiser.SubmitAsync(before, "#breakout-form", new Dictionary<string, string> { ["Input.Title"] = "Renamed", ["Input.StartTime"] = "17:00", ["Input.EndTime"] = "18:00" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("was cancelled", (await FormClient.ParseAsync(refused)).Body!.TextContent);
        var stored = await app.WithDbAsync(db => db.Breakouts.AsNoTracking().SingleAsync(b => b.Id == breakout.Id));
        Assert.Equal(("No longer held", breakout.StartUtc, 1), (stored.Title, stored.StartUtc, stored.Sequence));
    }

    [Fact]
    public async Task Cancelling_a_breakout_of_another_summit_is_not_found()
    {
        var summit = await app.CreateOpenSummitAsync();
        var other = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(other, startHour: 9);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var manage = await organiser.GetPageAsync($"/Breakouts/Manage/{other.Id}");
        var form = manage.QuerySelector($"#cancel-{breakout.Id}")!;
        form.SetAttribute("action", $"/Breakouts/Manage/{summit.Id}?handler=Cancel");
        var response = await organiser.SubmitAsync(manage, $"#cancel-{breakout.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id).Select(b => b.CancelledUtc).SingleAsync()));
    }
}
