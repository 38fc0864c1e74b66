using System.Globalization;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Questions;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Statements;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>The pages a delegate sees (the summit's page, a statement's text, the consultation, the agenda, the
/// registration page and its edit, travel, badge and accreditation pages, a breakout's page, the communiqués), each opened by the same delegate in English
/// and then in each other language: a text of the page's own (not a name, a title or another value of the data) that
/// reads the same in both is English left in the view, and fails. So a sentence added later in English only fails too,
/// without anyone listing it. Text in an element whose <c>lang</c> is another language (a statement's text) is data.</summary>
public class DelegatePagesInTheirLanguageTests(LocalizedAppFactory app) : IClassFixture<LocalizedAppFactory>
{
    public static TheoryData<string> Languages() => EnglishLeft.Languages();

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_delegates_pages_have_no_English_left(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, approved) = await app.ApprovedDelegateAsync(summit.Id, "Amina Diallo");
        await app.SetNeedsAsync(approved.Id, null, Need.Vegan, Need.WheelchairAccess);
        await app.SaveTravelAsync(approved, new TravelPlan(summit.StartDate.ToDateTime(new TimeOnly(7, 0)), "EK 2",
            summit.EndDate.ToDateTime(new TimeOnly(21, 0)), null, "Hôtel Atlantis"));
        var breakout = await app.CreateBreakoutAsync(summit);
        Assert.NotNull((await app.BookAsync(breakout.Id, user)).Booked());
        var (final, _) = await app.CreateStatementAsync(summit.Id, StatementStatus.OpenForSignature, StatementExample.Canonical, $"Final {Guid.NewGuid():N}"[..14]);
        var (consulted, _) = await app.CreateStatementAsync(summit.Id, StatementStatus.Consultation, StatementExample.Canonical, $"Draft {Guid.NewGuid():N}"[..14]);
        // A registration still pending for another summit: its form can be changed, and its badge page says why there is none.
        var other = await app.CreateOpenSummitAsync();
        var pending = await app.RegisterAsync(user, other.Id, approved.OrganisationId!.Value);
        var data = await app.WithDbAsync(async db => new[]
            {
                summit.Name, other.Name, summit.City, summit.Venue ?? "", summit.TimeZoneId, user.FullName, approved.Position, breakout.Title,
                "Hôtel Atlantis", "EK 2", final.Title, consulted.Title, summit.Theme ?? "", summit.ContactEmail ?? "",
                await db.Rooms.Where(r => r.Id == breakout.RoomId).Select(r => r.Name).SingleAsync(),
                await db.Organisations.Where(o => o.Id == approved.OrganisationId).Select(o => o.FormalName).SingleAsync(),
            }
            .Concat((summit.Description ?? "").Split("\n\n"))
            .Concat(await db.Organisations.Select(o => o.FormalName).ToListAsync())
            .Concat(EnglishLeft.CountryNames(language)));
        using var client = await app.LogInAsync(user);

        string[] urls =
        [
            $"/Summits/Details/{summit.Id}", $"/Statements/{final.Id}/text", $"/Statements/{consulted.Id}/consult",
            $"/Breakouts/Agenda/{summit.Id}", $"/Registration/Details/{approved.Id}", $"/Registration/Edit/{pending.Id}",
            $"/Registration/Travel/{approved.Id}", $"/Registration/Badge/{pending.Id}", "/Communiques",
            $"/Registration/Accreditation/{approved.Id}", $"/Breakouts/Session/{breakout.Id}",
        ];
        var failures = new List<string>();
        foreach (var url in urls)
            EnglishLeft.Compare(url, await EnglishLeft.PageAsync(client, url, "en"), await EnglishLeft.PageAsync(client, url, language), language, data, failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The registration page of a summit whose registration has not opened, has closed, or that has taken
    /// place says why in the language, the date with the language's month.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Why_registration_is_closed_is_said_in_the_language(string language)
    {
        var summits = new List<Data.Summits.Summit>();
        foreach (var state in new[] { "not yet", "closed", "past" })
            summits.Add(await app.WithDbAsync(async db =>
            {
                var summit = Data.Summits.SampleSummit.Create(app.UtcNow);
                summit.Name = $"Summit {state} {Guid.NewGuid():N}";
                if (state == "not yet") summit.RegistrationOpensUtc = app.UtcNow.AddDays(40);
                Assert.Null(summit.MoveTo(Data.Summits.SummitStatus.Open));
                if (state != "not yet") Assert.Null(summit.MoveTo(Data.Summits.SummitStatus.Closed));
                if (state == "past") Assert.Null(summit.MoveTo(Data.Summits.SummitStatus.Archived));
                db.Summits.Add(summit);
                await db.SaveChangesAsync();
                return summit;
            }));
        using var client = await app.LoggedInClientAsync();
        var failures = new List<string>();
        foreach (var summit in summits)
        {
            var url = $"/Registration/Register/{summit.Id}";
            var english = await EnglishLeft.PageAsync(client, url, "en");
            var translated = await EnglishLeft.PageAsync(client, url, language);
            Assert.NotNull(translated.QuerySelector("#registration-closed"));
            EnglishLeft.Compare(url, english, translated, language, [summit.Name, summit.City, summit.TimeZoneId], failures);
        }
        var opens = summits[0].ToLocal(summits[0].RegistrationOpensUtc!.Value);
        var month = opens.ToString("MMMM", CultureInfo.GetCultureInfo(Data.Languages.InterfaceLanguages.Get(language).FormattingCulture));
        Assert.Contains(month, (await EnglishLeft.PageAsync(client, $"/Registration/Register/{summits[0].Id}", language)).QuerySelector("#registration-closed")!.TextContent);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The registration form posted with broken answers (no position, no category, an overlong note) answers
    /// every error in the language, the numbers in them too.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_registration_forms_errors_are_said_in_the_language(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        using var client = await app.LoggedInClientAsync();
        async Task<List<string>> ErrorsAsync(string speaking)
        {
            var form = await EnglishLeft.PageAsync(client, $"/Registration/Register/{summit.Id}", speaking);
            var answer = await LocalizedAppFactory.Speaking(client, speaking).SubmitAsync(form, "#registration-form", new Dictionary<string, string>
            {
                // A direction override, which makes a name read differently from what it is (the name rule).
                ["Input.Position"] = "Minister \u202E of Justice",
                ["Input.OrganisationId"] = organisation.Id.ToString(CultureInfo.InvariantCulture),
                ["Input.Category"] = "",
                ["Input.AccessNeeds"] = new string('x', 1001),
            });
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            return [.. (await FormClient.ParseAsync(answer)).QuerySelectorAll(".field-validation-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0)];
        }
        var english = await ErrorsAsync("en");
        var translated = await ErrorsAsync(language);
        Assert.Equal(3, english.Count);
        Assert.Contains(english, e => e.Contains("longer than 1000 characters"));
        Assert.Contains("Your position contains a character that is not allowed in a name (the invisible direction control U+202E). Type the name again without it.", english);
        Assert.Equal(english.Count, translated.Count);
        Assert.Empty(translated.Intersect(english));
        Assert.Contains(translated, e => e.Contains("1000"));
        Assert.Contains(translated, e => e.Contains("U+202E"));
    }

    /// <summary>The public communiqué pages (the communiqué, its signatories, the verification form and its answer for
    /// the communiqué's own PDF), opened by a visitor in English and in the language.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_communique_pages_have_no_English_left(string language)
    {
        var closed = await app.ClosedStatementAsync();
        var communique = await app.PublishedAsync(closed.StatementId);
        var data = await app.WithDbAsync(async db => new[]
            {
                closed.Title, communique.CertificateSubject ?? "", "communique.pdf",
                await db.Summits.Where(s => s.Id == closed.SummitId).Select(s => s.Name).SingleAsync(),
                await db.Summits.Where(s => s.Id == closed.SummitId).Select(s => s.TimeZoneId).SingleAsync(),
            }
            .Concat(closed.Organisations.SelectMany(o => new[] { o.FormalName, o.SortName })));
        using var visitor = app.CreateFormClient();
        var failures = new List<string>();
        foreach (var url in new[] { $"/Communiques/{communique.Id}", $"/Communiques/Signatories/{closed.StatementId}", "/Communiques/Verify" })
            EnglishLeft.Compare(url, await EnglishLeft.PageAsync(visitor, url, "en"), await EnglishLeft.PageAsync(visitor, url, language), language, data, failures);

        var (_, english) = await LocalizedAppFactory.Speaking(visitor, "en").VerifyAsync(communique.Pdf!);
        var (_, translated) = await LocalizedAppFactory.Speaking(visitor, language).VerifyAsync(communique.Pdf!);
        Assert.Equal("true", translated.QuerySelector("#verify-result")!.GetAttribute("data-valid"));
        EnglishLeft.Compare("/Communiques/Verify (a valid communiqué)", english, translated, language, data, failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The invitation's link, opened by its focal point (the accept form) and by someone signed in with another
    /// address (told which address to use), in English and in the language.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_invitation_page_has_no_English_left(string language)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (organisation, focal, token) = await app.SentInvitationAsync(summit.Id);
        var other = await app.CreateUserAsync(fullName: "Someone Else");
        string[] data = [summit.Name, summit.City, organisation.FormalName, EmailAddresses.Mask(focal.Email!)];
        var url = $"/Invitations/Accept/{token}";
        var failures = new List<string>();
        using (var client = await app.LogInAsync(focal))
        {
            var translated = await EnglishLeft.PageAsync(client, url, language);
            Assert.NotNull(translated.QuerySelector("#accept-form"));
            EnglishLeft.Compare(url, await EnglishLeft.PageAsync(client, url, "en"), translated, language, data, failures);
        }
        using (var client = await app.LogInAsync(other))
        {
            var translated = await EnglishLeft.PageAsync(client, url, language);
            Assert.NotNull(translated.QuerySelector("#invitation-refused"));
            EnglishLeft.Compare(url + " (another address)", await EnglishLeft.PageAsync(client, url, "en"), translated, language, data, failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_Arabic_agenda_and_registration_read_in_Arabic()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, approved) = await app.ApprovedDelegateAsync(summit.Id, "ليلى حسن");
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 5);
        Assert.NotNull((await app.BookAsync(breakout.Id, user)).Booked());
        using var client = LocalizedAppFactory.Speaking(await app.LogInAsync(user), "ar");

        var agenda = await EnglishLeft.PageAsync(client, $"/Breakouts/Agenda/{summit.Id}", "ar");
        Assert.Equal("rtl", agenda.DocumentElement.GetAttribute("dir"));
        Assert.Equal("جدول الأعمال", agenda.QuerySelector("main h1")!.TextContent);
        Assert.Equal("مقعدك", agenda.QuerySelector(".my-booking")!.TextContent);
        Assert.Equal("بقيت 4 مقاعد", agenda.QuerySelector(".seat-state")!.TextContent);
        Assert.Equal("1 جلسة.", agenda.QuerySelector("#agenda-count")!.TextContent.Trim());

        var travel = await EnglishLeft.PageAsync(client, $"/Registration/Travel/{approved.Id}", "ar");
        Assert.Equal("الوصول (التاريخ والوقت)", travel.QuerySelector("label[for=Input_ArrivalLocal]")!.TextContent);
        Assert.Equal("حفظ بيانات السفر", travel.QuerySelector("#travel-form button[type=submit]")!.TextContent);

        // A refusal from the desk in Arabic: the form without times.
        var refused = await client.SubmitAsync(travel, "#travel-form", new Dictionary<string, string> { ["Input.ArrivalLocal"] = "", ["Input.DepartureLocal"] = "" });
        var errors = (await FormClient.ParseAsync(refused)).QuerySelector("#travel-form")!.TextContent;
        Assert.Contains("أدخل تاريخ ووقت وصولك.", errors);
    }

    [Fact]
    public async Task The_French_summit_page_formats_its_dates_in_French()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var visitor = app.CreateFormClient();
        var page = await EnglishLeft.PageAsync(visitor, $"/Summits/Details/{summit.Id}", "fr");
        var closes = summit.ToLocal(summit.RegistrationClosesUtc!.Value).ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("fr-FR"));
        Assert.Equal($"Les inscriptions sont ouvertes jusqu'au {closes} ({summit.TimeZoneId}).", page.QuerySelector("main [role=status]")!.TextContent);
        Assert.Contains(summit.StartDate.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR")), page.QuerySelector("main dl")!.TextContent);
        Assert.Contains($"{summit.DelegateCapacity.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} places de délégué", page.QuerySelector("main dl")!.TextContent);
    }
}
