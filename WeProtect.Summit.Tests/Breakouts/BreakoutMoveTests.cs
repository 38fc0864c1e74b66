using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Breakouts;

namespace WeProtect.Summit.Tests.Breakouts;

using WeProtect.Summit.Data.Summits;

/// <summary>Moving a breakout through the organisers' form when its seat holders have other seats, with more seats at
/// once, and to an evening that ends at midnight.</summary>
public class BreakoutMoveTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static Dictionary<string, string> Form(params (string Key, string Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private static string Errors(IHtmlDocument page) => string.Join(" | ",
        page.QuerySelectorAll(".validation-summary-errors li, .field-validation-error").Select(e => e.TextContent.Trim()));


    [Fact]
    public async Task A_move_onto_another_seat_of_its_delegates_waits_for_confirmation_and_then_asks_them_to_choose()
    {
        var summit = await app.CreateOpenSummitAsync();
        var moving = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Moving " + Guid.NewGuid().ToString("N")[..6]);
        var other = await app.CreateBreakoutAsync(summit, startHour: 14, title: "Afternoon " + Guid.NewGuid().ToString("N")[..6]);
        var (both, _) = await app.ApprovedDelegateAsync(summit.Id, "Two Seats");
        var (one, _) = await app.ApprovedDelegateAsync(summit.Id, "One Seat");
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(moving.Id, both)).Booked());
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(other.Id, both)).Booked());
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(moving.Id, one)).Booked());
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var edit = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{moving.Id}");
        Assert.Null(edit.QuerySelector("#confirm-clashes"));
        var refused = await FormClient.ParseAsync(await client.SubmitAsync(edit, "#breakout-form", Form(("Input.StartTime", "14:30"), ("Input.EndTime", "15:30"))));
        Assert.Contains($"1 delegate with a seat here also has a seat at \"{other.Title}\" at the new time.", Errors(refused));
        Assert.NotNull(refused.QuerySelector("#confirm-clashes"));
        Assert.Equal("14:30", refused.QuerySelector<IHtmlInputElement>("#Input_StartTime")!.Value);
        var stored = await app.WithDbAsync(db => db.Breakouts.SingleAsync(b => b.Id == moving.Id));
        Assert.Equal((moving.StartUtc, 0), (stored.StartUtc, stored.Sequence));

        // Confirmed: moved, and the delegate with both seats is asked to give one up; the other is not.
        var (_, page) = await client.SubmitAndFollowAsync(refused, "#breakout-form", Form(("Input.ConfirmClashes", "true")));
        Assert.Contains("moved; 2 delegates will be told by e-mail", page.QuerySelector("#status")!.TextContent);
        Assert.Equal("14:30", summit.ToLocal(await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == moving.Id).Select(b => b.StartUtc).SingleAsync())).ToString("HH:mm"));
        var asked = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == both.Email) && (m.Subject ?? "").Contains("Breakout moved"));
        Assert.Contains($"At that time you also have a seat at \"{other.Title}\": please give up one of the two seats.", asked.TextBody);
        var told = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == one.Email) && (m.Subject ?? "").Contains("Breakout moved"));
        Assert.DoesNotContain("also have a seat", told.TextBody);
        // "My breakouts" marks both seats until one is given up.
        using (var bothClient = await app.LogInAsync(both))
        {
            var mine = await bothClient.GetPageAsync("/Breakouts/Bookings");
            Assert.Equal(2, mine.QuerySelectorAll("#my-bookings [id^='clash-']").Length);
            var marks = string.Join(" | ", mine.QuerySelectorAll("#my-bookings [id^='clash-']").Select(e => e.TextContent));
            Assert.Contains($"At the same time as “{other.Title}”", marks);
            Assert.Contains($"At the same time as “{moving.Title}”", marks);
        }
        using (var oneClient = await app.LogInAsync(one))
            Assert.Empty((await oneClient.GetPageAsync("/Breakouts/Bookings")).QuerySelectorAll("#my-bookings [id^='clash-']"));

        // A move that splits nobody's seats goes through at once.
        edit = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{other.Id}");
        (_, page) = await client.SubmitAndFollowAsync(edit, "#breakout-form", Form(("Input.StartTime", "16:00"), ("Input.EndTime", "17:00")));
        Assert.Contains("moved; 1 delegate will be told", page.QuerySelector("#status")!.TextContent);
    }

    [Fact]
    public async Task A_move_with_more_seats_says_both_the_move_and_the_seats_given_to_the_waiting_list()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 1, startHour: 10);
        var (seated, _) = await app.ApprovedDelegateAsync(summit.Id, "Seated");
        var (waiting, _) = await app.ApprovedDelegateAsync(summit.Id, "Waiting");
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(breakout.Id, seated)).Booked());
        Assert.Equal(BookingStatus.Waitlisted, (await app.BookAsync(breakout.Id, waiting)).Booked());
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var edit = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{breakout.Id}");
        var (_, page) = await client.SubmitAndFollowAsync(edit, "#breakout-form",
            Form(("Input.StartTime", "11:00"), ("Input.EndTime", "12:00"), ("Input.Capacity", "2")));
        var status = page.QuerySelector("#status")!.TextContent;
        Assert.Contains("moved; 2 delegates will be told by e-mail.", status);
        Assert.Contains("1 delegate moved from the waiting list to a seat.", status);
    }

    [Fact]
    public async Task My_breakouts_offers_no_cancel_for_a_session_that_has_started()
    {
        var summit = await app.CreateOpenSummitAsync();
        var started = await app.CreateBreakoutAsync(summit, startHour: 10);
        var later = await app.CreateBreakoutAsync(summit, startHour: 14);
        var (user, _) = await app.ApprovedDelegateAsync(summit.Id, "Early Bird");
        var startedSeat = (await app.BookAsync(started.Id, user)).Value!;
        var laterSeat = (await app.BookAsync(later.Id, user)).Value!;
        // Under way now (written on the row: the app's clock is shared by this class's tests).
        await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == started.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.StartUtc, app.UtcNow.AddMinutes(-5))));
        using var client = await app.LogInAsync(user);

        var mine = await client.GetPageAsync("/Breakouts/Bookings");
        Assert.Null(mine.QuerySelector($"#cancel-{startedSeat.Id}"));
        Assert.Contains("Started: the seat can no longer be given up.", mine.QuerySelector($"#started-{startedSeat.Id}")!.TextContent);
        Assert.NotNull(mine.QuerySelector($"#cancel-form-{laterSeat.Id}"));
        Assert.Null(mine.QuerySelector($"#started-{laterSeat.Id}"));

        // Another delegate, without a seat: the session's page offers no booking form for it, and still one for the later one.
        var (other, _) = await app.ApprovedDelegateAsync(summit.Id, "Late Comer");
        using var otherClient = await app.LogInAsync(other);
        var session = await otherClient.GetPageAsync($"/Breakouts/Session/{started.Id}");
        Assert.Null(session.QuerySelector($"#book-form-{started.Id}"));
        Assert.Contains("This session has started", session.QuerySelector($"#booking-state-{started.Id}")!.TextContent);
        Assert.NotNull((await otherClient.GetPageAsync($"/Breakouts/Session/{later.Id}")).QuerySelector($"#book-form-{later.Id}"));
        // The holder's own page still says they have a seat.
        Assert.Contains("You have a seat.", (await client.GetPageAsync($"/Breakouts/Session/{started.Id}")).QuerySelector($"#booking-state-{started.Id}")!.TextContent);
    }

    [Fact]
    public async Task An_evening_session_may_end_at_midnight_on_the_last_day()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, startHour: 10);
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var edit = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{breakout.Id}");
        var (_, page) = await client.SubmitAndFollowAsync(edit, "#breakout-form",
            Form(("Input.Date", summit.EndDate.ToString("yyyy-MM-dd")), ("Input.StartTime", "22:00"), ("Input.EndTime", "00:00")));
        Assert.Contains("moved", page.QuerySelector("#status")!.TextContent);
        var stored = await app.WithDbAsync(db => db.Breakouts.SingleAsync(b => b.Id == breakout.Id));
        Assert.Equal(summit.EndDate.AddDays(1).ToDateTime(TimeOnly.MinValue), summit.ToLocal(stored.EndUtc));
        // The form shows it as it was entered.
        edit = await client.GetPageAsync($"/Breakouts/Manage/Edit/{summit.Id}/{breakout.Id}");
        Assert.Equal(summit.EndDate.ToString("yyyy-MM-dd"), edit.QuerySelector<IHtmlInputElement>("#Input_Date")!.Value);
        Assert.Equal("00:00", edit.QuerySelector<IHtmlInputElement>("#Input_EndTime")!.Value);

        // An end before the start other than midnight is still refused.
        var refused = await FormClient.ParseAsync(await client.SubmitAsync(edit, "#breakout-form", Form(("Input.StartTime", "22:00"), ("Input.EndTime", "21:00"))));
        Assert.Contains("The breakout must end after it starts.", Errors(refused));
    }
}
