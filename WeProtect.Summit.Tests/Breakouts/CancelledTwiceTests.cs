using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>A delegate's own cancel pressed again from a second tab (or a double click): done as asked, said as such,
/// nothing changed a second time — not a refusal, not "someone else changed it".</summary>
public class CancelledTwiceTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static void AssertDoneAlready(AngleSharp.Html.Dom.IHtmlDocument page, string what)
    {
        var status = page.QuerySelector("#status");
        Assert.Contains($"This {what} is already cancelled.", status?.TextContent);
        Assert.Contains("alert-success", status?.ClassName);
    }

    [Fact]
    public async Task A_booking_cancelled_from_two_tabs_is_cancelled_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Two tabs");
        var (me, _) = await app.ApprovedDelegateAsync(summit.Id);
        var seat = (await app.BookAsync(breakout.Id, me)).Value!;
        using var client = await app.LogInAsync(me);
        var first = await client.GetPageAsync("/Breakouts/Bookings");
        var second = await client.GetPageAsync("/Breakouts/Bookings");

        await client.SubmitAndFollowAsync(first, $"form#cancel-form-{seat.Id}");
        var (response, page) = await client.SubmitAndFollowAsync(second, $"form#cancel-form-{seat.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertDoneAlready(page, "booking");
        Assert.Equal(["booking.cancelled"], (await app.AuditActionsAsync("Booking", seat.Id)).Where(a => a == "booking.cancelled"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id).Select(b => b.ConfirmedCount).SingleAsync()));
    }

    [Fact]
    public async Task A_registration_cancelled_from_two_tabs_is_cancelled_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (me, registration) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = await app.LogInAsync(me);
        var first = await client.GetPageAsync($"/Registration/Details/{registration.Id}");
        var second = await client.GetPageAsync($"/Registration/Details/{registration.Id}");

        await client.SubmitAndFollowAsync(first, "#cancel-form");
        var (response, page) = await client.SubmitAndFollowAsync(second, "#cancel-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertDoneAlready(page, "registration");
        Assert.Equal(RegistrationStatus.Cancelled, await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.Status).SingleAsync()));
        Assert.Single(await app.AuditActionsAsync("Registration", registration.Id), a => a == "registration.cancelled");
    }
}
