using AngleSharp.Html.Dom;
using AngleSharp.Dom;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Summits;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>A delegate's side of registration, through the pages as a browser without JavaScript uses them.</summary>
public class DelegateRegistrationTests : IClassFixture<SummitAppFactory>
{
    private readonly SummitAppFactory app;

    public DelegateRegistrationTests(SummitAppFactory app) => this.app = app;

    private static Dictionary<string, string> Answers(int organisationId, string position = "Minister of Justice") => new()
    {
        ["Input.Position"] = position,
        ["Input.OrganisationId"] = organisationId.ToString(),
        ["Input.Category"] = nameof(DelegateCategory.HeadOfDelegation),
        ["Input.AccessNeeds"] = "Step-free access",
        ["Input.ConsentToPublicList"] = "true",
    };

    private Task<List<Registration>> RowsAsync(int summitId) =>
        app.WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.SummitId == summitId).ToListAsync());

    private Task<Registration> RowAsync(int id) =>
        app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == id));

    private static string Text(IHtmlDocument page) => page.QuerySelector("main")!.TextContent;

    /// <summary>A summit that is not open for registration now, made as an organiser would.</summary>
    private Task<Data.Summits.Summit> CreateSummitAsync(string state) => app.WithDbAsync(async db =>
    {
        var summit = SampleSummit.Create(app.UtcNow);
        summit.Name = $"Summit {state} {Guid.NewGuid():N}";
        if (state == "not-yet-open") summit.RegistrationOpensUtc = app.UtcNow.AddDays(10);
        if (state != "draft") Assert.Null(summit.MoveTo(SummitStatus.Open));
        if (state == "closed") Assert.Null(summit.MoveTo(SummitStatus.Closed));
        db.Summits.Add(summit);
        await db.SaveChangesAsync();
        return summit;
    });

    [Fact]
    public async Task A_delegate_registers_from_the_summit_page_and_is_told_by_email()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var (client, user) = await app.LoggedInUserAsync();
        using var _ = client;

        var summitPage = await client.GetPageAsync($"/Summits/Details/{summit.Id}");
        Assert.NotNull(summitPage.QuerySelector("#register-link"));
        var form = await client.GetPageAsync($"/Registration/Register/{summit.Id}");
        Assert.Equal(user.FullName, ((IHtmlInputElement)form.QuerySelector("#registration-form [name='Input.FullName']")!).Value);
        Assert.Contains(form.QuerySelectorAll("#registration-form optgroup"), g => g.GetAttribute("label") == "Government");
        Assert.False(((IHtmlInputElement)form.QuerySelector("[name='Input.ConsentToPublicList'][type=checkbox]")!).IsChecked, "consent is off by default");

        var response = await client.SubmitAsync(form, "#registration-form", Answers(organisation.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var row = Assert.Single(await RowsAsync(summit.Id));
        Assert.Equal(RegistrationStatus.Pending, row.Status);
        Assert.Equal(user.Id, row.UserId);
        Assert.Equal(user.FullName, row.FullName);
        Assert.Equal("Minister of Justice", row.Position);
        Assert.Equal(organisation.Id, row.OrganisationId);
        Assert.Equal(DelegateCategory.HeadOfDelegation, row.Category);
        Assert.False(row.IsMinister); // rank is the focal point's or the organisers' (see Invitations/ProtocolTests)
        Assert.True(row.ConsentToPublicList);
        Assert.Equal("Step-free access", row.AccessNeeds);
        Assert.Equal($"/Registration/Details/{row.Id}", response.Headers.Location!.OriginalString);

        var details = await client.GetPageAsync(response.Headers.Location.OriginalString);
        Assert.Contains("Your registration has been received", Text(details));
        Assert.Contains("Pending", details.QuerySelector("#registration-status")!.TextContent);
        Assert.NotNull(details.QuerySelector("#edit-link"));
        Assert.Null(details.QuerySelector("#badge-link"));

        var mail = await app.WaitForMailAsync(m => m.Subject == $"Registration received: {summit.Name}" && m.To.ToString().Contains(user.Email!));
        Assert.Contains($"/Registration/Details/{row.Id}", mail.HtmlBody ?? mail.TextBody);

        var mine = await client.GetPageAsync("/Registration");
        Assert.Contains(summit.Name, mine.QuerySelector("#my-registrations")!.TextContent);
        summitPage = await client.GetPageAsync($"/Summits/Details/{summit.Id}");
        Assert.Null(summitPage.QuerySelector("#register-link"));
        Assert.Equal($"/Registration/Details/{row.Id}", summitPage.QuerySelector("#my-registration-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_organisation_not_in_the_directory_is_proposed_for_the_organisers()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var client = await app.LoggedInClientAsync();
        var form = await client.GetPageAsync($"/Registration/Register/{summit.Id}");
        var response = await client.SubmitAsync(form, "#registration-form", new Dictionary<string, string>
        {
            ["Input.Position"] = "Director",
            ["Input.OrganisationNotListed"] = "true",
            ["Input.ProposedOrganisationName"] = "Childline Kenya",
            ["Input.ProposedSector"] = nameof(Sector.CivilSociety),
            ["Input.ProposedCountryCode"] = "KE",
            ["Input.Category"] = nameof(DelegateCategory.Delegate),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = Assert.Single(await RowsAsync(summit.Id));
        Assert.Null(row.OrganisationId);
        Assert.Equal("Childline Kenya", row.ProposedOrganisationName);
        Assert.Equal(Sector.CivilSociety, row.ProposedSector);
        Assert.Equal("KE", row.ProposedCountryCode);
        Assert.False(row.ConsentToPublicList);
        var details = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Childline Kenya", details.QuerySelector("#registration-answers")!.TextContent);
    }

    [Theory]
    [InlineData("not-yet-open", "Registration opens on")]
    [InlineData("draft", "has not been announced")]
    [InlineData("closed", "Registration for this summit is closed")]
    public async Task Outside_the_window_the_page_says_why_and_a_post_saves_nothing(string state, string reason)
    {
        var open = await app.CreateOpenSummitAsync();
        var shut = await CreateSummitAsync(state);
        using var client = await app.LoggedInClientAsync();

        var page = await client.GetPageAsync($"/Registration/Register/{shut.Id}");
        Assert.Contains(reason, page.QuerySelector("#registration-closed")!.TextContent);
        Assert.Null(page.QuerySelector("#registration-form"));
        if (state == "draft") Assert.DoesNotContain(shut.Name, page.DocumentElement.OuterHtml);

        // A form made for an open summit, posted to the shut one (as a tampered or stale page would).
        var form = await client.GetPageAsync($"/Registration/Register/{open.Id}");
        form.QuerySelector("#registration-form")!.SetAttribute("action", $"/Registration/Register/{shut.Id}");
        var response = await client.SubmitAsync(form, "#registration-form", Answers((await app.CreateOrganisationAsync()).Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.Empty(await RowsAsync(shut.Id));
    }

    [Fact]
    public async Task A_second_registration_for_the_same_summit_is_refused_with_a_link_to_the_first()
    {
        var summit = await app.CreateOpenSummitAsync();
        var other = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var (client, user) = await app.LoggedInUserAsync();
        using var _ = client;
        var first = await app.RegisterAsync(user, summit.Id, organisation.Id);

        var page = await client.GetPageAsync($"/Registration/Register/{summit.Id}");
        Assert.Equal($"/Registration/Details/{first.Id}", page.QuerySelector("#already-registered a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("#registration-form"));

        var form = await client.GetPageAsync($"/Registration/Register/{other.Id}");
        form.QuerySelector("#registration-form")!.SetAttribute("action", $"/Registration/Register/{summit.Id}");
        var response = await client.SubmitAsync(form, "#registration-form", Answers(organisation.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already registered", await response.Content.ReadAsStringAsync());
        Assert.Single(await RowsAsync(summit.Id));
    }

    public static TheoryData<string, string, string> BadInputs() => new()
    {
        { "Input.FullName", "", "full name is required" },
        // A name of zero-width spaces or a braille blank is empty however long it is: the badge would print nothing.
        { "Input.FullName", "\u200B\u200B", "made only of characters that show nothing" },
        { "Input.Position", "\u2800", "made only of characters that show nothing" },
        { "Input.Position", new string('x', 201), "position is longer than 200" },
        { "Input.AccessNeeds", new string('x', 1001), "The note about your needs is longer than 1000" },
        { "Input.OrganisationId", "424242", "not in the directory" },
        { "Input.OrganisationId", "", "Choose your organisation" },
        { "Input.Category", "Wizard", "is not valid" },
        { "Input.Category", "99", "Choose a category" },
        { "Input.Category", "", "Choose a category" },
        { "Input.OrganisationNotListed", "true", "not both" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_explained_and_nothing_is_saved(string field, string value, string message)
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        using var client = await app.LoggedInClientAsync();
        var form = await client.GetPageAsync($"/Registration/Register/{summit.Id}");
        var answers = Answers(organisation.Id);
        answers[field] = value;

        var (response, page) = await client.SubmitAndFollowAsync(form, "#registration-form", answers);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("#registration-form .alert-danger")!.TextContent);
        Assert.Empty(await RowsAsync(summit.Id));
    }

    [Fact]
    public async Task No_organisation_chosen_nor_proposed_is_said_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var client = await app.LoggedInClientAsync();
        var form = await client.GetPageAsync($"/Registration/Register/{summit.Id}");
        var answers = Answers((await app.CreateOrganisationAsync()).Id);
        answers["Input.OrganisationId"] = "";

        var (_, page) = await client.SubmitAndFollowAsync(form, "#registration-form", answers);

        var errors = page.QuerySelector("#registration-form .alert-danger")!.TextContent;
        Assert.Contains("Choose your organisation, or give its name, sector and country.", errors);
        Assert.DoesNotContain("sector.", errors.Replace("give its name, sector and country.", ""));
    }

    [Fact]
    public async Task Proposed_organisation_needs_its_sector_and_a_known_country()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var client = await app.LoggedInClientAsync();
        var form = await client.GetPageAsync($"/Registration/Register/{summit.Id}");
        var (response, page) = await client.SubmitAndFollowAsync(form, "#registration-form", new Dictionary<string, string>
        {
            ["Input.Position"] = "Director",
            ["Input.OrganisationNotListed"] = "true",
            ["Input.ProposedOrganisationName"] = new string('n', 201),
            ["Input.ProposedCountryCode"] = "XX",
            ["Input.Category"] = nameof(DelegateCategory.Delegate),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = page.QuerySelector("#registration-form .alert-danger")!.TextContent;
        Assert.Contains("name is longer than", errors);
        Assert.Contains("Choose the organisation's sector", errors);
        Assert.Contains("Choose a country", errors);
        Assert.Empty(await RowsAsync(summit.Id));
    }

    [Fact]
    public async Task Another_users_registration_is_not_found_at_any_address_and_cannot_be_touched()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var owner = await app.CreateUserAsync(fullName: "Victoria Unlisted-Owner");
        var victim = await app.RegisterAsync(owner, summit.Id, organisation.Id, consent: false);
        Assert.True((await app.DecideAsync(victim.Id, RegistrationStatus.Approved)).Succeeded);
        var before = await RowAsync(victim.Id);

        // The attacker has a pending registration of their own, whose forms they retarget at the victim's id.
        var (attacker, attackerUser) = await app.LoggedInUserAsync();
        using var _ = attacker;
        var own = await app.RegisterAsync(attackerUser, (await app.CreateOpenSummitAsync()).Id, organisation.Id);
        var ownDetails = await attacker.GetPageAsync($"/Registration/Details/{own.Id}");
        var ownEdit = await attacker.GetPageAsync($"/Registration/Edit/{own.Id}");

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["details"] = await attacker.GetAsync($"/Registration/Details/{victim.Id}"),
            ["edit"] = await attacker.GetAsync($"/Registration/Edit/{victim.Id}"),
            ["badge"] = await attacker.GetAsync($"/Registration/Badge/{victim.Id}"),
        };
        ownEdit.QuerySelector("#registration-form")!.SetAttribute("action", $"/Registration/Edit/{victim.Id}");
        responses["edit post"] = await attacker.SubmitAsync(ownEdit, "#registration-form", new Dictionary<string, string> { ["Input.Position"] = "Hijacked" });
        ownDetails.QuerySelector("#cancel-form")!.SetAttribute("action", $"/Registration/Details/{victim.Id}?handler=Cancel");
        responses["cancel post"] = await attacker.SubmitAsync(ownDetails, "#cancel-form");
        ownDetails.QuerySelector("#consent-form")!.SetAttribute("action", $"/Registration/Details/{victim.Id}?handler=Consent");
        responses["consent post"] = await attacker.SubmitAsync(ownDetails, "#consent-form", new Dictionary<string, string> { ["consent"] = "true" });

        foreach (var (what, response) in responses)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.NotFound || (what == "badge" && response.StatusCode == HttpStatusCode.Redirect),
                $"{what}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Victoria", body);
            Assert.DoesNotContain(summit.Name, body);
        }
        var after = await RowAsync(victim.Id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(RegistrationStatus.Approved, after.Status);
        Assert.Equal("Director", after.Position);
        Assert.False(after.ConsentToPublicList);
        Assert.DoesNotContain(summit.Name, Text(await attacker.GetPageAsync("/Registration")));
    }

    [Fact]
    public async Task Answers_can_be_changed_while_pending_and_not_after_the_decision()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var (client, user) = await app.LoggedInUserAsync();
        using var _ = client;
        var registration = await app.RegisterAsync(user, summit.Id, organisation.Id);

        var form = await client.GetPageAsync($"/Registration/Edit/{registration.Id}");
        Assert.Equal("Director", ((IHtmlInputElement)form.QuerySelector("[name='Input.Position']")!).Value);
        var response = await client.SubmitAsync(form, "#registration-form", new Dictionary<string, string>
        {
            ["Input.Position"] = "Deputy Minister",
            ["Input.AccessNeeds"] = "A wheelchair-accessible room",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = await RowAsync(registration.Id);
        Assert.Equal("Deputy Minister", row.Position);
        Assert.Equal("A wheelchair-accessible room", row.AccessNeeds);
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.Action == "registration.updated" && e.SubjectId == registration.Id.ToString()));
        Assert.Contains("AccessNeeds", audit.Summary);
        Assert.DoesNotContain("wheelchair", audit.Summary); // the answers themselves stay out of the trail

        // A stale form (the registration changed since it was opened) is refused.
        var stale = await client.GetPageAsync($"/Registration/Edit/{registration.Id}");
        var details = await client.GetPageAsync($"/Registration/Details/{registration.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(details, "#consent-form")).StatusCode);
        var (_, refusedStale) = await client.SubmitAndFollowAsync(stale, "#registration-form", new Dictionary<string, string> { ["Input.Position"] = "Stale" });
        Assert.Contains("changed after you opened", Text(refusedStale));
        Assert.Equal("Deputy Minister", (await RowAsync(registration.Id)).Position);
        // The refusal shows the registration as saved now, with its version: saved from there, a change goes through.
        Assert.Equal("Deputy Minister", refusedStale.QuerySelector<IHtmlInputElement>("#registration-form input[name='Input.Position']")!.Value);
        var (_, resaved) = await client.SubmitAndFollowAsync(refusedStale, "#registration-form", new Dictionary<string, string> { ["Input.Position"] = "Deputy Minister of Justice" });
        Assert.Equal("Deputy Minister of Justice", (await RowAsync(registration.Id)).Position);
        Assert.NotNull(resaved.QuerySelector("#status"));

        var beforeDecision = await client.GetPageAsync($"/Registration/Edit/{registration.Id}");
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        var refused = await client.GetPageAsync($"/Registration/Edit/{registration.Id}");
        Assert.Contains("approved", refused.QuerySelector("#edit-refused")!.TextContent);
        Assert.Null(refused.QuerySelector("#registration-form"));
        var (posted, page) = await client.SubmitAndFollowAsync(beforeDecision, "#registration-form", new Dictionary<string, string> { ["Input.Position"] = "Too late" });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("can no longer be changed", page.QuerySelector("#edit-refused")!.TextContent);
        Assert.Equal("Deputy Minister of Justice", (await RowAsync(registration.Id)).Position);

        details = await client.GetPageAsync($"/Registration/Details/{registration.Id}");
        Assert.Null(details.QuerySelector("#edit-link"));
        Assert.Equal($"/Registration/Badge/{registration.Id}", details.QuerySelector("#badge-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Rejected_and_waitlisted_delegates_see_the_reason_and_their_place_in_the_queue()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var (client, user) = await app.LoggedInUserAsync();
        using var _ = client;
        var ahead = await app.RegisterAsync(await app.CreateUserAsync(), summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(ahead.Id, RegistrationStatus.Waitlisted)).Succeeded);
        var mine = await app.RegisterAsync(user, summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(mine.Id, RegistrationStatus.Waitlisted)).Succeeded);

        var page = await client.GetPageAsync($"/Registration/Details/{mine.Id}");
        Assert.Contains("number 2 in line", page.QuerySelector("#registration-status")!.TextContent);

        Assert.True((await app.DecideAsync(mine.Id, RegistrationStatus.Rejected, "The delegation is complete.")).Succeeded);
        page = await client.GetPageAsync($"/Registration/Details/{mine.Id}");
        Assert.Contains("The delegation is complete.", page.QuerySelector("#decision-reason")!.TextContent);
    }

    [Fact]
    public async Task An_approved_delegate_cancels_and_the_first_waitlisted_is_promoted_and_told()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 1);
        var organisation = await app.CreateOrganisationAsync();
        var (client, holder) = await app.LoggedInUserAsync();
        using var _ = client;
        var waiting = await app.CreateUserAsync(fullName: "Next In Line");
        var held = await app.RegisterAsync(holder, summit.Id, organisation.Id);
        var queued = await app.RegisterAsync(waiting, summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(held.Id, RegistrationStatus.Approved)).Succeeded);
        Assert.True((await app.DecideAsync(queued.Id, RegistrationStatus.Waitlisted)).Succeeded);

        var details = await client.GetPageAsync($"/Registration/Details/{held.Id}");
        Assert.Contains("place goes to the first delegate on the waiting list", details.QuerySelector("#cancel")!.TextContent);
        var (response, after) = await client.SubmitAndFollowAsync(details, "#cancel-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your registration is cancelled.", Text(after));
        Assert.Contains("Cancelled", after.QuerySelector("#registration-status")!.TextContent);
        Assert.Null(after.QuerySelector("#cancel-form"));
        Assert.Equal(RegistrationStatus.Cancelled, (await RowAsync(held.Id)).Status);
        Assert.Equal(RegistrationStatus.Approved, (await RowAsync(queued.Id)).Status);
        await app.WaitForMailAsync(m => m.Subject == $"A place is yours: {summit.Name}" && m.To.ToString().Contains(waiting.Email!));
    }

    [Fact]
    public async Task The_public_participant_list_shows_approved_consenting_delegates_and_only_three_fields()
    {
        var summit = await app.CreateOpenSummitAsync();
        var beta = await app.CreateOrganisationAsync($"Beta Ministry {Guid.NewGuid():N}");
        var alpha = await app.CreateOrganisationAsync($"Alpha Ministry {Guid.NewGuid():N}");
        async Task<(SummitUser User, Registration Registration)> Delegate(string name, Organisation organisation, bool consent, bool approve)
        {
            var user = await app.CreateUserAsync(fullName: name);
            var registration = await app.RegisterAsync(user, summit.Id, organisation.Id, consent: consent);
            if (approve) Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
            return (user, registration);
        }
        var listed = await Delegate("Zara Listed", alpha, consent: true, approve: true);
        var listedToo = await Delegate("Aaron Listed", beta, consent: true, approve: true);
        await Delegate("Petra Private", alpha, consent: false, approve: true);
        var pendingOne = await Delegate("Paul Pending", alpha, consent: true, approve: false);

        using var visitor = app.CreateFormClient();
        var page = await visitor.GetPageAsync($"/Summits/Participants/{summit.Id}");
        var table = page.QuerySelector("#participants")!;
        var text = table.TextContent;
        Assert.Contains("Zara Listed", text);
        Assert.Contains("Director", text);
        Assert.Contains(alpha.FormalName, text);
        Assert.True(text.IndexOf("Zara Listed", StringComparison.Ordinal) < text.IndexOf("Aaron Listed", StringComparison.Ordinal),
            "sorted by organisation first");
        Assert.DoesNotContain("Petra", page.DocumentElement.OuterHtml);
        Assert.DoesNotContain("Paul", page.DocumentElement.OuterHtml);
        Assert.DoesNotContain("@", page.QuerySelector("main")!.InnerHtml);
        Assert.All(table.QuerySelectorAll("tbody tr"), row => Assert.Equal(3, row.QuerySelectorAll("td").Length));
        Assert.DoesNotContain(nameof(DelegateCategory.Delegate), text);

        // The page is cached for visitors; the desk's decisions and a withdrawn consent show at once all the same.
        Assert.True((await app.DecideAsync(pendingOne.Registration.Id, RegistrationStatus.Approved)).Succeeded);
        Assert.Contains("Paul Pending", (await visitor.GetPageAsync($"/Summits/Participants/{summit.Id}")).QuerySelector("#participants")!.TextContent);

        using var zara = app.CreateFormClient();
        await zara.LogInAsync(listed.User.Email!, SummitAppFactory.Password);
        var details = await zara.GetPageAsync($"/Registration/Details/{listed.Registration.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await zara.SubmitAsync(details, "#consent-form")).StatusCode);
        Assert.False((await RowAsync(listed.Registration.Id)).ConsentToPublicList);
        Assert.DoesNotContain("Zara", (await visitor.GetPageAsync($"/Summits/Participants/{summit.Id}")).QuerySelector("main")!.TextContent);

        using var aaron = app.CreateFormClient();
        await aaron.LogInAsync(listedToo.User.Email!, SummitAppFactory.Password);
        var cancelled = await aaron.SubmitAsync(await aaron.GetPageAsync($"/Registration/Details/{listedToo.Registration.Id}"), "#cancel-form");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.DoesNotContain("Aaron", (await visitor.GetPageAsync($"/Summits/Participants/{summit.Id}")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_draft_summit_has_no_participant_list_and_unknown_ids_are_not_found()
    {
        var draft = await CreateSummitAsync("draft");
        using var visitor = app.CreateFormClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/Summits/Participants/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/Summits/Participants/424242")).StatusCode);
        using var client = await app.LoggedInClientAsync();
        foreach (var url in new[] { "/Registration/Register/424242", "/Registration/Details/424242", "/Registration/Edit/424242" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Consent_is_withdrawn_from_a_page_opened_before_the_secretariat_approved_the_registration()
    {
        var summit = await app.CreateOpenSummitAsync();
        var user = await app.CreateUserAsync(fullName: "Withdrawing Consent");
        var registration = await app.RegisterAsync(user, summit.Id, (await app.CreateOrganisationAsync()).Id);
        using var client = await app.LogInAsync(user);
        var details = await client.GetPageAsync($"/Registration/Details/{registration.Id}");
        if (!await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.ConsentToPublicList).SingleAsync()))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(details, "#consent-form")).StatusCode);
            details = await client.GetPageAsync($"/Registration/Details/{registration.Id}");
        }
        Assert.Equal("false", details.QuerySelector("#consent-form input[name=consent]")!.GetAttribute("value"));

        // The secretariat approves while the page is open: the withdrawal still holds.
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        var (_, after) = await client.SubmitAndFollowAsync(details, "#consent-form");
        Assert.Contains("no longer on the public list", after.QuerySelector("#status")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.ConsentToPublicList).SingleAsync()));
    }

}
