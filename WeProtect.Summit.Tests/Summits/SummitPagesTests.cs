using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Summits;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Tests.Summits;

/// <summary>Organisers create and edit summits through the form; the public page shows what delegates need.</summary>
public class SummitPagesTests : IClassFixture<SummitAppFactory>
{
    private readonly SummitAppFactory app;

    public SummitPagesTests(SummitAppFactory app) => this.app = app;

    private static Dictionary<string, string> Form(string name, Action<Dictionary<string, string>>? change = null)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Theme"] = "A global response",
            ["Input.City"] = "London",
            ["Input.CountryCode"] = "GB",
            ["Input.Venue"] = "Lancaster House",
            ["Input.StartDate"] = "2027-06-10",
            ["Input.EndDate"] = "2027-06-11",
            ["Input.TimeZoneId"] = "Europe/London",
            ["Input.RegistrationOpens"] = "2027-03-01T09:00",
            ["Input.RegistrationCloses"] = "2027-06-01T17:30",
            ["Input.DelegateCapacity"] = "400",
            ["Input.ContactEmail"] = "secretariat@example.org",
            ["Input.Description"] = "Bring your passport.\r\n\r\nBadges at the door.",
        };
        change?.Invoke(values);
        return values;
    }

    private Task<int> CountAsync(string name) => app.WithDbAsync(db => db.Summits.CountAsync(s => s.Name == name));

    [Theory]
    [InlineData("Input.EndDate", "2027-06-01", "cannot end before it starts")]
    [InlineData("Input.EndDate", "9999-12-31", "last day between 1990 and 2199")]
    [InlineData("Input.StartDate", "0001-01-01", "first day between 1990 and 2199")]
    [InlineData("Input.RegistrationOpens", "0001-01-01T00:30", "opening time from 1990 on")]
    [InlineData("Input.TimeZoneId", "Mars/Olympus_Mons", "is not an IANA time zone")]
    [InlineData("Input.DelegateCapacity", "0", "at least 1")]
    [InlineData("Input.DelegateCapacity", "-5", "at least 1")]
    [InlineData("Input.DelegateCapacity", "many", "not valid")]
    [InlineData("Input.CountryCode", "ZZ", "ISO 3166-1")]
    [InlineData("Input.Name", "", "required")]
    [InlineData("Input.RegistrationCloses", "2027-02-01T09:00", "close after it opens")]
    [InlineData("Input.RegistrationOpens", "2027-03-28T01:30", "does not exist in Europe/London")]
    public async Task Bad_input_is_explained_on_the_page_and_nothing_is_saved(string field, string value, string message)
    {
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var name = $"Bad summit {Guid.NewGuid():N}";
        var page = await client.GetPageAsync("/Summits/Manage/Edit");
        var response = await client.SubmitAsync(page, "#summit-form", Form(name, v => v[field] = value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await FormClient.ParseAsync(response);
        Assert.Contains(message, shown.QuerySelector(".validation-summary-errors")?.TextContent ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await CountAsync(name));
        // What was typed is kept in the form.
        Assert.Equal("Lancaster House", shown.QuerySelector("#Input_Venue")?.GetAttribute("value"));
    }

    /// <summary>A first day already past is refused beside the field (a slip of the year, most often): for a new summit,
    /// and for an upcoming one moved there. Today is fine, and a summit already held keeps its dates correctable.</summary>
    [Fact]
    public async Task A_summit_cannot_be_given_a_first_day_already_past_unless_it_has_begun()
    {
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));
        void On(Dictionary<string, string> v, DateOnly start)
        {
            v["Input.StartDate"] = start.ToString("yyyy-MM-dd");
            v["Input.EndDate"] = start.AddDays(1).ToString("yyyy-MM-dd");
            v["Input.RegistrationOpens"] = "";
            v["Input.RegistrationCloses"] = "";
        }
        const string Message = "The first day is already past on the summit's clock: give a first day from today on.";

        var name = $"Yesterday {Guid.NewGuid():N}";
        var refused = await FormClient.ParseAsync(await client.SubmitAsync(await client.GetPageAsync("/Summits/Manage/Edit"), "#summit-form",
            Form(name, v => On(v, today.AddDays(-1)))));
        Assert.Equal(Message, refused.QuerySelector("span[data-valmsg-for='Input.StartDate']")?.TextContent.Trim());
        Assert.Equal(0, await CountAsync(name));

        name = $"Today {Guid.NewGuid():N}";
        var (_, created) = await client.SubmitAndFollowAsync(await client.GetPageAsync("/Summits/Manage/Edit"), "#summit-form", Form(name, v => On(v, today)));
        Assert.Equal(1, await CountAsync(name));
        var moved = await FormClient.ParseAsync(await client.SubmitAsync(created, "#summit-form", new Dictionary<string, string>
        {
            ["Input.StartDate"] = today.AddYears(-1).ToString("yyyy-MM-dd"),
        }));
        Assert.Equal(Message, moved.QuerySelector("span[data-valmsg-for='Input.StartDate']")?.TextContent.Trim());
        Assert.Equal(today, await app.WithDbAsync(db => db.Summits.Where(s => s.Name == name).Select(s => s.StartDate).SingleAsync()));

        // Held last year: its record can still be corrected.
        var held = await app.WithDbAsync(async db =>
        {
            var summit = SampleSummit.Create(app.UtcNow.AddYears(-1));
            summit.Name = $"Held {Guid.NewGuid():N}";
            db.Summits.Add(summit);
            await db.SaveChangesAsync();
            return summit;
        });
        var corrected = await client.SubmitAsync(await client.GetPageAsync($"/Summits/Manage/Edit/{held.Id}"), "#summit-form",
            new Dictionary<string, string> { ["Input.Venue"] = "Emirates Palace, East Wing" });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal("Emirates Palace, East Wing", await app.WithDbAsync(db => db.Summits.Where(s => s.Id == held.Id).Select(s => s.Venue).SingleAsync()));
    }

    /// <summary>"Open" is about the summit being public, and registration keeps its window: the page says what each
    /// status button does, since "Open the summit" followed by "Close registration" read as two unrelated switches.</summary>
    [Fact]
    public async Task The_status_buttons_say_what_they_do()
    {
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var name = $"Explained {Guid.NewGuid():N}";
        var (_, draft) = await client.SubmitAndFollowAsync(await client.GetPageAsync("/Summits/Manage/Edit"), "#summit-form", Form(name));
        Assert.Contains("“Open the summit” makes its page public", draft.QuerySelector("#summit-status-help")!.TextContent);
        var (_, open) = await client.SubmitAndFollowAsync(draft, "form.status-form");
        Assert.Equal("Open", open.QuerySelector("#summit-status")!.TextContent.Trim());
        Assert.Contains("“Close registration” ends registration now, whatever the window says", open.QuerySelector("#summit-status-help")!.TextContent);
        var (_, closed) = await client.SubmitAndFollowAsync(open, "form.status-form");
        Assert.Contains("“Reopen registration” lets delegates register again", closed.QuerySelector("#summit-status-help")!.TextContent);
    }

    /// <summary>"Open the summit" clicked twice: the second post is stale but asks for the status the summit has, so it
    /// is done (no second audit event), not someone else's change.</summary>
    [Fact]
    public async Task Opening_a_summit_twice_from_the_same_page_is_done_once()
    {
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var (_, draft) = await client.SubmitAndFollowAsync(await client.GetPageAsync("/Summits/Manage/Edit"), "#summit-form", Form($"Twice {Guid.NewGuid():N}"));
        await client.SubmitAndFollowAsync(draft, "form.status-form");
        var (response, again) = await client.SubmitAndFollowAsync(draft, "form.status-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Someone else", again.Body!.TextContent);
        Assert.Equal("Open", again.QuerySelector("#summit-status")!.TextContent.Trim());
        var id = int.Parse(new Uri(again.Url).Segments.Last(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Single(await app.AuditActionsAsync("Summit", id), a => a == "summit.status-changed");
    }

    [Fact]
    public async Task An_organiser_creates_a_summit_opens_it_and_delegates_see_it_in_the_summits_time_zone()
    {
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var name = $"London {Guid.NewGuid():N}";
        var page = await client.GetPageAsync("/Summits/Manage/Edit");
        var (created, editPage) = await client.SubmitAndFollowAsync(page, "#summit-form", Form(name));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        var summit = await app.WithDbAsync(db => db.Summits.SingleAsync(s => s.Name == name));
        Assert.Equal(SummitStatus.Draft, summit.Status);
        // 09:00 in London in March (GMT) and 17:30 in June (BST) are stored in UTC.
        Assert.Equal(new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc), summit.RegistrationOpensUtc);
        Assert.Equal(new DateTime(2027, 6, 1, 16, 30, 0, DateTimeKind.Utc), summit.RegistrationClosesUtc);
        Assert.Equal("Bring your passport.\n\nBadges at the door.", summit.Description);

        // A draft is not public.
        using var anonymous = app.CreateFormClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Summits/Details/{summit.Id}")).StatusCode);

        var (_, opened) = await client.SubmitAndFollowAsync(editPage, "form.status-form");
        Assert.Equal("Open", opened.QuerySelector("#summit-status")?.TextContent);

        var publicPage = await anonymous.GetPageAsync($"/Summits/Details/{summit.Id}");
        var text = publicPage.QuerySelector("main")!.TextContent;
        Assert.Contains(name, text);
        Assert.Contains("Lancaster House, London, United Kingdom", text);
        Assert.Contains("1 June 2027, 17:30", text);
        Assert.Contains("Europe/London", text);
        Assert.Contains("Bring your passport.", text);
        Assert.Contains(name, (await anonymous.GetPageAsync("/Summits")).QuerySelector("main")!.TextContent);

        var trail = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == summit.Id.ToString() && e.SubjectType == "Summit")
            .Select(e => e.Action).ToListAsync());
        Assert.Equal(["summit.created", "summit.status-changed"], trail);
    }

    [Fact]
    public async Task An_organiser_on_the_public_page_is_sent_to_the_summits_management_home()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Summits/Details/{summit.Id}");
        var link = page.QuerySelector("#manage-summit-link");
        Assert.NotNull(link);
        Assert.Equal("Manage this summit", link.TextContent.Trim());
        Assert.Equal($"/Summits/Manage/Summit/{summit.Id}", link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync(link.GetAttribute("href")!)).StatusCode);

        using var anonymous = app.CreateFormClient();
        Assert.Null((await anonymous.GetPageAsync($"/Summits/Details/{summit.Id}")).QuerySelector("#manage-summit-link"));
    }

    [Fact]
    public async Task An_edit_made_on_a_stale_copy_is_refused_and_the_newer_edit_is_kept()
    {
        using var first = await app.LoggedInClientAsync(Roles.Organiser);
        using var second = await app.LoggedInClientAsync(Roles.Organiser);
        var name = $"Contested {Guid.NewGuid():N}";
        var (_, _) = await first.SubmitAndFollowAsync(await first.GetPageAsync("/Summits/Manage/Edit"), "#summit-form", Form(name));
        var id = await app.WithDbAsync(db => db.Summits.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

        var firstCopy = await first.GetPageAsync($"/Summits/Manage/Edit/{id}");
        var secondCopy = await second.GetPageAsync($"/Summits/Manage/Edit/{id}");
        var saved = await second.SubmitAsync(secondCopy, "#summit-form", new Dictionary<string, string> { ["Input.Venue"] = "QEII Centre" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var stale = await first.SubmitAsync(firstCopy, "#summit-form", new Dictionary<string, string> { ["Input.Venue"] = "Somewhere else" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this summit", (await FormClient.ParseAsync(stale)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal("QEII Centre", await app.WithDbAsync(db => db.Summits.Where(s => s.Id == id).Select(s => s.Venue).SingleAsync()));
    }

    [Fact]
    public async Task A_summit_cannot_open_without_a_registration_window_and_the_page_says_why()
    {
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var name = $"No window {Guid.NewGuid():N}";
        var (_, editPage) = await client.SubmitAndFollowAsync(await client.GetPageAsync("/Summits/Manage/Edit"), "#summit-form",
            Form(name, v => { v["Input.RegistrationOpens"] = ""; v["Input.RegistrationCloses"] = ""; }));
        var (response, page) = await client.SubmitAndFollowAsync(editPage, "form.status-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = page.QuerySelector(".validation-summary-errors")!;
        Assert.Contains("registration window", summary.TextContent);
        // Only the real problem: not "The City field is required" for a status form that posts no summit fields.
        Assert.Single(summary.QuerySelectorAll("li"));
        Assert.DoesNotContain("required", page.QuerySelector("#summit-form")!.TextContent);
        Assert.Equal(name, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#summit-form [name='Input.Name']")!).Value);
        Assert.Equal(SummitStatus.Draft, await app.WithDbAsync(db => db.Summits.Where(s => s.Name == name).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_sample_summit_button_creates_an_open_summit_with_its_host_a_programme_and_a_draft_statement()
    {
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync("/Summits/Manage");
        var (response, details) = await client.SubmitAndFollowAsync(page, "#sample-summit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = details.QuerySelector("main")!.TextContent;
        Assert.Contains("(sample)", text);
        Assert.Contains("Hosted by", text);
        Assert.Contains("United Arab Emirates", text);
        Assert.Contains("Registration is open", text);
        Assert.Contains("with a programme and a draft Statement of Action to try", text);
        var summitId = int.Parse(response.RequestMessage!.RequestUri!.AbsolutePath.Split("/").Last(), System.Globalization.CultureInfo.InvariantCulture);
        // The host is a member as every member is: in the membership register, not by a year on its entry.
        var joined = await app.WithDbAsync(db => db.Memberships.AsNoTracking()
            .Where(m => m.LeftOn == null && db.Organisations.Any(o => o.Id == m.OrganisationId && o.FormalName == SampleSummit.HostFormalName))
            .Select(m => m.JoinedOn).SingleAsync());
        Assert.Equal(SampleSummit.HostJoinedOn, joined);

        // Something to try: the agenda has plenaries and bookable breakouts on both days, in themed rooms.
        var agenda = (await client.GetPageAsync($"/Breakouts/Agenda/{summitId}")).QuerySelector("main")!.TextContent;
        Assert.Contains("Opening plenary", agenda);
        Assert.Contains("Safety by design", agenda);
        Assert.Contains("Closing plenary: adopting the Statement of Action", agenda);
        var programme = await app.WithDbAsync(db => db.Breakouts.AsNoTracking().Where(b => b.SummitId == summitId)
            .Select(b => new { b.IsPlenary, b.ThemeId, Day = b.StartUtc.Date }).ToListAsync());
        Assert.Equal(2, programme.Count(b => b.IsPlenary));
        Assert.True(programme.Where(b => !b.IsPlenary).All(b => b.ThemeId != null));
        Assert.Equal(2, programme.Select(b => b.Day).Distinct().Count());

        // A draft statement whose text parses cleanly, in the shapes statements are written in.
        var statement = await app.WithDbAsync(db => db.Statements.AsNoTracking().Include(s => s.Versions).SingleAsync(s => s.SummitId == summitId));
        Assert.Equal(StatementStatus.Draft, statement.Status);
        var parsed = StatementParser.Parse(Assert.Single(statement.Versions).Text);
        Assert.Empty(parsed.Errors);
        Assert.Empty(parsed.Warnings);
        var manage = (await client.GetPageAsync($"/Statements/Manage/{summitId}")).QuerySelector("main")!.TextContent;
        Assert.Contains("Statement of Action (sample)", manage);
    }

    [Fact]
    public async Task Editing_an_unknown_summit_is_404_and_a_delegate_cannot_open_the_organiser_pages()
    {
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync("/Summits/Manage/Edit/987654")).StatusCode);
        using var delegateClient = await app.LoggedInClientAsync();
        var denied = await delegateClient.GetAsync("/Summits/Manage/Edit");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
    }

    /// <summary>The public participant list names each delegation in protocol order (head of delegation, then rank,
    /// protocol order and name), yet shows only name, position and organisation: no honorific, title or rank.</summary>
    [Fact]
    public async Task The_public_participant_list_orders_a_delegation_by_protocol_and_shows_no_protocol_detail()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (_, inOrder) = await app.SeededDelegationAsync(summit.Id);
        using var visitor = app.CreateFormClient();
        var page = await visitor.GetPageAsync($"/Summits/Participants/{summit.Id}");
        var rows = page.QuerySelectorAll("#participants tbody tr").Select(tr => tr.QuerySelectorAll("td")[1].TextContent).ToList();
        Assert.Equal(inOrder.Select(r => r.FullName), rows);
        var listed = page.QuerySelector("#participants")!.TextContent;
        foreach (var detail in new[] { "H.E.", "Minister of Interior", "Ambassador", "Senior official", "SUM(" })
            Assert.DoesNotContain(detail, listed);
    }

    [Fact]
    public async Task Raising_the_capacity_gives_the_new_places_to_the_waiting_list_in_its_order()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 1);
        await app.ApprovedDelegateAsync(summit.Id, "First In");
        var organisation = await app.CreateOrganisationAsync();
        var first = await app.RegisterAsync(await app.CreateUserAsync(fullName: "First Waiting"), summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(first.Id, RegistrationStatus.Waitlisted)).Succeeded);
        var second = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Second Waiting"), summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(second.Id, RegistrationStatus.Waitlisted)).Succeeded);

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var (_, page) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}"), "#summit-form",
            new Dictionary<string, string> { ["Input.DelegateCapacity"] = "2" });
        Assert.Contains("1 delegate moved up from the waiting list into the new places", page.QuerySelector("#status")!.TextContent);
        Assert.Equal([RegistrationStatus.Approved, RegistrationStatus.Waitlisted],
            await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == first.Id || r.Id == second.Id).OrderBy(r => r.Id).Select(r => r.Status).ToListAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == Data.Notifications.NotificationKinds.RegistrationPromoted && n.SubjectId == first.Id)));
    }

}
