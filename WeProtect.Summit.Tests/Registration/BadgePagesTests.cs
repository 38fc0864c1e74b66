using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>Who gets which badge through HTTP, and the organisers' all-badges PDF.</summary>
public class BadgePagesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<(FormClient Client, SummitUser User, Registration Registration, Data.Summits.Summit Summit)> ApprovedDelegateAsync(
        string organisation = "Republic of Türkiye")
    {
        var summit = await app.CreateOpenSummitAsync();
        var org = await app.CreateOrganisationAsync($"{organisation} {Guid.NewGuid():N}"[..Math.Min(organisation.Length + 9, 200)], country: "TR");
        var (client, user) = await app.LoggedInUserAsync();
        var registration = await app.RegisterAsync(user, summit.Id, org.Id, DelegateCategory.HeadOfDelegation, minister: true);
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        return (client, user, registration, summit);
    }

    [Fact]
    public async Task The_owner_downloads_their_approved_badge()
    {
        var (client, user, registration, summit) = await ApprovedDelegateAsync();

        var response = await client.GetAsync($"/Registration/Badge/{registration.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith($"badge-{registration.Id}-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = Assert.Single(BadgePdfReader.PageTexts(pdf));
        Assert.Contains(user.FullName, text);
        Assert.Contains("Republic of Türkiye", text);
        Assert.Contains("Türkiye", text);
        Assert.Contains("HEAD OF DELEGATION", text);
        Assert.Contains("MINISTER", text);
        Assert.Contains(summit.Name, text);
        Assert.Contains(BadgeCodes.Display(registration.BadgeCode), text);
        Assert.All(BadgePdfReader.Fonts(pdf), f => Assert.True(f.Embedded, f.Name));
        var modules = BadgePdfReader.QrModules(pdf, 1, BadgePdf.QrPixelsPerModule);
        Assert.Equal(BadgePdfReader.Draw(BadgePdf.QrModules(registration.BadgeCode)), BadgePdfReader.Draw(modules));
    }

    [Fact]
    public async Task Another_user_gets_404_and_an_organiser_gets_the_badge()
    {
        var (_, user, registration, _) = await ApprovedDelegateAsync();

        using var stranger = await app.LoggedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Registration/Badge/{registration.Id}")).StatusCode);

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var response = await organiser.GetAsync($"/Registration/Badge/{registration.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(user.FullName, Assert.Single(BadgePdfReader.PageTexts(await response.Content.ReadAsByteArrayAsync())));

        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync("/Registration/Badge/987654")).StatusCode);
    }

    [Theory]
    [InlineData(RegistrationStatus.Pending, "waiting for the secretariat")]
    [InlineData(RegistrationStatus.Waitlisted, "waiting list")]
    [InlineData(RegistrationStatus.Rejected, "not approved")]
    [InlineData(RegistrationStatus.Cancelled, "cancelled")]
    public async Task A_registration_that_is_not_approved_has_no_badge(RegistrationStatus status, string message)
    {
        var summit = await app.CreateOpenSummitAsync();
        var org = await app.CreateOrganisationAsync();
        var (client, user) = await app.LoggedInUserAsync();
        var registration = await app.RegisterAsync(user, summit.Id, org.Id);
        if (status is RegistrationStatus.Waitlisted or RegistrationStatus.Rejected)
            Assert.True((await app.DecideAsync(registration.Id, status, "No place for this delegation.")).Succeeded);
        if (status == RegistrationStatus.Cancelled)
        {
            Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
            using var scope = app.Services.CreateScope();
            Assert.True((await scope.ServiceProvider.GetRequiredService<RegistrationDesk>()
                .CancelAsync(registration.Id, user.Id, new AuditActor(user.Id, user.FullName))).Succeeded);
        }

        var response = await client.GetAsync($"/Registration/Badge/{registration.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(BadgePdfReader.IsPdf(await response.Content.ReadAsByteArrayAsync()));
        var page = await FormClient.ParseAsync(response, body);
        Assert.Contains(message, page.QuerySelector("#badge-unavailable")?.TextContent ?? "<no message>");
    }

    [Fact]
    public async Task Organisers_download_every_approved_badge_sorted_by_organisation_then_name()
    {
        var summit = await app.CreateOpenSummitAsync();
        var zambia = await app.CreateOrganisationAsync("Zambia " + Guid.NewGuid().ToString("N")[..6], country: "ZM");
        var cote = await app.CreateOrganisationAsync("Côte d'Ivoire " + Guid.NewGuid().ToString("N")[..6], country: "CI");
        var approved = new List<(string Name, string Organisation)>();
        foreach (var (name, org, approve) in new[]
                 {
                     ("Yaw Mensah", zambia, true), ("Beatrice Phiri", zambia, true), ("Zoé Kouassi", cote, true),
                     ("Aya Traoré", cote, true), ("Pending Person", cote, false),
                 })
        {
            var user = await app.CreateUserAsync(fullName: name);
            var registration = await app.RegisterAsync(user, summit.Id, org.Id);
            if (approve)
            {
                Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
                approved.Add((name, org.FormalName));
            }
        }
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await organiser.GetPageAsync($"/Registration/Manage/Badges/{summit.Id}");
        Assert.Equal(4, page.QuerySelectorAll("#badge-table tbody tr").Length);
        var link = page.QuerySelector("#download-all")?.GetAttribute("href") ?? throw new Xunit.Sdk.XunitException("No download link");

        var response = await organiser.GetAsync(link);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pages = BadgePdfReader.PageTexts(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(4, pages.Count);
        // Côte d'Ivoire before Zambia, and by name within each.
        string[] order = ["Aya Traoré", "Zoé Kouassi", "Beatrice Phiri", "Yaw Mensah"];
        for (var i = 0; i < order.Length; i++) Assert.Contains(order[i], pages[i]);
        Assert.DoesNotContain(pages, p => p.Contains("Pending Person"));

        // A layout not in the list (a crafted or stale link) is refused, never printed as A6 nor recorded as a batch.
        foreach (var layout in new[] { "Poster", "99" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await organiser.GetAsync($"/Registration/Manage/Badges/{summit.Id}?handler=Pdf&layout={layout}")).StatusCode);
            var posted = await organiser.SubmitAsync(page, "#print-new", new Dictionary<string, string> { ["layout"] = layout });
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.BadgeBatches.CountAsync(b => b.SummitId == summit.Id)));
    }

    [Fact]
    public async Task A_summit_without_approved_delegates_gets_a_message_not_an_empty_PDF()
    {
        var summit = await app.CreateOpenSummitAsync();
        var org = await app.CreateOrganisationAsync();
        await app.RegisterAsync(await app.CreateUserAsync(), summit.Id, org.Id); // pending only
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await organiser.GetPageAsync($"/Registration/Manage/Badges/{summit.Id}");
        Assert.NotNull(page.QuerySelector("#no-badges"));
        Assert.Null(page.QuerySelector("#download-all"));

        var response = await organiser.GetAsync($"/Registration/Manage/Badges/{summit.Id}?handler=Pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No delegate is approved", await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync("/Registration/Manage/Badges/987654?handler=Pdf")).StatusCode);
    }

    [Fact]
    public async Task A_delegate_may_not_open_the_badge_printing_page()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var user = await app.LoggedInClientAsync();
        var response = await user.GetAsync($"/Registration/Manage/Badges/{summit.Id}?handler=Pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString);
    }
}
