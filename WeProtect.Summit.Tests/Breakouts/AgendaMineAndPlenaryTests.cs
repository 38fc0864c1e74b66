using WeProtect.Summit.Data.Breakouts;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>The agenda grid for a signed-in delegate (own seats and waiting-list places marked in words), the output
/// cache that keeps serving anonymous visitors without ever handing them a personalised page, and plenary sessions
/// (all delegates, no booking, across the whole row).</summary>
public class AgendaMineAndPlenaryTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task A_delegate_sees_their_seat_and_waiting_list_place_marked_while_anonymous_visitors_keep_the_cached_unmarked_grid()
    {
        var summit = await app.CreateOpenSummitAsync();
        var seatAt = await app.CreateBreakoutAsync(summit, capacity: 5, startHour: 10, title: "Seated session");
        var full = await app.CreateBreakoutAsync(summit, capacity: 1, startHour: 12, title: "Full session");
        var other = await app.CreateBreakoutAsync(summit, capacity: 5, startHour: 14, title: "Other session");
        var (holder, _) = await app.ApprovedDelegateAsync(summit.Id, "Seat Holder");
        var (me, _) = await app.ApprovedDelegateAsync(summit.Id, "Marked Delegate");
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(full.Id, holder)).Booked());
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(seatAt.Id, me)).Booked());
        Assert.Equal(BookingStatus.Waitlisted, (await app.BookAsync(full.Id, me)).Booked());

        // An anonymous visitor fills the cache first.
        using var anonymous = app.CreateFormClient();
        var url = $"/Breakouts/Agenda/{summit.Id}";
        Assert.Empty((await anonymous.GetPageAsync(url)).QuerySelectorAll(".my-booking"));

        using var client = await app.LogInAsync(me);
        var page = await client.GetPageAsync(url);
        string? Mark(int id) => page.QuerySelector($"td[data-breakout-id='{id}'] .my-booking")?.TextContent.Trim();
        Assert.Equal("Your seat", Mark(seatAt.Id));
        Assert.Equal("You are on the waiting list (number 1)", Mark(full.Id));
        Assert.Null(Mark(other.Id));
        Assert.Contains("agenda-mine", page.QuerySelector($"td[data-breakout-id='{seatAt.Id}']")!.ClassName);
        Assert.Contains("agenda-mine-waiting", page.QuerySelector($"td[data-breakout-id='{full.Id}']")!.ClassName);
        Assert.Equal("Your seat", page.QuerySelector($"li[data-breakout-id='{seatAt.Id}'] .my-booking")!.TextContent.Trim());

        // The anonymous page is still the cached one (nothing changed since), and unmarked: the delegate's page was
        // neither served from the cache nor stored in it.
        var again = await anonymous.GetAsync(url);
        Assert.True(again.Headers.Age is not null, "the anonymous agenda should come from the output cache");
        Assert.DoesNotContain("my-booking", await again.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Your seat", await again.Content.ReadAsStringAsync());

        // Another delegate gets their own page, not the first delegate's.
        using var holderClient = await app.LogInAsync(holder);
        var theirs = await holderClient.GetPageAsync(url);
        Assert.Equal("Your seat", theirs.QuerySelector($"td[data-breakout-id='{full.Id}'] .my-booking")!.TextContent.Trim());
        Assert.Null(theirs.QuerySelector($"td[data-breakout-id='{seatAt.Id}'] .my-booking"));
    }

    [Fact]
    public async Task A_plenary_made_through_the_form_spans_the_whole_row_needs_no_capacity_and_cannot_be_booked()
    {
        var summit = await app.CreateOpenSummitAsync();
        var left = await app.CreateBreakoutAsync(summit, capacity: 5, startHour: 10);
        var right = await app.CreateBreakoutAsync(summit, capacity: 5, startHour: 10);
        var hall = await app.WithDbAsync(async db =>
        {
            var room = new Room { SummitId = summit.Id, Name = "Main hall " + Guid.NewGuid().ToString("N")[..4], Capacity = 900 };
            db.Rooms.Add(room);
            await db.SaveChangesAsync();
            return room;
        });
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var form = await organiser.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}");
        var (_, saved) = await organiser.SubmitAndFollowAsync(form, "#breakout-form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Opening plenary", ["Input.RoomId"] = hall.Id.ToString(), ["Input.Date"] = summit.StartDate.ToString("yyyy-MM-dd"),
            ["Input.StartTime"] = "09:00", ["Input.EndTime"] = "10:00", ["Input.Capacity"] = "", ["Input.IsPlenary"] = "true",
        });
        Assert.True(saved.QuerySelector("#status") is not null, saved.QuerySelector(".validation-summary-errors, .field-validation-error")?.TextContent);
        var plenary = await app.WithDbAsync(db => db.Breakouts.SingleAsync(b => b.SummitId == summit.Id && b.Title == "Opening plenary"));
        Assert.True(plenary.IsPlenary);

        // Without the plenary box, the capacity is still required.
        form = await organiser.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}");
        var (_, refused) = await organiser.SubmitAndFollowAsync(form, "#breakout-form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Forgot the seats", ["Input.RoomId"] = hall.Id.ToString(), ["Input.Date"] = summit.StartDate.ToString("yyyy-MM-dd"),
            ["Input.StartTime"] = "15:00", ["Input.EndTime"] = "16:00", ["Input.Capacity"] = "",
        });
        Assert.Contains("Give the number of seats.", refused.Body!.TextContent);

        using var anonymous = app.CreateFormClient();
        var agenda = await anonymous.GetPageAsync($"/Breakouts/Agenda/{summit.Id}");
        var cell = agenda.QuerySelector($"td[data-breakout-id='{plenary.Id}']")!;
        var columns = agenda.QuerySelectorAll("table.agenda-table thead th[data-room-id]").Length;
        Assert.Equal(2, columns);   // the breakouts' rooms; the plenary spans them rather than adding its own
        Assert.Equal(columns.ToString(), cell.GetAttribute("colspan"));
        Assert.Contains("Plenary", cell.TextContent);
        Assert.Equal("Plenary: all delegates, no booking needed", cell.QuerySelector(".seat-state")!.TextContent.Trim());
        Assert.NotNull(agenda.QuerySelector($"td[data-breakout-id='{left.Id}']"));
        Assert.NotNull(agenda.QuerySelector($"td[data-breakout-id='{right.Id}']"));

        var (me, _) = await app.ApprovedDelegateAsync(summit.Id, "Plenary Delegate");
        var result = await app.BookAsync(plenary.Id, me);
        Assert.False(result.Succeeded);
        Assert.Contains("plenary", result.Message);
        using var client = await app.LogInAsync(me);
        var session = await client.GetPageAsync($"/Breakouts/Session/{plenary.Id}");
        Assert.NotNull(session.GetElementById("session-plenary"));
        Assert.Null(session.GetElementById("booking-slot"));
        // The booking page, reached by an old link, leads to the session page; a post made anyway is answered with
        // the refusal and no waiting list to join.
        var bookPage = await client.GetAsync(BookingSteps.BookUrl(plenary.Id));
        Assert.Equal(HttpStatusCode.Redirect, bookPage.StatusCode);
        Assert.Equal($"/Breakouts/Session/{plenary.Id}", bookPage.Location());
        var post = await client.PostWithTokenAsync(session, BookingSteps.BookUrl(plenary.Id));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var answer = await FormClient.ParseAsync(post);
        Assert.Contains("is a plenary session for all delegates", answer.QuerySelector($"#booking-message-{plenary.Id}")!.TextContent);
        Assert.Equal("Plenary session for all delegates: no booking needed.", answer.QuerySelector($"#booking-state-{plenary.Id}")!.TextContent.Trim());
        Assert.Null(answer.QuerySelector($"#book-form-{plenary.Id}"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.BreakoutId == plenary.Id)));

        // Plenaries are in every approved delegate's own calendar, without a booking.
        var token = await app.WithDbAsync(db => db.Registrations.Where(r => r.UserId == me.Id && r.SummitId == summit.Id).Select(r => r.CalendarToken).SingleAsync());
        var feed = await (await anonymous.GetAsync($"/calendar/{Uri.EscapeDataString(token)}.ics")).Content.ReadAsStringAsync();
        Assert.Contains("SUMMARY:Opening plenary", feed);
    }

    [Fact]
    public async Task One_seat_is_said_as_one_seat_in_the_room_list_and_when_a_booked_session_is_made_a_plenary()
    {
        var summit = await app.CreateOpenSummitAsync();
        var booth = await app.WithDbAsync(async db =>
        {
            var room = new Room { SummitId = summit.Id, Name = "Bilateral booth", Capacity = 1 };
            db.Rooms.Add(room);
            await db.SaveChangesAsync();
            return room;
        });
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 5);
        var (booker, _) = await app.ApprovedDelegateAsync(summit.Id, "Only Booker");
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(breakout.Id, booker)).Booked());
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var form = await organiser.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{breakout.Id}");
        Assert.Equal("Bilateral booth (1 seat)", form.QuerySelector($"#breakout-form option[value='{booth.Id}']")!.TextContent.Trim());

        var (_, refused) = await organiser.SubmitAndFollowAsync(form, "#breakout-form", new Dictionary<string, string> { ["Input.IsPlenary"] = "true" });
        Assert.Contains("1 seat is booked: a plenary session has no booking", refused.QuerySelector(".alert-danger, .field-validation-error")!.TextContent);
    }

}
