using AngleSharp.Html.Dom;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>The check-in desk beyond the scanner, through HTTP: a code typed by hand, a name search, undo, and the
/// cues the desk must see (minister, access needs).</summary>
public class CheckInByNameTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<(Data.Summits.Summit Summit, Registration Registration)> ApprovedAsync(string name, bool minister = false, string? accessNeeds = null)
    {
        var summit = await app.CreateOpenSummitAsync();
        var registration = await AddAsync(summit, name, minister, accessNeeds);
        return (summit, registration);
    }

    private async Task<Registration> AddAsync(Data.Summits.Summit summit, string name, bool minister = false, string? accessNeeds = null)
    {
        var org = await app.CreateOrganisationAsync("Republic of Chile " + Guid.NewGuid().ToString("N")[..6], country: "CL");
        var registration = await app.RegisterAsync(await app.CreateUserAsync(fullName: name), summit.Id, org.Id, DelegateCategory.HeadOfDelegation, minister);
        if (accessNeeds is not null)
            await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.AccessNeeds, accessNeeds)));
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        return registration;
    }

    private Task<DateTime?> CheckedInAsync(int registrationId) =>
        app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registrationId).Select(r => r.CheckedInUtc).SingleAsync());

    private static string Outcome(IHtmlDocument page) => page.QuerySelector("#checkin-outcome")?.GetAttribute("data-outcome") ?? "<none>";

    [Fact]
    public async Task A_code_typed_in_lower_case_with_spaces_checks_in_and_a_slip_is_not_a_badge_code()
    {
        var (summit, registration) = await ApprovedAsync("Ana Lima");
        using var desk = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}");

        // One character off: never someone else, and nobody is checked in.
        var code = registration.BadgeCode;
        var slip = code[..5] + BadgeCodes.Alphabet.First(c => c != code[5]) + code[6..];
        var (_, wrong) = await desk.SubmitAndFollowAsync(page, "form#checkin-form", new Dictionary<string, string> { ["Code"] = slip.ToLowerInvariant() });
        Assert.Equal("NotABadgeCode", Outcome(wrong));
        Assert.Null(await CheckedInAsync(registration.Id));

        var typed = string.Join(' ', BadgeCodes.Display(code).ToLowerInvariant().Split('-'));
        var (_, right) = await desk.SubmitAndFollowAsync(page, "form#checkin-form", new Dictionary<string, string> { ["Code"] = typed });
        Assert.Equal("CheckedIn", Outcome(right));
        Assert.Equal("Ana Lima", right.QuerySelector("#checkin-name")?.TextContent.Trim());
        Assert.NotNull(await CheckedInAsync(registration.Id));
    }

    [Fact]
    public async Task An_organiser_finds_a_delegate_by_part_of_the_name_checks_them_in_and_undoes_it()
    {
        var (summit, registration) = await ApprovedAsync("Ana Maria Lima");
        await AddAsync(summit, "Bruno Lima");
        var cancelled = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Carla Lima"), summit.Id, (await app.CreateOrganisationAsync()).Id);
        using var desk = await app.LoggedInClientAsync(Roles.Organiser);

        // The search is a GET form (the address can be bookmarked; the browser test types into it).
        var page = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}");
        Assert.Equal("get", page.QuerySelector("form#checkin-search-form")?.GetAttribute("method"));
        Assert.NotNull(page.QuerySelector("form#checkin-search-form input[name=q]"));
        var found = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}?q=LIMA");
        var names = found.QuerySelectorAll("#checkin-matches .match-name").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(new[] { "Ana Maria Lima", "Bruno Lima", "Carla Lima" }, names);
        // The pending registration is shown as "do not admit", with no button.
        var carla = found.QuerySelector($"#checkin-matches li[data-id='{cancelled.Id}']")!;
        Assert.Null(carla.QuerySelector("form"));
        Assert.Contains("do not admit", carla.QuerySelector(".match-status")?.TextContent);

        // Every word must match, in any case: "ana lima" finds only Ana Maria Lima.
        var narrowed = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}?q=ana%20%20lima");
        var only = Assert.Single(narrowed.QuerySelectorAll("#checkin-matches li"));
        Assert.Equal(registration.Id.ToString(), only.GetAttribute("data-id"));

        var (_, checkedIn) = await desk.SubmitAndFollowAsync(narrowed, $"#checkin-matches li[data-id='{registration.Id}'] form");
        Assert.Equal("CheckedIn", Outcome(checkedIn));
        Assert.Equal("Ana Maria Lima", checkedIn.QuerySelector("#checkin-name")?.TextContent.Trim());
        Assert.Equal("1 of 2 approved delegates checked in", checkedIn.QuerySelector("#checkin-count")?.TextContent.Trim());
        Assert.NotNull(await CheckedInAsync(registration.Id));

        var (_, undone) = await desk.SubmitAndFollowAsync(checkedIn, "form#checkin-undo");
        Assert.Equal("Undone", Outcome(undone));
        Assert.Equal("Check-in of Ana Maria Lima undone.", undone.QuerySelector("#checkin-undo-message")?.TextContent.Trim());
        Assert.Equal("0 of 2 approved delegates checked in", undone.QuerySelector("#checkin-count")?.TextContent.Trim());
        Assert.Null(await CheckedInAsync(registration.Id));

        // Undo is audited, once, without the name; a second undo changes nothing.
        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == registration.Id.ToString()
            && (e.Action == "registration.checked-in" || e.Action == "registration.check-in-undone")).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(new[] { "registration.checked-in", "registration.check-in-undone" }, events.Select(e => e.Action).ToList());
        Assert.DoesNotContain("Lima", events[1].Summary);
        var (_, again) = await desk.SubmitAndFollowAsync(checkedIn, "form#checkin-undo");
        Assert.Equal("Ana Maria Lima is not checked in.", again.QuerySelector("#checkin-undo-message")?.TextContent.Trim());

        // Checked in again after the undo: a new arrival.
        var (_, back) = await desk.SubmitAndFollowAsync(narrowed, $"#checkin-matches li[data-id='{registration.Id}'] form");
        Assert.Equal("CheckedIn", Outcome(back));
    }

    [Fact]
    public async Task The_name_search_ignores_case_and_accents_in_any_script_as_the_vetting_queue_does()
    {
        var (summit, elodie) = await ApprovedAsync("Élodie Durand");
        var jose = await AddAsync(summit, "José Pérez");
        var ivan = await AddAsync(summit, "Иван Петров");
        await AddAsync(summit, "Elena Jones");
        using var desk = await app.LoggedInClientAsync(Roles.Organiser);

        async Task<List<string>> FoundAsync(string typed) =>
            (await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}?q={Uri.EscapeDataString(typed)}"))
                .QuerySelectorAll("#checkin-matches li").Select(li => li.GetAttribute("data-id")!).ToList();

        Assert.Equal([elodie.Id.ToString()], await FoundAsync("élodie"));
        Assert.Equal([elodie.Id.ToString()], await FoundAsync("elodie durand"));
        Assert.Equal([jose.Id.ToString()], await FoundAsync("jose"));
        Assert.Equal([jose.Id.ToString()], await FoundAsync("PEREZ"));
        Assert.Equal([ivan.Id.ToString()], await FoundAsync("иван"));
        Assert.Equal([ivan.Id.ToString()], await FoundAsync("петров иван"));
        // Arabic as it is typed: without the hamza, alef maqsura as yeh, teh marbuta as heh.
        var ahmed = await AddAsync(summit, "أحمد الكعبي");
        var fatima = await AddAsync(summit, "فاطمة مصطفى");
        Assert.Equal([ahmed.Id.ToString()], await FoundAsync("احمد"));
        Assert.Equal([ahmed.Id.ToString()], await FoundAsync("أحمد الكعبي"));
        Assert.Equal([fatima.Id.ToString()], await FoundAsync("فاطمه مصطفي"));
        // The vetting queue finds the same people with the same words.
        var queue = await desk.GetPageAsync($"/Registration/Manage/Index/{summit.Id}?q={Uri.EscapeDataString("иван")}");
        Assert.Contains("Иван Петров", queue.QuerySelector("#queue-table tbody")?.TextContent);
    }

    [Fact]
    public async Task The_name_search_with_htmx_answers_only_the_matches_and_an_unknown_name_says_so()
    {
        var (summit, registration) = await ApprovedAsync("Dmitri Ivanov");
        using var desk = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}");
        Assert.Equal($"/Registration/Manage/CheckIn/{summit.Id}", page.QuerySelector("form#checkin-search-form")?.GetAttribute("hx-get"));

        var request = new HttpRequestMessage(HttpMethod.Get, $"/Registration/Manage/CheckIn/{summit.Id}?q=ivan");
        request.Headers.Add("HX-Request", "true");
        var response = await desk.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<nav", body, StringComparison.OrdinalIgnoreCase);
        var fragment = await FormClient.ParseAsync(response, body);
        var match = Assert.Single(fragment.QuerySelectorAll("#checkin-search-results #checkin-matches li"));
        Assert.Equal(registration.Id.ToString(), match.GetAttribute("data-id"));
        Assert.Equal($"/Registration/Manage/CheckIn/{summit.Id}?handler=Person", match.QuerySelector("form")?.GetAttribute("hx-post"));

        var none = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}?q=Nobody");
        Assert.NotNull(none.QuerySelector("#checkin-no-match"));
        // A registration of another summit is not offered, and cannot be checked in here.
        var other = await app.CreateOpenSummitAsync();
        var elsewhere = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{other.Id}?q=ivanov");
        Assert.NotNull(elsewhere.QuerySelector("#checkin-no-match"));
        var token = page.QuerySelector("form#checkin-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await desk.Http.PostAsync($"/Registration/Manage/CheckIn/{other.Id}?handler=Person",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["registrationId"] = registration.Id.ToString() }));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Null(await CheckedInAsync(registration.Id));
    }

    [Fact]
    public async Task The_desk_sees_the_minister_and_access_needs_cues()
    {
        var (summit, registration) = await ApprovedAsync("Grace Wanjiru", minister: true, accessNeeds: "Wheelchair user: step-free route");
        using var desk = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}");
        var (_, result) = await desk.SubmitAndFollowAsync(page, "form#checkin-form", new Dictionary<string, string> { ["Code"] = registration.BadgeCode });

        Assert.Equal("CheckedIn", Outcome(result));
        Assert.NotNull(result.QuerySelector("#checkin-cues [data-cue=minister]"));
        Assert.Contains("Wheelchair user: step-free route", result.QuerySelector("#checkin-cues [data-cue=access]")?.TextContent);

        var plainCode = (await AddAsync(summit, "Plain Person")).BadgeCode;
        var (_, noCues) = await desk.SubmitAndFollowAsync(page, "form#checkin-form", new Dictionary<string, string> { ["Code"] = plainCode });
        Assert.Equal("CheckedIn", Outcome(noCues));
        Assert.Null(noCues.QuerySelector("#checkin-cues"));
    }

    [Fact]
    public async Task The_desk_sees_the_access_needs_ticked_on_the_form_but_not_the_dietary_ones()
    {
        var (summit, registration) = await ApprovedAsync("Tomas Lindqvist", minister: false, accessNeeds: null);
        await app.SetNeedsAsync(registration.Id, null, Data.Questions.Need.SignLanguage, Data.Questions.Need.Vegetarian);
        using var desk = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}");
        var (_, result) = await desk.SubmitAndFollowAsync(page, "form#checkin-form", new Dictionary<string, string> { ["Code"] = registration.BadgeCode });

        Assert.Equal("CheckedIn", Outcome(result));
        var cue = result.QuerySelector("#checkin-cues [data-cue=access]")?.TextContent;
        Assert.Contains(Data.Questions.NeedNames.DisplayName(Data.Questions.Need.SignLanguage), cue);
        Assert.DoesNotContain(Data.Questions.NeedNames.DisplayName(Data.Questions.Need.Vegetarian), cue);
    }


    /// <summary>A minister is greeted properly: the desk sees "H.E. Ms Amina Diallo" and her title, in the matches and
    /// after the check-in, each isolated for bidi; namesakes come in protocol order (the head of delegation, then the
    /// minister, then by rank and order), not by first name.</summary>
    [Fact]
    public async Task The_desk_greets_a_minister_by_honorific_and_title_and_lists_namesakes_in_protocol_order()
    {
        var summit = await app.CreateOpenSummitAsync();
        var senegal = await app.CreateOrganisationAsync("Republic of Senegal " + Guid.NewGuid().ToString("N")[..6], country: "SN");
        async Task<Registration> DelegateAsync(string name, DelegateCategory category)
        {
            var registration = await app.RegisterAsync(await app.CreateUserAsync(fullName: name), summit.Id, senegal.Id, category);
            Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
            return registration;
        }
        var binta = await DelegateAsync("Binta Diallo", DelegateCategory.Delegate);
        var awa = await DelegateAsync("Awa Diallo", DelegateCategory.Delegate);
        var amina = await DelegateAsync("Amina Diallo", DelegateCategory.Delegate);
        var moussa = await DelegateAsync("Moussa Diallo", DelegateCategory.HeadOfDelegation);
        await app.SetProtocolAsync(summit.Id, amina.Id, new("Minister of Interior", "H.E. Ms", Data.Invitations.ProtocolRank.Minister, 2));
        await app.SetProtocolAsync(summit.Id, awa.Id, new(null, null, Data.Invitations.ProtocolRank.Ambassador, null));
        using var desk = await app.LoggedInClientAsync(Roles.Organiser);

        var found = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}?q=diallo");
        Assert.Equal([moussa.Id, amina.Id, awa.Id, binta.Id],
            found.QuerySelectorAll("#checkin-matches li").Select(li => int.Parse(li.GetAttribute("data-id")!)));
        var match = found.QuerySelector($"#checkin-matches li[data-id='{amina.Id}']")!;
        var name = match.QuerySelector(".match-name")!;
        Assert.Equal(("BDI", "H.E. Ms Amina Diallo"), (name.TagName, name.TextContent));
        Assert.Equal(("BDI", "Minister of Interior"), (match.QuerySelector(".match-title")!.TagName, match.QuerySelector(".match-title")!.TextContent));
        Assert.Equal("Minister", match.QuerySelector(".match-rank")!.TextContent);
        Assert.Equal("Ambassador", found.QuerySelector($"#checkin-matches li[data-id='{awa.Id}'] .match-rank")!.TextContent);
        // Without protocol details, the name and the position as given.
        Assert.Equal("Binta Diallo", found.QuerySelector($"#checkin-matches li[data-id='{binta.Id}'] .match-name")!.TextContent);
        Assert.Equal("Director", found.QuerySelector($"#checkin-matches li[data-id='{binta.Id}'] .match-title")!.TextContent);

        var (_, checkedIn) = await desk.SubmitAndFollowAsync(found, $"#checkin-matches li[data-id='{amina.Id}'] form");
        Assert.Equal("CheckedIn", Outcome(checkedIn));
        var greeted = checkedIn.QuerySelector("#checkin-name")!;
        Assert.Equal(("BDI", "H.E. Ms Amina Diallo"), (greeted.TagName, greeted.TextContent));
        Assert.Equal(("BDI", "Minister of Interior"), (checkedIn.QuerySelector("#checkin-title")!.TagName, checkedIn.QuerySelector("#checkin-title")!.TextContent));
        Assert.Equal("Minister (protocol order 2)", checkedIn.QuerySelector("#checkin-rank")!.TextContent);
        Assert.Contains("Minister", checkedIn.QuerySelector("#checkin-cues [data-cue=minister]")!.TextContent);

        // The same greeting on an Arabic desk, the Latin name isolated in the right-to-left page.
        using var arabic = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "ar");
        var arabicPage = await arabic.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}?q=amina");
        Assert.Equal("rtl", arabicPage.DocumentElement.GetAttribute("dir"));
        var arabicName = arabicPage.QuerySelector($"#checkin-matches li[data-id='{amina.Id}'] .match-name")!;
        Assert.Equal(("BDI", "H.E. Ms Amina Diallo"), (arabicName.TagName, arabicName.TextContent));

        // Without a protocol title the position is the title line, said once.
        var (_, plain) = await desk.SubmitAndFollowAsync(await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}?q=binta"),
            $"#checkin-matches li[data-id='{binta.Id}'] form");
        Assert.Equal("Director", plain.QuerySelector("#checkin-title")!.TextContent);
        Assert.Null(plain.QuerySelector("#checkin-position"));
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(plain.QuerySelector("#checkin-result")!.TextContent, "Director"));
    }

    [Fact]
    public async Task A_name_in_another_script_is_found_by_the_e_mail_address_and_a_delegation_by_its_organisation()
    {
        var summit = await app.CreateOpenSummitAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var jordan = await app.CreateOrganisationAsync("Hashemite Kingdom of Jordan " + tag, country: "JO");
        var omar = await app.RegisterAsync(await app.CreateUserAsync($"omar.khatib.{tag}@example.org", fullName: "عمر الخطيب"), summit.Id, jordan.Id);
        var kenya = await app.CreateOrganisationAsync("Government of Kenya " + tag, country: "KE");
        var aide = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Amani Otieno"), summit.Id, kenya.Id);
        var head = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Zawadi Njeri"), summit.Id, kenya.Id, DelegateCategory.HeadOfDelegation);
        foreach (var id in new[] { omar.Id, aide.Id, head.Id }) Assert.True((await app.DecideAsync(id, RegistrationStatus.Approved)).Succeeded);
        using var desk = await app.LoggedInClientAsync(Roles.Organiser);

        foreach (var typed in new[] { "Omar", "KHATIB" })
        {
            var found = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}?q={typed}");
            var only = Assert.Single(found.QuerySelectorAll("#checkin-matches li"));
            Assert.Equal(omar.Id.ToString(), only.GetAttribute("data-id"));
            Assert.Equal("found by e-mail address", only.QuerySelector(".match-on")!.TextContent.Trim());
        }

        // The whole delegation, head first; said found by organisation, not by name.
        var delegation = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}?q=kenya+{tag}");
        Assert.Equal([head.Id.ToString(), aide.Id.ToString()], delegation.QuerySelectorAll("#checkin-matches li").Select(li => li.GetAttribute("data-id")));
        Assert.All(delegation.QuerySelectorAll("#checkin-matches .match-on"), e => Assert.Equal("Organisation", e.GetAttribute("data-on")));
        var byName = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}?q=zawadi");
        Assert.Empty(Assert.Single(byName.QuerySelectorAll("#checkin-matches li")).QuerySelectorAll(".match-on"));

        var nobody = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}?q=nairobi");
        Assert.Contains("in their name, e-mail address or organisation", nobody.QuerySelector("#checkin-no-match")!.TextContent);
    }
}
