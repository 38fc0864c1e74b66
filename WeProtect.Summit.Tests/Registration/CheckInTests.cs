using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>The check-in desk through HTTP: the plain form (no JavaScript) and the htmx partial.</summary>
public class CheckInTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<(Data.Summits.Summit Summit, Registration Registration, SummitUser User)> ApprovedAsync(string name = "Kwame Mensah")
    {
        var summit = await app.CreateOpenSummitAsync();
        var org = await app.CreateOrganisationAsync("Republic of Ghana " + Guid.NewGuid().ToString("N")[..6], country: "GH");
        var user = await app.CreateUserAsync(fullName: name);
        var registration = await app.RegisterAsync(user, summit.Id, org.Id, DelegateCategory.Observer);
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        return (summit, registration, user);
    }

    private static async Task<IHtmlDocument> ScanAsync(FormClient desk, int summitId, string code)
    {
        var page = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summitId}");
        var (response, result) = await desk.SubmitAndFollowAsync(page, "form#checkin-form", new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return result;
    }

    private static string Outcome(IHtmlDocument page) => page.QuerySelector("#checkin-outcome")?.GetAttribute("data-outcome") ?? "<none>";

    [Fact]
    public async Task First_scan_checks_in_and_a_second_says_when()
    {
        var (summit, registration, user) = await ApprovedAsync();
        using var desk = await app.LoggedInClientAsync(Roles.Organiser);

        var before = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}");
        Assert.Equal("0 of 1 approved delegates checked in", before.QuerySelector("#checkin-count")?.TextContent.Trim());
        Assert.True(before.QuerySelector("#checkin-code")?.HasAttribute("autofocus"));

        var first = await ScanAsync(desk, summit.Id, $"  {registration.BadgeCode} ");
        Assert.Equal("CheckedIn", Outcome(first));
        Assert.Equal("Checked in", first.QuerySelector("#checkin-heading")?.TextContent.Trim());
        Assert.Equal(user.FullName, first.QuerySelector("#checkin-name")?.TextContent.Trim());
        Assert.StartsWith("Republic of Ghana", first.QuerySelector("#checkin-organisation")?.TextContent.Trim());
        Assert.Equal("Observer", first.QuerySelector("#checkin-category")?.TextContent.Trim());
        Assert.Equal("1 of 1 approved delegates checked in", first.QuerySelector("#checkin-count")?.TextContent.Trim());
        Assert.Equal("", first.QuerySelector("#checkin-code")?.GetAttribute("value"));

        var checkedInUtc = await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.CheckedInUtc).SingleAsync());
        Assert.NotNull(checkedInUtc);
        var local = summit.ToLocal(checkedInUtc.Value);

        var second = await ScanAsync(desk, summit.Id, registration.BadgeCode);
        Assert.Equal("AlreadyCheckedIn", Outcome(second));
        Assert.StartsWith($"Already checked in at {local:HH:mm}", second.QuerySelector("#checkin-heading")?.TextContent.Trim());
        Assert.Equal("1 of 1 approved delegates checked in", second.QuerySelector("#checkin-count")?.TextContent.Trim());

        // The second scan did not move the time, and the arrival is audited once.
        Assert.Equal(checkedInUtc, await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.CheckedInUtc).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "registration.checked-in" && e.SubjectId == registration.Id.ToString())));
    }

    [Fact]
    public async Task An_unknown_code_and_an_empty_one_are_said_so()
    {
        var (summit, _, _) = await ApprovedAsync();
        using var desk = await app.LoggedInClientAsync(Roles.Organiser);

        var unknown = await ScanAsync(desk, summit.Id, BadgeCodes.New());
        Assert.Equal("Unknown", Outcome(unknown));
        Assert.Equal("Unknown badge code", unknown.QuerySelector("#checkin-heading")?.TextContent.Trim());
        Assert.Equal("0 of 1 approved delegates checked in", unknown.QuerySelector("#checkin-count")?.TextContent.Trim());

        var typo = await ScanAsync(desk, summit.Id, "not-a-real-badge-code");
        Assert.Equal("NotABadgeCode", Outcome(typo));
        Assert.Equal("Not a badge code", typo.QuerySelector("#checkin-heading")?.TextContent.Trim());
        // A wrong scan of a whole page is not echoed whole.
        var pasted = await ScanAsync(desk, summit.Id, new string('x', 5000));
        Assert.Equal("NotABadgeCode", Outcome(pasted));
        Assert.Equal(new string('x', 40) + "…", pasted.QuerySelector("#checkin-result code")!.TextContent);

        var empty = await ScanAsync(desk, summit.Id, "   ");
        Assert.Equal("Empty", Outcome(empty));
    }

    [Fact]
    public async Task A_badge_of_another_summit_is_refused_with_that_summits_name()
    {
        var (other, registration, _) = await ApprovedAsync();
        var (summit, _, _) = await ApprovedAsync();
        using var desk = await app.LoggedInClientAsync(Roles.Organiser);

        var result = await ScanAsync(desk, summit.Id, registration.BadgeCode);
        Assert.Equal("Unknown", Outcome(result));
        Assert.Contains(other.Name, result.QuerySelector("#checkin-heading")?.TextContent);
        Assert.Null(await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.CheckedInUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_cancelled_registration_is_not_admitted()
    {
        var (summit, registration, user) = await ApprovedAsync("Cancelled Person");
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<RegistrationDesk>()
                .CancelAsync(registration.Id, user.Id, new AuditActor(user.Id, user.FullName))).Succeeded);
        var pending = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Pending Person"), summit.Id,
            (await app.CreateOrganisationAsync()).Id);
        using var desk = await app.LoggedInClientAsync(Roles.Organiser);

        var cancelled = await ScanAsync(desk, summit.Id, registration.BadgeCode);
        Assert.Equal("NotApproved", Outcome(cancelled));
        Assert.Equal("Registration cancelled: do not admit", cancelled.QuerySelector("#checkin-heading")?.TextContent.Trim());
        Assert.Equal("Cancelled Person", cancelled.QuerySelector("#checkin-name")?.TextContent.Trim());

        var notYet = await ScanAsync(desk, summit.Id, pending.BadgeCode);
        Assert.Equal("Not approved yet: do not admit", notYet.QuerySelector("#checkin-heading")?.TextContent.Trim());
        Assert.Null(await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.CheckedInUtc).SingleAsync()));
    }

    [Fact]
    public async Task An_htmx_scan_returns_only_the_result_a_fresh_field_and_the_figures()
    {
        var (summit, registration, user) = await ApprovedAsync();
        using var desk = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}");
        var token = page.QuerySelector("form#checkin-form input[name=__RequestVerificationToken]")?.GetAttribute("value")!;
        Assert.Equal($"/Registration/Manage/CheckIn/{summit.Id}", page.QuerySelector("form#checkin-form")?.GetAttribute("hx-post"));

        var request = new HttpRequestMessage(HttpMethod.Post, $"/Registration/Manage/CheckIn/{summit.Id}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Code"] = registration.BadgeCode }),
        };
        request.Headers.Add("HX-Request", "true");
        var response = await desk.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<nav", body, StringComparison.OrdinalIgnoreCase);
        var fragment = await FormClient.ParseAsync(response, body);
        Assert.Equal("CheckedIn", Outcome(fragment));
        Assert.Equal(user.FullName, fragment.QuerySelector("#checkin-name")?.TextContent.Trim());
        var field = fragment.QuerySelector("#checkin-code");
        Assert.Equal("true", field?.GetAttribute("hx-swap-oob"));
        Assert.True(field?.HasAttribute("autofocus"));
        Assert.Equal("", field?.GetAttribute("value"));
        Assert.Equal("true", fragment.QuerySelector("#checkin-figures")?.GetAttribute("hx-swap-oob"));
        Assert.Equal("1 of 1 approved delegates checked in", fragment.QuerySelector("#checkin-count")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_delegate_without_a_role_is_denied_the_desk()
    {
        var (summit, registration, _) = await ApprovedAsync();
        using var delegateClient = await app.LoggedInClientAsync();

        var get = await delegateClient.GetAsync($"/Registration/Manage/CheckIn/{summit.Id}");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Contains("/Account/AccessDenied", get.Headers.Location?.OriginalString);

        // Even a forged post (no token for this page) checks nobody in.
        var post = await delegateClient.Http.PostAsync($"/Registration/Manage/CheckIn/{summit.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = registration.BadgeCode }));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.CheckedInUtc).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_summit_is_404()
    {
        using var desk = await app.LoggedInClientAsync(Roles.Organiser);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync("/Registration/Manage/CheckIn/987654")).StatusCode);
    }
}
