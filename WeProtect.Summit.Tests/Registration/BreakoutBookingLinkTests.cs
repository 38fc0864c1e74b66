namespace WeProtect.Summit.Tests.Registration;

/// <summary>A delegate's own registration page links to the agenda, where breakouts are booked, once they are
/// approved and the summit has breakouts; not before, and not for a summit without any. Over HTTP.</summary>
public class BreakoutBookingLinkTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task An_approved_delegate_of_a_summit_with_breakouts_is_linked_to_book_them()
    {
        var summit = await app.CreateOpenSummitAsync();
        await app.CreateBreakoutAsync(summit);
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id);
        var client = await app.LogInAsync(user);

        var page = await client.GetPageAsync($"/Registration/Details/{registration.Id}");

        var link = page.QuerySelector("#book-breakouts-link");
        Assert.NotNull(link);
        Assert.Equal($"/Breakouts/Agenda/{summit.Id}", link!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link.GetAttribute("href")!)).StatusCode);
    }

    [Fact]
    public async Task No_link_before_approval_nor_for_a_summit_without_breakouts()
    {
        var withBreakouts = await app.CreateOpenSummitAsync();
        await app.CreateBreakoutAsync(withBreakouts);
        var pendingUser = await app.CreateUserAsync(fullName: "Pending Delegate");
        var pending = await app.RegisterAsync(pendingUser, withBreakouts.Id, (await app.CreateOrganisationAsync()).Id);
        Assert.Null((await (await app.LogInAsync(pendingUser)).GetPageAsync($"/Registration/Details/{pending.Id}")).QuerySelector("#book-breakouts-link"));

        var without = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(without.Id);
        Assert.Null((await (await app.LogInAsync(user)).GetPageAsync($"/Registration/Details/{registration.Id}")).QuerySelector("#book-breakouts-link"));
    }
}
