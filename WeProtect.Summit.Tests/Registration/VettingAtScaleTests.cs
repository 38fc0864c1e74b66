using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Registration;

using IndexModel = WeProtect.Summit.Web.Pages.Registration.Manage.IndexModel;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>The vetting queue with thousands of registrations: one page of rows at a time, filters and order applied
/// by the server, and "select all N matching this filter" deciding on every page at once.</summary>
public class VettingAtScaleTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private const int Registrations = 4000;

    private static string Queue(int summitId, string query = "") => $"/Registration/Manage/Index/{summitId}{query}";

    /// <summary>Rows written directly (the desk's rules are not the subject here): 40 organisations, 100 each.</summary>
    private async Task<(Data.Summits.Summit Summit, List<Organisation> Organisations)> SummitWithRegistrationsAsync()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 5000);
        var organisations = new List<Organisation>();
        for (var i = 0; i < 40; i++)
            organisations.Add(await app.CreateOrganisationAsync($"Ministry {i:00} {Guid.NewGuid():N}"[..20], i % 4 == 0 ? Sector.CivilSociety : Sector.Government, i % 2 == 0 ? "KE" : "GB"));
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < Registrations; i++)
            {
                var email = $"scale-{Guid.NewGuid():N}@example.org";
                var user = new SummitUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
                    FullName = $"Delegate {i:0000}", CreatedUtc = app.UtcNow, SecurityStamp = Guid.NewGuid().ToString() };
                db.Users.Add(user);
                db.Registrations.Add(new Data.Registrations.Registration
                {
                    SummitId = summit.Id, User = user, OrganisationId = organisations[i % 40].Id, FullName = user.FullName,
                    Position = "Adviser on online safety policy", Category = DelegateCategory.Delegate, CreatedUtc = app.UtcNow.AddSeconds(-i),
                    AccessNeeds = i == 7 ? "Sign language interpretation" : null,
                });
            }
            await db.SaveChangesAsync();
        });
        return (summit, organisations);
    }

    [Fact]
    public async Task Four_thousand_registrations_page_sort_filter_and_select_all_matching_decides_on_every_page()
    {
        var (summit, organisations) = await SummitWithRegistrationsAsync();
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var response = await client.GetAsync(Queue(summit.Id));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Length < 150_000, $"The queue page is {html.Length:N0} characters");
        var page = await FormClient.ParseAsync(response, html);
        Assert.Equal(IndexModel.PageSize, page.QuerySelectorAll("#queue-table tbody tr").Length);
        Assert.Equal("4000", page.QuerySelector("[data-match-count]")!.GetAttribute("data-match-count"));
        Assert.Contains($"Page 1 of {Registrations / IndexModel.PageSize}", page.QuerySelector("#queue-page")!.TextContent);
        Assert.NotNull(page.QuerySelector("#queue-pager a[hx-get][href*='p=2']"));

        // Order by name, page 2 starts with the first name after page 1's.
        var byName = await client.GetPageAsync(Queue(summit.Id, "?sort=name&p=2"));
        Assert.Equal($"Delegate {IndexModel.PageSize:0000}", byName.QuerySelector("#queue-table tbody tr .delegate-name")!.TextContent.Trim());
        // The answers that matter for vetting are in the row.
        var needs = await client.GetPageAsync(Queue(summit.Id, "?q=Delegate%200007"));
        Assert.Contains("Sign language interpretation", needs.QuerySelector("#queue-table .access-needs")!.TextContent);

        // One organisation (100 registrations, on two pages), everything selected at once.
        var target = organisations[3];
        var filtered = await client.GetPageAsync(Queue(summit.Id, $"?organisation={target.Id}"));
        Assert.Equal("100", filtered.QuerySelector("[data-match-count]")!.GetAttribute("data-match-count"));
        Assert.Equal(IndexModel.PageSize, filtered.QuerySelectorAll("#queue-table tbody tr").Length);
        Assert.Contains("Select all 100", filtered.QuerySelector("#bulk-all-label")!.TextContent);
        ((IHtmlInputElement)filtered.QuerySelector("#bulk-all")!).IsChecked = true;
        var (decided, shown) = await client.SubmitAndFollowAsync(filtered, "#bulk-form", new Dictionary<string, string> { ["bulkDecision"] = "Approved" });

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("100 registrations approved.", shown.QuerySelector("#decision-summary")?.TextContent.Trim());
        var (approved, otherApproved, counter) = await app.WithDbAsync(async db => (
            await db.Registrations.CountAsync(r => r.SummitId == summit.Id && r.OrganisationId == target.Id && r.Status == RegistrationStatus.Approved),
            await db.Registrations.CountAsync(r => r.SummitId == summit.Id && r.OrganisationId != target.Id && r.Status == RegistrationStatus.Approved),
            await db.Summits.Where(s => s.Id == summit.Id).Select(s => s.ApprovedCount).SingleAsync()));
        Assert.Equal(100, approved);
        Assert.Equal(0, otherApproved);
        Assert.Equal(100, counter);
        Assert.True(shown.DocumentElement.OuterHtml.Length < 150_000);

        // The summit now full, a hundred refusals, each naming its delegate: the report carried over the redirect is cut
        // to its first lines and says how many more there are.
        await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.DelegateCapacity, 100)));
        var other = await client.GetPageAsync(Queue(summit.Id, $"?organisation={organisations[4].Id}"));
        ((IHtmlInputElement)other.QuerySelector("#bulk-all")!).IsChecked = true;
        var posted = await client.SubmitAsync(other, "#bulk-form", new Dictionary<string, string> { ["bulkDecision"] = "Approved" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        // Small enough for any server's request headers when the browser sends it back.
        Assert.InRange(posted.Headers.GetValues("Set-Cookie").Sum(c => c.Length), 1, 4096);
        var full = await client.GetPageAsync(posted.Headers.Location!.OriginalString);
        var lines = full.QuerySelectorAll("#decision-report li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(IndexModel.StoredReportLines + 1, lines.Count);
        Assert.Contains("and 80 more", lines[^1]);
        Assert.All(lines.Take(IndexModel.StoredReportLines), l => Assert.Contains("The summit is full", l));
    }

    [Fact]
    public async Task Select_all_refuses_when_the_filter_matches_a_different_number_than_the_organiser_saw()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 50);
        var organisation = await app.CreateOrganisationAsync();
        for (var i = 0; i < 3; i++) await app.RegisterAsync(await app.CreateUserAsync(fullName: $"Seen {i}"), summit.Id, organisation.Id);
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Queue(summit.Id, "?status=Pending"));
        await app.RegisterAsync(await app.CreateUserAsync(fullName: "Arrived Meanwhile"), summit.Id, organisation.Id);

        ((IHtmlInputElement)page.QuerySelector("#bulk-all")!).IsChecked = true;
        var (_, shown) = await client.SubmitAndFollowAsync(page, "#bulk-form", new Dictionary<string, string> { ["bulkDecision"] = "Approved" });

        Assert.Contains("now matches 4 registrations, not 3", shown.QuerySelector("#decision-report")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Registrations.CountAsync(r => r.SummitId == summit.Id && r.Status == RegistrationStatus.Approved)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).Select(s => s.ApprovedCount).SingleAsync()));
    }
}
