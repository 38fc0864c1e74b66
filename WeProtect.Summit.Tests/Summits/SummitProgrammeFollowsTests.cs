using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Tests.Summits;

using WeProtect.Summit.Data.Summits;

/// <summary>A summit's time zone or days changed with its programme in place, through the summit form: breakouts keep
/// their local times (their delegates told), and a change that would leave one outside the summit is refused.</summary>
public class SummitProgrammeFollowsTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Errors(IHtmlDocument page) => string.Join(" | ",
        page.QuerySelectorAll(".validation-summary-errors li, .field-validation-error").Select(e => e.TextContent.Trim()));


    [Fact]
    public async Task A_new_time_zone_keeps_the_breakouts_at_their_local_times_and_tells_their_delegates()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Zone follows " + Guid.NewGuid().ToString("N")[..6]);
        var (delegateUser, _) = await app.ApprovedDelegateAsync(summit.Id, "Zone Delegate");
        var booking = (await app.BookAsync(breakout.Id, delegateUser)).Value!;
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var (_, page) = await client.SubmitAndFollowAsync(await client.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}"), "#summit-form",
            new Dictionary<string, string> { ["Input.TimeZoneId"] = "Europe/London" });
        Assert.Contains("1 breakout keeps its local time in the new time zone; 1 booking holders will be told", page.QuerySelector("#status")!.TextContent);

        var (saved, moved) = await app.WithDbAsync(async db => (await db.Summits.SingleAsync(s => s.Id == summit.Id), await db.Breakouts.SingleAsync(b => b.Id == breakout.Id)));
        Assert.Equal("Europe/London", saved.TimeZoneId);
        Assert.Equal("10:00", saved.ToLocal(moved.StartUtc).ToString("HH:mm"));
        Assert.Equal("11:00", saved.ToLocal(moved.EndUtc).ToString("HH:mm"));
        Assert.NotEqual(breakout.StartUtc, moved.StartUtc);
        Assert.Equal(1, moved.Sequence);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == NotificationKinds.BreakoutMoved && n.SubjectId == booking.Id)));
        Assert.Contains("breakout.moved", await app.AuditActionsAsync("Breakout", breakout.Id));
        var mail = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == delegateUser.Email) && (m.Subject ?? "").Contains("Breakout moved"));
        Assert.Contains("10:00–11:00 (Europe/London)", mail.TextBody);

        // The same zone again: nothing moves.
        (_, page) = await client.SubmitAndFollowAsync(await client.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}"), "#summit-form",
            new Dictionary<string, string> { ["Input.Theme"] = "Safety by design" });
        Assert.DoesNotContain("local time", page.QuerySelector("#status")!.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id).Select(b => b.Sequence).SingleAsync()));
    }

    [Fact]
    public async Task Shorter_days_that_would_leave_a_breakout_outside_are_refused_beside_the_day_with_the_form_kept()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Second day " + Guid.NewGuid().ToString("N")[..6]);
        await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.StartUtc, b => b.StartUtc.AddDays(1)).SetProperty(b => b.EndUtc, b => b.EndUtc.AddDays(1))));
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var refused = await FormClient.ParseAsync(await client.SubmitAsync(await client.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}"), "#summit-form",
            new Dictionary<string, string> { ["Input.EndDate"] = summit.StartDate.ToString("yyyy-MM-dd"), ["Input.Theme"] = "Kept theme" }));
        Assert.Contains($"1 breakout would fall outside these days: \"{breakout.Title}\" on {summit.EndDate:d MMMM yyyy}. Move or cancel it first.",
            refused.QuerySelector("[data-valmsg-for='Input.EndDate']")!.TextContent);
        Assert.Equal("Kept theme", refused.QuerySelector<IHtmlInputElement>("#Input_Theme")!.Value);
        var stored = await app.WithDbAsync(db => db.Summits.SingleAsync(s => s.Id == summit.Id));
        Assert.Equal(summit.EndDate, stored.EndDate);
        Assert.NotEqual("Kept theme", stored.Theme);

        // Once the breakout is cancelled, the days may shrink: a cancelled session holds no day.
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<BreakoutDesk>().CancelAsync(summit.Id, breakout.Id, null, new AuditActor(null, "Test organiser"))).Succeeded);
        var (_, saved) = await client.SubmitAndFollowAsync(await client.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}"), "#summit-form",
            new Dictionary<string, string> { ["Input.EndDate"] = summit.StartDate.ToString("yyyy-MM-dd") });
        Assert.Contains("Summit saved.", saved.QuerySelector("#status")!.TextContent);
    }

    [Fact]
    public async Task The_time_zone_cannot_change_once_the_programme_has_begun()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, startHour: 10, title: "Under way " + Guid.NewGuid().ToString("N")[..6]);
        // Under way now (written on the row: the app's clock is shared by this class's tests).
        await app.WithDbAsync(db => db.Breakouts.Where(b => b.Id == breakout.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.StartUtc, app.UtcNow.AddMinutes(-10))));
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var refused = await FormClient.ParseAsync(await client.SubmitAsync(await client.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}"), "#summit-form",
            new Dictionary<string, string> { ["Input.TimeZoneId"] = "Europe/London" }));
        Assert.Contains($"The programme has begun (\"{breakout.Title}\"): the time zone can no longer change.", Errors(refused));
        Assert.Equal("Asia/Dubai", await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).Select(s => s.TimeZoneId).SingleAsync()));
    }
}
