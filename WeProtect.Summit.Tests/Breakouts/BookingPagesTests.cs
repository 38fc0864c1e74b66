using WeProtect.Summit.Data.Breakouts;

namespace WeProtect.Summit.Tests.Breakouts;

using WeProtect.Summit.Data.Summits;

/// <summary>The booking page, its button partial and "My breakouts", through HTTP as a browser without JavaScript
/// (and once as htmx) would use them.</summary>
public class BookingPagesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private Task<List<Booking>> BookingsOfAsync(int breakoutId) =>
        app.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.BreakoutId == breakoutId).ToListAsync());

    private Task<int> ConfirmedCountAsync(int breakoutId) =>
        app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakoutId).Select(b => b.ConfirmedCount).SingleAsync());

    [Fact]
    public async Task A_delegate_books_a_seat_and_sees_it_among_their_breakouts_in_the_summits_time()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 5, startHour: 14, title: "Financial sector responses");
        var (user, _) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = await app.LogInAsync(user);

        var page = await client.BookThroughPageAsync(breakout.Id);
        Assert.Contains("\"Financial sector responses\" is confirmed", page.Message(breakout.Id));
        Assert.Contains("You have a seat", page.QuerySelector($"#booking-{breakout.Id}")!.TextContent);
        Assert.Null(page.QuerySelector($"#book-form-{breakout.Id}"));

        var mine = await client.GetPageAsync("/Breakouts/Bookings");
        var row = mine.QuerySelector("#my-bookings tbody tr")!;
        Assert.Contains("Financial sector responses", row.TextContent);
        Assert.Contains("14:00–15:00", row.TextContent); // local time, not UTC
        Assert.Contains(summit.TimeZoneId, row.TextContent);
        Assert.Contains("Confirmed", row.TextContent);
        Assert.Equal($"/Breakouts/Session/{breakout.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        // The way back to the programme, to book more.
        Assert.Equal($"/Breakouts/Agenda/{summit.Id}", mine.QuerySelector("#programme-links a.programme-link")!.GetAttribute("href"));
        Assert.Equal(1, await ConfirmedCountAsync(breakout.Id));
        await app.WaitForMailAsync(m => m.To.ToString().Contains(user.Email!) && m.Subject == "Seat confirmed: Financial sector responses");
    }

    [Fact]
    public async Task An_overlapping_breakout_is_refused_naming_the_first_and_nothing_is_saved()
    {
        var summit = await app.CreateOpenSummitAsync();
        var first = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Technology and safety by design");
        var overlapping = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Victim identification");
        var (user, _) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = await app.LogInAsync(user);
        Assert.Contains("is confirmed", (await client.BookThroughPageAsync(first.Id)).Message(first.Id));

        var page = await client.BookThroughPageAsync(overlapping.Id);
        Assert.Contains("overlaps \"Technology and safety by design\"", page.Message(overlapping.Id));
        Assert.Empty(await BookingsOfAsync(overlapping.Id));
        Assert.Equal(0, await ConfirmedCountAsync(overlapping.Id));
    }

    [Fact]
    public async Task Booking_twice_says_so()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit);
        var (user, _) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = await app.LogInAsync(user);
        var loaded = await client.GetPageAsync(BookingSteps.BookUrl(breakout.Id));
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(loaded, $"form#book-form-{breakout.Id}")).StatusCode);
        // The same, stale page submitted again (a second tab, a double click without JavaScript).
        var again = await FormClient.ParseAsync(await client.SubmitAsync(loaded, $"form#book-form-{breakout.Id}"));
        Assert.Contains("You already have a seat", again.Message(breakout.Id));
        Assert.Single(await BookingsOfAsync(breakout.Id));
        Assert.Equal(1, await ConfirmedCountAsync(breakout.Id));
    }

    [Fact]
    public async Task Cancelling_a_seat_promotes_the_first_waitlisted_who_is_told_by_mail_and_the_rest_move_up()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 1, startHour: 11, title: "Law enforcement cooperation");
        var (holder, _) = await app.ApprovedDelegateAsync(summit.Id);
        using var holderClient = await app.LogInAsync(holder);
        Assert.Contains("is confirmed", (await holderClient.BookThroughPageAsync(breakout.Id)).Message(breakout.Id));

        var waiting = new List<(Data.Accounts.SummitUser User, FormClient Client)>();
        for (var i = 1; i <= 3; i++)
        {
            var (user, _) = await app.ApprovedDelegateAsync(summit.Id, $"Waiting Delegate {i}");
            var client = await app.LogInAsync(user);
            var page = await client.BookThroughPageAsync(breakout.Id);
            Assert.Contains($"you are number {i} on its waiting list", page.Message(breakout.Id));
            Assert.Contains($"number {i}", (await client.GetPageAsync("/Breakouts/Bookings")).QuerySelector("#my-bookings .booking-status")!.TextContent);
            waiting.Add((user, client));
        }

        var seat = (await BookingsOfAsync(breakout.Id)).Single(b => b.Status == BookingStatus.Confirmed);
        var mine = await holderClient.GetPageAsync("/Breakouts/Bookings");
        var (response, after) = await holderClient.SubmitAndFollowAsync(mine, $"form#cancel-form-{seat.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your booking is cancelled.", after.Body!.TextContent);
        Assert.Null(after.QuerySelector("#my-bookings"));

        var bookings = await BookingsOfAsync(breakout.Id);
        Assert.Equal(BookingStatus.Cancelled, bookings.Single(b => b.Id == seat.Id).Status);
        Assert.Single(bookings, b => b.Status == BookingStatus.Confirmed);
        Assert.Equal(1, await ConfirmedCountAsync(breakout.Id));

        var first = waiting[0];
        Assert.Contains("Confirmed", (await first.Client.GetPageAsync("/Breakouts/Bookings")).QuerySelector("#my-bookings .booking-status")!.TextContent);
        var mail = await app.WaitForMailAsync(m => m.To.ToString().Contains(first.User.Email!) && (m.Subject ?? "").StartsWith("A seat is yours"));
        Assert.Contains("Law enforcement cooperation", mail.TextBody);
        Assert.Contains("11:00", mail.TextBody);
        // The one who gave the seat up gets a confirmation.
        var confirmation = await app.WaitForMailAsync(m => m.To.ToString().Contains(holder.Email!) && (m.Subject ?? "").StartsWith("Booking cancelled"));
        Assert.Equal("Booking cancelled: Law enforcement cooperation", confirmation.Subject);
        Assert.Contains("is cancelled", confirmation.TextBody);
        Assert.Contains("/Breakouts/Bookings", mail.TextBody + mail.HtmlBody);
        for (var i = 1; i < waiting.Count; i++)
            Assert.Contains($"number {i}", (await waiting[i].Client.GetPageAsync("/Breakouts/Bookings")).QuerySelector("#my-bookings .booking-status")!.TextContent);
        foreach (var (_, client) in waiting) client.Dispose();
    }

    [Fact]
    public async Task A_registered_but_not_approved_delegate_is_told_why_and_a_forced_post_saves_nothing()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit);
        var organisation = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync();
        await app.RegisterAsync(user, summit.Id, organisation.Id); // pending
        using var client = await app.LogInAsync(user);

        var page = await client.GetPageAsync(BookingSteps.BookUrl(breakout.Id));
        Assert.Contains("not approved yet", page.QuerySelector($"#booking-state-{breakout.Id}")!.TextContent);
        Assert.Null(page.QuerySelector($"#book-form-{breakout.Id}"));

        var response = await client.PostWithTokenAsync(page, BookingSteps.BookUrl(breakout.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Only approved delegates", (await FormClient.ParseAsync(response)).Message(breakout.Id));
        Assert.Empty(await BookingsOfAsync(breakout.Id));
        Assert.Equal(0, await ConfirmedCountAsync(breakout.Id));
    }

    [Fact]
    public async Task A_user_not_registered_for_the_summit_is_told_why_and_a_forced_post_saves_nothing()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit);
        var (client, _) = await app.LoggedInUserAsync();
        using var _client = client;

        var page = await client.GetPageAsync(BookingSteps.BookUrl(breakout.Id));
        Assert.Contains("not registered for this summit", page.QuerySelector($"#booking-state-{breakout.Id}")!.TextContent);
        Assert.Null(page.QuerySelector($"#book-form-{breakout.Id}"));

        var response = await client.PostWithTokenAsync(page, BookingSteps.BookUrl(breakout.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Only approved delegates", (await FormClient.ParseAsync(response)).Message(breakout.Id));
        Assert.Empty(await BookingsOfAsync(breakout.Id));
    }

    [Fact]
    public async Task Cancelling_someone_elses_booking_is_not_found_and_changes_nothing()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 3);
        var (owner, ownerRegistration) = await app.ApprovedDelegateAsync(summit.Id);
        using var ownerClient = await app.LogInAsync(owner);
        await ownerClient.BookThroughPageAsync(breakout.Id);
        var (other, _) = await app.ApprovedDelegateAsync(summit.Id);
        using var otherClient = await app.LogInAsync(other);
        await otherClient.BookThroughPageAsync(breakout.Id);

        var bookings = await BookingsOfAsync(breakout.Id);
        var owners = bookings.Single(b => b.RegistrationId == ownerRegistration.Id);
        var others = bookings.Single(b => b.Id != owners.Id);
        var page = await otherClient.GetPageAsync("/Breakouts/Bookings");
        Assert.Null(page.QuerySelector($"#cancel-form-{owners.Id}")); // only their own bookings are listed
        var response = await otherClient.SubmitAsync(page, $"form#cancel-form-{others.Id}", new Dictionary<string, string> { ["bookingId"] = owners.Id.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var unknown = await otherClient.SubmitAsync(page, $"form#cancel-form-{others.Id}", new Dictionary<string, string> { ["bookingId"] = "987654" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        Assert.All(await BookingsOfAsync(breakout.Id), b => Assert.Equal(BookingStatus.Confirmed, b.Status));
        Assert.Equal(2, await ConfirmedCountAsync(breakout.Id));
    }

    [Fact]
    public async Task An_htmx_request_gets_only_the_button_partial_with_the_outcome()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, title: "Safety tech");
        var (user, _) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = await app.LogInAsync(user);
        var page = await client.GetPageAsync(BookingSteps.BookUrl(breakout.Id));
        var form = page.QuerySelector($"form#book-form-{breakout.Id}")!;
        Assert.Equal(BookingSteps.BookUrl(breakout.Id), form.GetAttribute("hx-post"));
        Assert.Equal($"#booking-{breakout.Id}", form.GetAttribute("hx-target"));
        Assert.Equal("outerHTML", form.GetAttribute("hx-swap"));

        client.Http.DefaultRequestHeaders.Add("HX-Request", "true");
        var response = await client.SubmitAsync(page, $"form#book-form-{breakout.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadAsStringAsync()).Trim();
        Assert.StartsWith($"<div id=\"booking-{breakout.Id}\"", body);
        Assert.DoesNotContain("<html", body);
        Assert.DoesNotContain("<nav", body);
        Assert.Contains("\"Safety tech\" is confirmed", (await FormClient.ParseAsync(response, body)).Message(breakout.Id));
        Assert.Single(await BookingsOfAsync(breakout.Id));
    }

    [Fact]
    public async Task Unknown_breakouts_and_draft_summits_breakouts_are_not_found()
    {
        var (client, _) = await app.LoggedInUserAsync();
        using var _client = client;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(BookingSteps.BookUrl(987654))).StatusCode);
        var mine = await client.GetPageAsync("/Breakouts/Bookings");
        Assert.NotNull(mine.QuerySelector("#no-bookings"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostWithTokenAsync(mine, BookingSteps.BookUrl(987654))).StatusCode);

        var draft = await app.WithDbAsync(async db =>
        {
            var summit = SampleSummit.Create(app.UtcNow);
            summit.Name = $"Draft {Guid.NewGuid():N}";
            db.Summits.Add(summit);
            await db.SaveChangesAsync();
            return summit;
        });
        var hidden = await app.CreateBreakoutAsync(draft);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(BookingSteps.BookUrl(hidden.Id))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_log_in()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit);
        using var anonymous = app.CreateFormClient();
        var response = await anonymous.GetAsync(BookingSteps.BookUrl(breakout.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }
}
