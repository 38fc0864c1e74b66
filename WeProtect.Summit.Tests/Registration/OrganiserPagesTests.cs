using System.Globalization;
using AngleSharp.Html.Dom;
using CsvHelper;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>The organisers' registration pages, driven through HTTP as a browser without JavaScript would.</summary>
public class OrganiserPagesTests : IClassFixture<SummitAppFactory>
{
    private readonly SummitAppFactory app;

    public OrganiserPagesTests(SummitAppFactory app) => this.app = app;

    private static string Queue(int summitId, string query = "") => $"/Registration/Manage/Index/{summitId}{query}";

    private async Task<(SummitUser User, Data.Registrations.Registration Registration)> DelegateAsync(int summitId, int organisationId,
        string name, DelegateCategory category = DelegateCategory.Delegate, bool minister = false)
    {
        var user = await app.CreateUserAsync(fullName: name);
        return (user, await app.RegisterAsync(user, summitId, organisationId, category, minister));
    }

    private Task<Data.Registrations.Registration> ReloadAsync(int id) =>
        app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<List<string>> AuditActionsAsync(string subjectType, int id) =>
        app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.SubjectType == subjectType && e.SubjectId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());

    private static string Report(IHtmlDocument page) => page.QuerySelector("#decision-report")?.TextContent ?? "";

    [Fact]
    public async Task Organisers_approving_the_last_place_at_once_let_exactly_one_through_and_the_others_are_told_it_is_full()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 1);
        var organisation = await app.CreateOrganisationAsync();
        var registrations = new List<Data.Registrations.Registration>();
        for (var i = 0; i < 4; i++) registrations.Add((await DelegateAsync(summit.Id, organisation.Id, $"Racer {i}")).Registration);
        var organisers = new List<FormClient>();
        var pages = new List<IHtmlDocument>();
        foreach (var _ in registrations)
        {
            var client = await app.LoggedInClientAsync(Roles.Organiser);
            organisers.Add(client);
            pages.Add(await client.GetPageAsync(Queue(summit.Id)));
        }

        var responses = await Task.WhenAll(registrations.Select((r, i) => Task.Run(async () =>
        {
            var response = await organisers[i].SubmitAsync(pages[i], $"#decide-{r.Id}", submitter: $"#approve-{r.Id}");
            return (response, await FormClient.ParseAsync(response));
        })));

        var bodies = new List<string>();
        foreach (var (response, page) in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(Report(page));
        }
        var (approved, count) = await app.WithDbAsync(async db => (
            await db.Registrations.CountAsync(r => r.SummitId == summit.Id && r.Status == RegistrationStatus.Approved),
            await db.Summits.Where(s => s.Id == summit.Id).Select(s => s.ApprovedCount).SingleAsync()));
        Assert.Equal(1, approved);
        Assert.Equal(1, count);
        Assert.Single(bodies, b => b.Contains(": approved."));
        Assert.Equal(registrations.Count - 1, bodies.Count(b => b.Contains("The summit is full")));
        foreach (var client in organisers) client.Dispose();
    }

    [Fact]
    public async Task Decisions_one_at_a_time_change_the_status_record_an_audit_event_and_tell_the_delegate()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 10);
        var organisation = await app.CreateOrganisationAsync();
        var (ada, approveMe) = await DelegateAsync(summit.Id, organisation.Id, "Ada Approved");
        var (wim, waitMe) = await DelegateAsync(summit.Id, organisation.Id, "Wim Waiting");
        var (rex, rejectMe) = await DelegateAsync(summit.Id, organisation.Id, "Rex Rejected");
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        // A rejection needs a reason: without one nothing changes.
        var page = await client.GetPageAsync(Queue(summit.Id));
        var (response, shown) = await client.SubmitAndFollowAsync(page, $"#decide-{rejectMe.Id}", submitter: $"#reject-{rejectMe.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("reason for the rejection", Report(shown));
        Assert.Equal(RegistrationStatus.Pending, (await ReloadAsync(rejectMe.Id)).Status);

        (_, shown) = await client.SubmitAndFollowAsync(shown, $"#decide-{approveMe.Id}", submitter: $"#approve-{approveMe.Id}");
        Assert.Contains("Ada Approved: approved.", Report(shown));
        (_, shown) = await client.SubmitAndFollowAsync(shown, $"#decide-{waitMe.Id}", submitter: $"#waitlist-{waitMe.Id}");
        Assert.Contains("Wim Waiting: waitlisted.", Report(shown));
        (_, shown) = await client.SubmitAndFollowAsync(shown, $"#decide-{rejectMe.Id}",
            new Dictionary<string, string> { ["reason"] = "Registration is by invitation of a member government." }, submitter: $"#reject-{rejectMe.Id}");
        Assert.Contains("Rex Rejected: rejected.", Report(shown));

        Assert.Equal(RegistrationStatus.Approved, (await ReloadAsync(approveMe.Id)).Status);
        Assert.Equal(RegistrationStatus.Waitlisted, (await ReloadAsync(waitMe.Id)).Status);
        var rejected = await ReloadAsync(rejectMe.Id);
        Assert.Equal(RegistrationStatus.Rejected, rejected.Status);
        Assert.Equal("Registration is by invitation of a member government.", rejected.DecisionReason);
        Assert.Equal(1, await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).Select(s => s.ApprovedCount).SingleAsync()));
        Assert.Contains("registration.approved", await AuditActionsAsync("Registration", approveMe.Id));
        Assert.Contains("registration.waitlisted", await AuditActionsAsync("Registration", waitMe.Id));
        Assert.Contains("registration.rejected", await AuditActionsAsync("Registration", rejectMe.Id));
        Assert.Equal("1", shown.QuerySelector("#status-counts [data-status=Approved]")?.TextContent);

        await app.WaitForMailAsync(m => m.Subject == $"Registration approved: {summit.Name}" && m.To.ToString().Contains(ada.Email!));
        await app.WaitForMailAsync(m => m.Subject == $"On the waiting list: {summit.Name}" && m.To.ToString().Contains(wim.Email!));
        var rejection = await app.WaitForMailAsync(m => m.Subject == $"Registration not accepted: {summit.Name}" && m.To.ToString().Contains(rex.Email!));
        Assert.Contains("Registration is by invitation of a member government.", rejection.TextBody);
    }

    [Fact]
    public async Task Bulk_approval_reports_who_could_not_be_approved_when_the_summit_fills()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 2);
        var organisation = await app.CreateOrganisationAsync();
        var people = new List<Data.Registrations.Registration>();
        foreach (var name in new[] { "Bulk One", "Bulk Two", "Bulk Three" })
        {
            people.Add((await DelegateAsync(summit.Id, organisation.Id, name)).Registration);
            app.Clock.Advance(TimeSpan.FromSeconds(1)); // one after another: the queue is in order of registration
        }
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Queue(summit.Id));
        foreach (var r in people) ((IHtmlInputElement)page.QuerySelector($"#select-{r.Id}")!).IsChecked = true;

        var posted = await client.SubmitAsync(page, "#bulk-form", new Dictionary<string, string> { ["bulkDecision"] = "Approved" });
        // Post, redirect, get: reloading the list shows the report again, it does not post the decisions again.
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.DoesNotContain("handler=", posted.Headers.Location!.OriginalString);
        var response = await client.GetAsync(posted.Headers.Location.OriginalString);
        var shown = await FormClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2 registrations approved; 1 registration not approved:", shown.QuerySelector("#decision-summary")?.TextContent.Trim());
        Assert.Null((await client.GetPageAsync(posted.Headers.Location.OriginalString)).QuerySelector("#decision-summary"));
        var refused = Assert.Single(shown.QuerySelectorAll("#decision-report .decision-refused"));
        Assert.Contains("Bulk Three", refused.TextContent);
        Assert.Contains("The summit is full", refused.TextContent);
        Assert.Equal(RegistrationStatus.Pending, (await ReloadAsync(people[2].Id)).Status);

        // Waitlisted, then approved while the summit is still full: told that they stay on the waiting list.
        Assert.True((await app.DecideAsync(people[2].Id, RegistrationStatus.Waitlisted)).Succeeded);
        var stays = await app.DecideAsync(people[2].Id, RegistrationStatus.Approved);
        Assert.False(stays.Succeeded);
        Assert.Contains("stays on the waiting list", stays.Message);
        Assert.DoesNotContain("Waitlist them instead", stays.Message);
        Assert.Equal(2, await app.WithDbAsync(db => db.Registrations.CountAsync(r => r.SummitId == summit.Id && r.Status == RegistrationStatus.Approved)));
    }

    [Fact]
    public async Task A_refused_bulk_decision_shows_the_decision_the_reason_and_the_selection_again()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 5);
        var organisation = await app.CreateOrganisationAsync();
        var a = (await DelegateAsync(summit.Id, organisation.Id, "Kept A")).Registration;
        var b = (await DelegateAsync(summit.Id, organisation.Id, "Kept B")).Registration;
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Queue(summit.Id));
        ((IHtmlInputElement)page.QuerySelector($"#select-{a.Id}")!).IsChecked = true;

        // A rejection without a reason: the decision and the ticked row come back.
        var (_, shown) = await client.SubmitAndFollowAsync(page, "#bulk-form", new Dictionary<string, string> { ["bulkDecision"] = "Rejected" });
        Assert.Contains("reason for the rejection", Report(shown));
        Assert.Equal("Rejected", ((IHtmlSelectElement)shown.QuerySelector("#bulk-decision")!).Value);
        Assert.True(((IHtmlInputElement)shown.QuerySelector($"#select-{a.Id}")!).IsChecked);
        Assert.False(((IHtmlInputElement)shown.QuerySelector($"#select-{b.Id}")!).IsChecked);

        // Nothing ticked: the decision and the reason typed come back.
        ((IHtmlInputElement)shown.QuerySelector($"#select-{a.Id}")!).IsChecked = false;
        (_, shown) = await client.SubmitAndFollowAsync(shown, "#bulk-form", new Dictionary<string, string> { ["bulkReason"] = "Registered twice" });
        Assert.Contains("Select at least one registration", Report(shown));
        Assert.Equal("Rejected", ((IHtmlSelectElement)shown.QuerySelector("#bulk-decision")!).Value);
        Assert.Equal("Registered twice", ((IHtmlInputElement)shown.QuerySelector("#bulk-reason")!).Value);

        // With both back in the form, ticking a row is all that is left to do.
        ((IHtmlInputElement)shown.QuerySelector($"#select-{b.Id}")!).IsChecked = true;
        await client.SubmitAndFollowAsync(shown, "#bulk-form");
        Assert.Equal(RegistrationStatus.Rejected, (await ReloadAsync(b.Id)).Status);
        Assert.Equal(RegistrationStatus.Pending, (await ReloadAsync(a.Id)).Status);
    }

    [Fact]
    public async Task Bulk_rejection_without_a_reason_changes_nothing_and_says_so_once()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 5);
        var organisation = await app.CreateOrganisationAsync();
        var a = (await DelegateAsync(summit.Id, organisation.Id, "No Reason A")).Registration;
        var b = (await DelegateAsync(summit.Id, organisation.Id, "No Reason B")).Registration;
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Queue(summit.Id));
        ((IHtmlInputElement)page.QuerySelector($"#select-{a.Id}")!).IsChecked = true;
        ((IHtmlInputElement)page.QuerySelector($"#select-{b.Id}")!).IsChecked = true;

        var (_, shown) = await client.SubmitAndFollowAsync(page, "#bulk-form", new Dictionary<string, string> { ["bulkDecision"] = "Rejected" });

        Assert.Single(shown.QuerySelectorAll("#decision-report .decision-refused"));
        Assert.Contains("reason for the rejection", Report(shown));
        Assert.Equal(RegistrationStatus.Pending, (await ReloadAsync(a.Id)).Status);
        Assert.Equal(RegistrationStatus.Pending, (await ReloadAsync(b.Id)).Status);
    }

    [Fact]
    public async Task A_decision_on_a_registration_that_changed_since_the_page_was_loaded_is_refused()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 5);
        var organisation = await app.CreateOrganisationAsync();
        var r = (await DelegateAsync(summit.Id, organisation.Id, "Changing Mind")).Registration;
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Queue(summit.Id));
        Assert.True((await app.DecideAsync(r.Id, RegistrationStatus.Waitlisted)).Succeeded); // another organiser, meanwhile

        var (response, shown) = await client.SubmitAndFollowAsync(page, $"#decide-{r.Id}", submitter: $"#approve-{r.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed", Report(shown));
        Assert.Equal(RegistrationStatus.Waitlisted, (await ReloadAsync(r.Id)).Status);
    }

    /// <summary>A double click: the second post is stale but asks for what is already so, and is answered as done,
    /// without a second audit event or letter. Asking for something else from the same stale page stays a conflict.</summary>
    [Fact]
    public async Task Approving_twice_from_the_same_page_is_done_once_and_said_as_done()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 5);
        var organisation = await app.CreateOrganisationAsync();
        var r = (await DelegateAsync(summit.Id, organisation.Id, "Double Click")).Registration;
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Queue(summit.Id));

        await client.SubmitAndFollowAsync(page, $"#decide-{r.Id}", submitter: $"#approve-{r.Id}");
        var (response, shown) = await client.SubmitAndFollowAsync(page, $"#decide-{r.Id}", submitter: $"#approve-{r.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Someone else", Report(shown));
        Assert.Single(shown.QuerySelectorAll("#decision-report .decision-done"));
        Assert.Empty(shown.QuerySelectorAll("#decision-report .decision-refused"));
        Assert.Equal(RegistrationStatus.Approved, (await ReloadAsync(r.Id)).Status);
        Assert.Single(await app.AuditActionsAsync("Registration", r.Id), a => a == "registration.approved");
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == Data.Notifications.NotificationKinds.RegistrationDecision && n.SubjectId == r.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).Select(s => s.ApprovedCount).SingleAsync()));

        (response, shown) = await client.SubmitAndFollowAsync(page, $"#decide-{r.Id}", new Dictionary<string, string> { ["reason"] = "Changed our mind" },
            submitter: $"#reject-{r.Id}");
        Assert.Contains("Someone else changed", Report(shown));
        Assert.Equal(RegistrationStatus.Approved, (await ReloadAsync(r.Id)).Status);
    }

    [Theory]
    [InlineData("id", "424242")]
    [InlineData("version", "not-a-guid")]
    [InlineData("decision", "Cancelled")]
    [InlineData("decision", "7")]
    public async Task Tampered_decisions_are_refused_with_a_message(string field, string value)
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 5);
        var organisation = await app.CreateOrganisationAsync();
        var r = (await DelegateAsync(summit.Id, organisation.Id, "Tampered With")).Registration;
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Queue(summit.Id));

        var response = await client.SubmitAsync(page, $"#decide-{r.Id}", new Dictionary<string, string> { [field] = value },
            submitter: field == "decision" ? null : $"#approve-{r.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Report(await FormClient.ParseAsync(response)).Trim());
        Assert.Equal(RegistrationStatus.Pending, (await ReloadAsync(r.Id)).Status);
    }

    [Fact]
    public async Task A_registration_of_another_summit_cannot_be_decided_through_this_summits_page()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 5);
        var other = await app.CreateOpenSummitAsync(capacity: 5);
        var organisation = await app.CreateOrganisationAsync();
        var here = (await DelegateAsync(summit.Id, organisation.Id, "Here")).Registration;
        var there = (await DelegateAsync(other.Id, organisation.Id, "There")).Registration;
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Queue(summit.Id));

        var (_, shown) = await client.SubmitAndFollowAsync(page, $"#decide-{here.Id}",
            new Dictionary<string, string> { ["id"] = there.Id.ToString(CultureInfo.InvariantCulture), ["version"] = there.Version.ToString() },
            submitter: $"#approve-{here.Id}");

        Assert.Contains("no such registration at this summit", Report(shown));
        Assert.Equal(RegistrationStatus.Pending, (await ReloadAsync(there.Id)).Status);
    }

    [Fact]
    public async Task Filters_and_search_narrow_the_table_and_htmx_gets_only_the_results()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 10);
        var kenya = await app.CreateOrganisationAsync("Republic of Kenya " + Guid.NewGuid().ToString("N")[..6], Sector.Government, "KE");
        var company = await app.CreateOrganisationAsync("Safe Tech " + Guid.NewGuid().ToString("N")[..6], Sector.PrivateSector, "US");
        var minister = (await DelegateAsync(summit.Id, kenya.Id, "Wanjiru Minister", DelegateCategory.HeadOfDelegation, minister: true)).Registration;
        var official = (await DelegateAsync(summit.Id, kenya.Id, "Otieno Official")).Registration;
        var (engineerUser, engineer) = await DelegateAsync(summit.Id, company.Id, "Émile Engineer", DelegateCategory.Observer);
        Assert.True((await app.DecideAsync(official.Id, RegistrationStatus.Approved)).Succeeded);
        await app.WithDbAsync(async db =>
        {
            Assert.Null((await db.Users.SingleAsync(u => u.Id == engineerUser.Id)).PreferLanguage("fr"));
            await db.SaveChangesAsync();
        });
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        async Task<List<int>> IdsAsync(string query) =>
            (await client.GetPageAsync(Queue(summit.Id, query))).QuerySelectorAll("#queue-table tbody tr")
                .Select(tr => int.Parse(tr.GetAttribute("data-id")!, CultureInfo.InvariantCulture)).Order().ToList();

        Assert.Equal(new[] { minister.Id, official.Id, engineer.Id }.Order(), await IdsAsync(""));
        Assert.Equal([official.Id], await IdsAsync("?status=Approved"));
        Assert.Equal([engineer.Id], await IdsAsync("?sector=PrivateSector"));
        Assert.Equal(new[] { minister.Id, official.Id }.Order(), await IdsAsync("?country=KE"));
        Assert.Equal([engineer.Id], await IdsAsync("?category=Observer"));
        Assert.Equal([minister.Id], await IdsAsync("?minister=yes"));
        // The language their e-mails are in: their own choice, or the summit's when they made none.
        Assert.Equal("en", summit.DefaultLanguage);
        Assert.Equal([engineer.Id], await IdsAsync("?reads=fr"));
        Assert.Equal(new[] { minister.Id, official.Id }.Order(), await IdsAsync("?reads=en"));
        Assert.Equal([engineer.Id], await IdsAsync("?q=emile")); // accents and case do not matter
        Assert.Equal([minister.Id], await IdsAsync("?country=KE&category=HeadOfDelegation&status=Pending"));
        Assert.Empty(await IdsAsync("?q=nobody-at-all"));
        // Nonsense in a filter is ignored, not a 500.
        Assert.Equal(3, (await IdsAsync("?status=99&sector=x&country=ZZ&category=%3Cscript%3E&minister=maybe&reads=xx")).Count);

        // The form that filters is a plain GET form, enhanced by htmx.
        var page = await client.GetPageAsync(Queue(summit.Id));
        var form = page.QuerySelector("form#queue-filter")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("#queue-results", form.GetAttribute("hx-target"));

        var request = new HttpRequestMessage(HttpMethod.Get, Queue(summit.Id, "?status=Approved"));
        request.Headers.Add("HX-Request", "true");
        var partial = await client.Http.SendAsync(request);
        var html = await partial.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.DoesNotContain("<html", html);
        Assert.DoesNotContain("queue-filter", html);
        Assert.Contains("Otieno Official", html);
        Assert.DoesNotContain("Wanjiru Minister", html);
    }

    [Fact]
    public async Task Quotas_are_created_refused_when_they_clash_or_go_below_approvals_and_hold_approvals_back()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 50);
        var organisation = await app.CreateOrganisationAsync();
        var first = (await DelegateAsync(summit.Id, organisation.Id, "Quota First")).Registration;
        var second = (await DelegateAsync(summit.Id, organisation.Id, "Quota Second")).Registration;
        Assert.True((await app.DecideAsync(first.Id, RegistrationStatus.Approved)).Succeeded); // before the quota exists
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var url = $"/Registration/Manage/Quotas/{summit.Id}";

        var page = await client.GetPageAsync(url);
        var (_, shown) = await client.SubmitAndFollowAsync(page, "#quota-add", new Dictionary<string, string>
        {
            ["OrganisationId"] = organisation.Id.ToString(CultureInfo.InvariantCulture), ["HeadsOfDelegation"] = "1", ["Delegates"] = "1",
        });
        var quota = await app.WithDbAsync(db => db.DelegationQuotas.AsNoTracking().SingleAsync(q => q.SummitId == summit.Id));
        Assert.Equal((1, 1, 1), (quota.HeadsOfDelegation, quota.Delegates, quota.ApprovedDelegates)); // the approval counts from the start
        Assert.Equal("1 / 1", shown.QuerySelector($"#quotas-table tr[data-id='{quota.Id}'] .delegates")?.TextContent.Trim());
        Assert.Contains("quota.created", await AuditActionsAsync("DelegationQuota", quota.Id));

        // The same organisation again: refused, still one quota.
        var clash = await client.SubmitAsync(shown, "#quota-add", new Dictionary<string, string>
        {
            ["OrganisationId"] = organisation.Id.ToString(CultureInfo.InvariantCulture), ["Delegates"] = "3",
        });
        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        Assert.Contains("already has a quota", (await FormClient.ParseAsync(clash)).QuerySelector(".validation-summary-errors")?.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.DelegationQuotas.CountAsync(q => q.SummitId == summit.Id)));

        // Below what is approved: refused.
        var lower = await client.SubmitAsync(shown, $"#quota-save-{quota.Id}", new Dictionary<string, string> { ["delegates"] = "0" });
        Assert.Equal(HttpStatusCode.OK, lower.StatusCode);
        Assert.Contains("1 delegate is already approved", (await FormClient.ParseAsync(lower)).QuerySelector(".validation-summary-errors")?.TextContent);
        Assert.Equal(1, (await app.WithDbAsync(db => db.DelegationQuotas.AsNoTracking().SingleAsync(q => q.Id == quota.Id))).Delegates);

        // The quota is full: the second delegate cannot be approved though the summit has room.
        var queue = await client.GetPageAsync(Queue(summit.Id));
        var (_, refused) = await client.SubmitAndFollowAsync(queue, $"#decide-{second.Id}", submitter: $"#approve-{second.Id}");
        Assert.Contains("no delegate place left in its delegation quota", Report(refused));
        Assert.Equal(RegistrationStatus.Pending, (await ReloadAsync(second.Id)).Status);

        // Raised, then the approval goes through; then removed.
        (_, shown) = await client.SubmitAndFollowAsync(await client.GetPageAsync(url), $"#quota-save-{quota.Id}", new Dictionary<string, string> { ["delegates"] = "2" });
        Assert.Equal("1 / 2", shown.QuerySelector($"#quotas-table tr[data-id='{quota.Id}'] .delegates")?.TextContent.Trim());
        queue = await client.GetPageAsync(Queue(summit.Id));
        (_, refused) = await client.SubmitAndFollowAsync(queue, $"#decide-{second.Id}", submitter: $"#approve-{second.Id}");
        Assert.Contains("Quota Second: approved.", Report(refused));
        (_, shown) = await client.SubmitAndFollowAsync(await client.GetPageAsync(url), $"#quota-remove-{quota.Id}");
        Assert.NotNull(shown.QuerySelector("#quotas-empty"));
        Assert.Equal(["quota.created", "quota.changed", "quota.removed"], await AuditActionsAsync("DelegationQuota", quota.Id));
    }

    [Theory]
    [InlineData("HeadsOfDelegation", "11", "from 0 to 10")]
    [InlineData("Delegates", "-1", "from 0 to 1,000")]
    [InlineData("Delegates", "many", "whole number")]
    [InlineData("OrganisationId", "", "Choose an organisation")]
    [InlineData("OrganisationId", "424242", "Choose an organisation")]
    public async Task Bad_quotas_are_explained_and_not_saved(string field, string value, string message)
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 50);
        var organisation = await app.CreateOrganisationAsync();
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync($"/Registration/Manage/Quotas/{summit.Id}");
        var values = new Dictionary<string, string>
        {
            ["OrganisationId"] = organisation.Id.ToString(CultureInfo.InvariantCulture), ["HeadsOfDelegation"] = "1", ["Delegates"] = "2",
        };
        values[field] = value;

        var response = await client.SubmitAsync(page, "#quota-add", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await FormClient.ParseAsync(response)).QuerySelector(".validation-summary-errors")?.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.DelegationQuotas.CountAsync(q => q.SummitId == summit.Id)));
    }

    private async Task<Data.Registrations.Registration> ProposedAsync(int summitId, string name, string organisation, Sector sector, string? country)
    {
        var user = await app.CreateUserAsync(fullName: name);
        using var scope = app.Services.CreateScope();
        var registration = new Data.Registrations.Registration
        {
            SummitId = summitId, UserId = user.Id, FullName = name, Position = "Adviser", Category = DelegateCategory.Delegate,
            ProposedOrganisationName = organisation, ProposedSector = sector, ProposedCountryCode = country,
        };
        var result = await scope.ServiceProvider.GetRequiredService<RegistrationDesk>().RegisterAsync(registration, new AuditActor(user.Id, name));
        Assert.True(result.Succeeded, result.Message);
        return registration;
    }

    [Fact]
    public async Task A_proposed_organisation_is_confirmed_into_the_directory_or_merged_into_an_existing_one()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 10);
        var newName = "  Child Safety Network " + Guid.NewGuid().ToString("N")[..6] + " ";
        var toConfirm = await ProposedAsync(summit.Id, "Nadia Newcomer", newName, Sector.CivilSociety, "NG");
        var existing = await app.CreateOrganisationAsync("Ministry of Communications " + Guid.NewGuid().ToString("N")[..6], Sector.Government, "GH");
        var toMerge = await ProposedAsync(summit.Id, "Kwame Misspelt", "Min. of Comms", Sector.Government, "GH");
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await client.GetPageAsync(Queue(summit.Id, "?sector=proposed"));
        Assert.Equal(2, page.QuerySelectorAll("#queue-table tbody tr").Length);
        Assert.Contains(newName.Trim(), page.QuerySelector($"#queue-table tr[data-id='{toConfirm.Id}'] .organisation")!.TextContent);
        Assert.Contains("Civil society · Nigeria", page.QuerySelector($"#queue-table tr[data-id='{toConfirm.Id}'] .organisation")!.TextContent);

        var (_, shown) = await client.SubmitAndFollowAsync(page, $"#confirm-organisation-{toConfirm.Id}");
        Assert.Contains("was added to the directory", Report(shown));
        var confirmed = await ReloadAsync(toConfirm.Id);
        var created = await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == confirmed.OrganisationId));
        Assert.Equal((newName.Trim(), newName.Trim(), Sector.CivilSociety, "NG"), (created.FormalName, created.SortName, created.Sector, created.CountryCode));
        Assert.Null(confirmed.ProposedOrganisationName);
        Assert.Contains("organisation.created", await AuditActionsAsync("Organisation", created.Id));

        (_, shown) = await client.SubmitAndFollowAsync(shown, $"#merge-organisation-{toMerge.Id}",
            new Dictionary<string, string> { ["organisationId"] = existing.Id.ToString(CultureInfo.InvariantCulture) });
        Assert.Contains("now belongs to " + existing.FormalName, Report(shown));
        Assert.Equal(existing.Id, (await ReloadAsync(toMerge.Id)).OrganisationId);
        Assert.Contains("registration.organisation-merged", await AuditActionsAsync("Registration", toMerge.Id));
        Assert.Equal(1, await app.WithDbAsync(db => db.Organisations.CountAsync(o => o.FormalName.StartsWith("Ministry of Communications") && o.Id == existing.Id)));
        Assert.Empty((await client.GetPageAsync(Queue(summit.Id, "?sector=proposed"))).QuerySelectorAll("#queue-table tbody tr"));
    }

    [Fact]
    public async Task Confirming_a_proposed_name_already_in_the_directory_asks_for_a_merge_instead()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 10);
        var existing = await app.CreateOrganisationAsync("UNICEF " + Guid.NewGuid().ToString("N")[..6], Sector.InternationalOrganisation);
        var r = await ProposedAsync(summit.Id, "Duplicate Dora", existing.FormalName.ToLowerInvariant(), Sector.InternationalOrganisation, null);
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Queue(summit.Id));

        var (_, shown) = await client.SubmitAndFollowAsync(page, $"#confirm-organisation-{r.Id}");

        Assert.Contains("already in the directory", Report(shown));
        Assert.Null((await ReloadAsync(r.Id)).OrganisationId);
        Assert.Equal(1, await app.WithDbAsync(db => db.Organisations.CountAsync(o => o.FormalName.ToLower() == existing.FormalName.ToLower())));
        // The merge form offers the directory entry of the same name first.
        Assert.Equal(existing.Id.ToString(CultureInfo.InvariantCulture),
            ((IHtmlSelectElement)shown.QuerySelector($"#merge-into-{r.Id}")!).Value);
    }

    [Fact]
    public async Task A_proposed_name_matching_a_directory_entry_preselects_it_and_says_so_and_the_forms_are_buttons()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 10);
        var existing = await app.CreateOrganisationAsync("Ministry of Interior " + Guid.NewGuid().ToString("N")[..6], Sector.Government);
        var same = await ProposedAsync(summit.Id, "Matching Maria", "  " + existing.FormalName.ToUpperInvariant() + " ", Sector.Government, null);
        var other = await ProposedAsync(summit.Id, "Other Omar", "Ministry of Justice " + Guid.NewGuid().ToString("N")[..6], Sector.Government, null);
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Queue(summit.Id));

        var select = (IHtmlSelectElement)page.QuerySelector($"#merge-into-{same.Id}")!;
        Assert.Equal(existing.Id.ToString(CultureInfo.InvariantCulture), select.Value);
        Assert.Equal("Matches: " + existing.FormalName, page.QuerySelector($"#merge-match-{same.Id}")!.TextContent.Trim());
        Assert.Equal($"merge-match-{same.Id}", select.GetAttribute("aria-describedby"));
        Assert.Equal("", ((IHtmlSelectElement)page.QuerySelector($"#merge-into-{other.Id}")!).Value);
        Assert.Null(page.QuerySelector($"#merge-match-{other.Id}"));

        // Both act as buttons and look like them: a filled button, and a Merge button that wraps rather than being cut.
        var confirm = page.QuerySelector($"#confirm-organisation-{same.Id} button[type=submit]")!;
        Assert.Contains("btn-secondary", confirm.ClassList);
        Assert.Contains("flex-wrap", page.QuerySelector($"#merge-organisation-{same.Id}")!.ClassList);
    }

    [Fact]
    public async Task The_dashboard_gives_the_figures_a_report_quotes_with_charts_and_a_safe_csv()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 20);
        var kenya = await app.CreateOrganisationAsync("Government of Kenya " + Guid.NewGuid().ToString("N")[..6], Sector.Government, "KE");
        var company = await app.CreateOrganisationAsync("Tech Co " + Guid.NewGuid().ToString("N")[..6], Sector.PrivateSector, "US");
        var minister = (await DelegateAsync(summit.Id, kenya.Id, "Minister Mwangi", DelegateCategory.HeadOfDelegation, minister: true)).Registration;
        var aide = (await DelegateAsync(summit.Id, kenya.Id, "=cmd|' /C calc'!A0")).Registration;
        var engineer = (await DelegateAsync(summit.Id, company.Id, "+Plus Engineer", DelegateCategory.Observer)).Registration;
        var pending = (await DelegateAsync(summit.Id, company.Id, "Pending Person")).Registration;
        foreach (var r in new[] { minister, aide, engineer })
            Assert.True((await app.DecideAsync(r.Id, RegistrationStatus.Approved)).Succeeded);
        using (var scope = app.Services.CreateScope())
        {
            var code = (await ReloadAsync(minister.Id)).BadgeCode;
            var checkIn = await scope.ServiceProvider.GetRequiredService<BadgeDesk>().CheckInAsync(summit.Id, code, AuditActor.System);
            Assert.Equal(BadgeDesk.CheckInOutcome.CheckedIn, checkIn.Outcome);
        }
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await client.GetPageAsync($"/Registration/Manage/Dashboard/{summit.Id}");

        Assert.Equal("3 delegates from 1 country, 1 of which fields a minister.", page.QuerySelector("#attendance-headline")?.TextContent.Trim());
        Assert.Contains("1", page.QuerySelector("[data-figure=checked-in] .figure-number")?.TextContent);
        Assert.Equal("1", page.QuerySelector("[data-figure=ministers] .figure-number")?.TextContent.Trim());
        var sectors = page.QuerySelector("svg#chart-sector")!;
        Assert.Equal("img", sectors.GetAttribute("role"));
        Assert.Contains("Government: 2", sectors.QuerySelector("desc")!.TextContent);
        Assert.Equal("2", sectors.QuerySelector("g.bar[data-label='Government']")?.GetAttribute("data-value"));
        Assert.Equal("1", sectors.QuerySelector("g.bar[data-label='Private sector']")?.GetAttribute("data-value"));
        Assert.Equal("300", sectors.QuerySelector("g.bar[data-label='Government'] rect")?.GetAttribute("width"));
        var categories = page.QuerySelector("svg#chart-category")!;
        Assert.Equal("1", categories.QuerySelector("g.bar[data-label='Head of delegation']")?.GetAttribute("data-value"));
        Assert.Equal("1", categories.QuerySelector("g.bar[data-label='Observer']")?.GetAttribute("data-value"));
        Assert.Contains(page.QuerySelectorAll("figcaption"), f => f.TextContent.Contains("Head of delegation: 1"));
        Assert.Null(page.QuerySelector("[style]"));

        var csv = await client.GetAsync(page.QuerySelector("#csv-all")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        using var reader = new CsvReader(new StreamReader(await csv.Content.ReadAsStreamAsync()), CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        await reader.ReadAsync();
        reader.ReadHeader();
        while (await reader.ReadAsync())
            rows.Add(reader.HeaderRecord!.ToDictionary(h => h, h => reader.GetField(h) ?? ""));
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r["Name"] == "Minister Mwangi" && r["Minister"] == "Yes" && r["Country"] == "Kenya"
            && r["Category"] == "Head of delegation" && r["Status"] == "Approved" && r[$"Checked in ({summit.TimeZoneId})"] != "");
        Assert.Contains(rows, r => r["Name"] == "Pending Person" && r["Status"] == "Pending" && r["Sector"] == "Private sector");
        // Cells that a spreadsheet would run as formulas start with a quote instead.
        Assert.Contains(rows, r => r["Name"] == "'=cmd|' /C calc'!A0");
        Assert.Contains(rows, r => r["Name"] == "'+Plus Engineer");
        Assert.DoesNotContain(rows, r => r.Values.Any(v => v.Length > 0 && "=+-@".Contains(v[0])));

        var approvedOnly = await client.GetAsync(page.QuerySelector("#csv-approved")!.GetAttribute("href")!);
        Assert.DoesNotContain("Pending Person", await approvedOnly.Content.ReadAsStringAsync());
    }

    public static TheoryData<string> OrganiserPages() =>
        ["/Registration/Manage/Index/{0}", "/Registration/Manage/Quotas/{0}", "/Registration/Manage/Dashboard/{0}", "/Registration/Manage/Dashboard/{0}?handler=Csv"];

    [Theory]
    [MemberData(nameof(OrganiserPages))]
    public async Task Delegates_are_denied_and_unknown_summits_are_not_found(string template)
    {
        var summit = await app.CreateOpenSummitAsync();
        using var member = await app.LoggedInClientAsync();
        var denied = await member.GetAsync(string.Format(CultureInfo.InvariantCulture, template, summit.Id));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.OriginalString);

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync(string.Format(CultureInfo.InvariantCulture, template, summit.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync(string.Format(CultureInfo.InvariantCulture, template, 424242))).StatusCode);
    }

    [Fact]
    public async Task Posting_to_an_unknown_summit_is_not_found()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var r = (await DelegateAsync(summit.Id, organisation.Id, "Lost Post")).Registration;
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Queue(summit.Id));
        var form = page.QuerySelector($"#decide-{r.Id}")!;
        form.SetAttribute("action", form.GetAttribute("action")!.Replace($"/{summit.Id}", "/424242"));

        var response = await client.SubmitAsync(page, $"#decide-{r.Id}", submitter: $"#approve-{r.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(RegistrationStatus.Pending, (await ReloadAsync(r.Id)).Status);
    }

    [Fact]
    public async Task The_summit_edit_page_links_to_registrations_quotas_and_dashboard()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}");
        foreach (var (id, target) in new[] { ("#link-registrations", "Index"), ("#link-quotas", "Quotas"), ("#link-dashboard", "Dashboard") })
        {
            var href = page.QuerySelector(id)?.GetAttribute("href");
            Assert.NotNull(href);
            Assert.Contains(summit.Id.ToString(CultureInfo.InvariantCulture), href);
            await client.GetPageAsync(href!);
            if (target != "Index") Assert.Contains(target, href);
        }
    }
}
