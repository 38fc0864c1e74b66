namespace WeProtect.Summit.Tests.Registration;

/// <summary>The tabs over a summit's registration pages mark the one the organiser is on, and only that one: the
/// registrations list and the invitations list are both an "Index" page, and a delegate's record or the correction
/// form belong to the registrations tab.</summary>
public class ManageTabsTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Each_page_marks_its_own_tab_as_the_current_page_and_no_other()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (_, registration) = await app.ApprovedDelegateAsync(summit.Id, "Tabbed Delegate");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var pages = new Dictionary<string, string>
        {
            [$"/Registration/Manage/Index/{summit.Id}"] = "nav-registrations",
            [$"/Registration/Manage/Delegate/{summit.Id}/{registration.Id}"] = "nav-registrations",
            [$"/Registration/Manage/Correct/{summit.Id}/{registration.Id}"] = "nav-registrations",
            [$"/Registration/Manage/Quotas/{summit.Id}"] = "nav-quotas",
            [$"/Registration/Manage/Questions/{summit.Id}"] = "nav-questions",
            [$"/Registration/Manage/Dashboard/{summit.Id}"] = "nav-dashboard",
            [$"/Registration/Manage/Needs/{summit.Id}"] = "nav-needs",
            [$"/Registration/Manage/Badges/{summit.Id}"] = "nav-badges",
            [$"/Registration/Manage/CheckIn/{summit.Id}"] = "nav-checkin",
            [$"/Registration/Manage/Messages/{summit.Id}"] = "nav-messages",
            [$"/Invitations/Manage/Index/{summit.Id}"] = "nav-invitations",
            [$"/Registration/Manage/CheckInStaff/{summit.Id}"] = "nav-checkin-staff",
            [$"/Registration/Manage/VisaLetters/{summit.Id}"] = "nav-visa-letters",
        };
        foreach (var (url, tab) in pages)
        {
            var page = await organiser.GetPageAsync(url);
            var current = page.QuerySelectorAll("nav .nav-tabs [aria-current=page]").Select(a => a.Id).ToList();
            Assert.True(current.SequenceEqual([tab]), $"{url}: the current tab is [{string.Join(", ", current)}], not {tab}");
            Assert.Equal(tab, page.QuerySelector("nav .nav-tabs .nav-link.active")!.Id);
        }
    }
}
