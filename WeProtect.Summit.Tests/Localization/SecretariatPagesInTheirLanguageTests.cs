using System.Globalization;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Messages;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Questions;
using WeProtect.Summit.Data.Retention;

namespace WeProtect.Summit.Tests.Localization;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>The secretariat's pages (the vetting queue and the other registration pages of a summit, invitations and a
/// registration's protocol, the outbox, and the administrators' users, erasure and audit pages), filled with data and
/// opened by an organiser (an administrator for the Admin pages) in English and then in each other language: a text of
/// the page's own that reads the same in both is English left in the view or in what its page model says (see
/// <see cref="EnglishLeft"/>).</summary>
public class SecretariatPagesInTheirLanguageTests(LocalizedAppFactory app) : IClassFixture<LocalizedAppFactory>
{
    public static TheoryData<string> Languages() => EnglishLeft.Languages();

    /// <summary>Words of these pages that are the same in the language (checked: the translation is this word); none for
    /// a language not listed.</summary>
    private static readonly Dictionary<string, string[]> SameWord = new()
    {
        ["fr"] = ["Invitations", "Invitation", "Message", "Messages", "Date", "Code", "Question", "Questions", "Badges", "Document", "Quota", "Type", "Actions"],
    };

    /// <summary>One summit with registrations in every status (a reason on the rejection), needs, a travel form,
    /// questions, a quota, a sent invitation and an accepted one, a message sent, a printed badge batch,
    /// a check-in, a check-in staff member and a visa letter waiting for a decision.</summary>
    private sealed record Filled(Data.Summits.Summit Summit, int ApprovedId, int MessageId, int QuestionId, int InvitationId, List<string> Data);

    private async Task<Filled> FillAsync()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 1200);
        var government = await app.CreateOrganisationAsync($"Ministry {Guid.NewGuid():N}"[..18], Sector.Government, "KE");
        var company = await app.CreateOrganisationAsync($"Company {Guid.NewGuid():N}"[..17], Sector.PrivateSector, "US");
        var question = await app.AddQuestionAsync(summit.Id, QuestionKind.OneChoice, "Which plenary will you attend?", required: false,
            choices: ["Opening plenary", "Closing plenary"]);
        await app.AddQuestionAsync(summit.Id, QuestionKind.ShortText, "Dietary remarks for the dinner", required: false, form: QuestionForm.Travel);
        var names = new[] { "Amina Diallo", "Brian Otieno", "Chen Wei", "Dana Lopez", "Eitan Levi" };
        var registrations = new List<Registration>();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            var user = await app.CreateUserAsync(fullName: name);
            registrations.Add(await app.RegisterAsync(user, summit.Id, i % 2 == 0 ? government.Id : company.Id,
                i == 0 ? DelegateCategory.HeadOfDelegation : DelegateCategory.Delegate, minister: i == 0));
        }
        Assert.True((await app.DecideAsync(registrations[0].Id, RegistrationStatus.Approved)).Succeeded);
        Assert.True((await app.DecideAsync(registrations[1].Id, RegistrationStatus.Approved)).Succeeded);
        Assert.True((await app.DecideAsync(registrations[2].Id, RegistrationStatus.Waitlisted)).Succeeded);
        Assert.True((await app.DecideAsync(registrations[3].Id, RegistrationStatus.Rejected, "Not a delegate of a member")).Succeeded);
        await app.SetNeedsAsync(registrations[0].Id, "Ramp at the entrance", Need.WheelchairAccess, Need.Vegetarian);
        await app.SetNeedsAsync(registrations[4].Id, null, Need.Halal);
        await app.SaveTravelAsync(registrations[0], new TravelPlan(summit.StartDate.ToDateTime(new TimeOnly(7, 0)), "KQ 310",
            summit.EndDate.ToDateTime(new TimeOnly(21, 0)), null, "Hotel Lumière"));
        var (invited, _, _) = await app.SentInvitationAsync(summit.Id, heads: 1, delegates: 3);
        var (accepted, focal) = await app.AcceptedInvitationAsync(summit.Id);
        var staff = await app.CreateUserAsync(fullName: "Farah Haddad");

        var actor = new AuditActor(null, "Secretariat Officer");
        DelegateMessage message;
        using (var scope = app.Services.CreateScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<MessageDesk>().SendAsync(summit.Id, Guid.NewGuid(), "Shuttle from the airport",
                "Dear {FullName},\nA shuttle meets every flight.", "en", [], new RegistrationFilter { Status = RegistrationStatus.Approved }, actor);
            Assert.True(sent.Succeeded, sent.Message);
            message = sent.Value!;
            var badges = scope.ServiceProvider.GetRequiredService<BadgeDesk>();
            Assert.True((await badges.PrintNewAsync(summit.Id, BadgeLayout.A4Four, null, actor)).Succeeded);
            var code = await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registrations[1].Id).Select(r => r.BadgeCode).SingleAsync());
            Assert.Equal(BadgeDesk.CheckInOutcome.CheckedIn, (await badges.CheckInAsync(summit.Id, code, actor)).Outcome);
            Assert.True((await scope.ServiceProvider.GetRequiredService<CheckInStaffDesk>().GrantAsync(summit.Id, staff.Email, actor)).Succeeded);
        }

        // A visa letter asked for by the approved delegate, through the pages.
        var amina = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == registrations[0].UserId));
        using (var delegateClient = await app.LogInAsync(amina))
        {
            await app.CompleteAccreditationAsync(delegateClient, registrations[0].Id);
            var accreditation = await delegateClient.GetPageAsync(AccreditationSteps.AccreditationUrl(registrations[0].Id));
            await delegateClient.SubmitAndFollowAsync(accreditation, "form#visa-letter-form");
        }

        var data = await app.WithDbAsync(async db => new[]
            {
                summit.Name, summit.City, summit.TimeZoneId, summit.Venue ?? "", government.FormalName, company.FormalName, invited.FormalName,
                "Director", "Not a delegate of a member", "Ramp at the entrance", "KQ 310", "Hotel Lumière", "Secretariat Officer",
                question.Label, "Opening plenary", "Closing plenary", "Dietary remarks for the dinner", "Which plenary will you attend?",
                message.Subject, WeProtect.Summit.Data.Accreditations.VisaLetterSettings.DefaultWording, staff.FullName, staff.Email!, focal.FullName, focal.Email!,
                await db.Organisations.Where(o => o.Id == accepted.OrganisationId).Select(o => o.FormalName).SingleAsync(),
            }
            .Concat(names)
            .Concat(message.Body.Split('\n'))
            .Concat(await db.Users.Select(u => u.Email!).ToListAsync())
            .Concat(await db.Statements.Where(s => s.SummitId == summit.Id).Select(s => s.Title).ToListAsync())
            // The audit trail's summaries, which a delegate's history shows: a record, kept in English.
            .Concat(await db.AuditEvents.Select(e => e.Summary).ToListAsync())
            .ToList());
        return new Filled(summit, registrations[0].Id, message.Id, question.Id, accepted.Id, data);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_registration_pages_of_the_secretariat_have_no_English_left(string language)
    {
        var filled = await FillAsync();
        var id = filled.Summit.Id;
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        string[] urls =
        [
            $"/Registration/Manage/Index/{id}", $"/Registration/Manage/Index/{id}?status=Rejected", $"/Registration/Manage/Quotas/{id}",
            $"/Registration/Manage/Questions/{id}", $"/Registration/Manage/Question/{id}/{filled.QuestionId}", $"/Registration/Manage/Question/{id}",
            $"/Registration/Manage/Dashboard/{id}", $"/Registration/Manage/Needs/{id}", $"/Registration/Manage/Badges/{id}",
            $"/Registration/Manage/CheckIn/{id}", $"/Registration/Manage/CheckIn/{id}?q=Amina", $"/Registration/Manage/CheckIn/{id}?q=Nobody",
            $"/Registration/Manage/Messages/{id}", $"/Registration/Manage/Message/{id}/{filled.MessageId}",
            $"/Registration/Manage/CheckInStaff/{id}", $"/Registration/Manage/VisaLetters/{id}",
            $"/Invitations/Manage/Index/{id}", $"/Invitations/Manage/Protocol/{id}/{filled.ApprovedId}",
            $"/Registration/Manage/Delegate/{id}/{filled.ApprovedId}",
            $"/Invitations/Manage/Revoke/{id}/{filled.InvitationId}",
        ];
        var failures = new List<string>();
        var data = filled.Data.Concat(SameWord.GetValueOrDefault(language) ?? []).Concat(EnglishLeft.CountryNames(language)).ToList();
        // Who did what in a delegate's history: names and roles as the audit trail records them.
        var record = await EnglishLeft.PageAsync(organiser, $"/Registration/Manage/Delegate/{id}/{filled.ApprovedId}", "en");
        data.AddRange(record.QuerySelectorAll("#delegate-history td").Select(td => td.TextContent.Trim()));
        foreach (var url in urls)
            EnglishLeft.Compare(url, await EnglishLeft.PageAsync(organiser, url, "en"), await EnglishLeft.PageAsync(organiser, url, language), language, data, failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The outbox (its list and one message) and the administrators' pages; the rows of the outbox and of the
    /// audit trail (addresses, subjects, who did what) are data.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_outbox_and_the_administrators_pages_have_no_English_left(string language)
    {
        var filled = await FillAsync();
        var leaving = await app.CreateUserAsync(fullName: "Gita Sharma");
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ErasureDesk>().RequestAsync(leaving.Id)).Succeeded);
        using var admin = await app.LoggedInClientAsync(Roles.Admin, Roles.Organiser);
        // Every letter the filling queued is written first: one written between the two readings of the outbox below
        // would be a row (its subject, in its recipient's language) that the data read here does not know.
        await app.WaitForAllMailAsync();
        var outbox = await EnglishLeft.PageAsync(admin, "/Outbox", "en");
        var audit = await EnglishLeft.PageAsync(admin, "/Admin/Audit", "en");
        var data = filled.Data.Concat(SameWord.GetValueOrDefault(language) ?? []).Concat(EnglishLeft.CountryNames(language))
            .Concat(await app.WithDbAsync(db => db.Users.Select(u => u.FullName).ToListAsync()))
            .Concat(outbox.QuerySelectorAll("main table tbody td").Select(td => td.TextContent.Trim()))
            .Concat(audit.QuerySelectorAll("main table tbody td").Select(td => td.TextContent.Trim()))
            .ToList();
        var letter = outbox.QuerySelector("main table tbody a")!.GetAttribute("href")!;
        var opened = await EnglishLeft.PageAsync(admin, letter, "en");
        data.AddRange([opened.QuerySelector("main h1")!.TextContent, opened.QuerySelector("#message-body")?.TextContent ?? ""]);
        data.AddRange(opened.QuerySelectorAll("main dd").Select(dd => dd.TextContent.Trim()));

        // The message's text, and every account and audit row (names, addresses, hashes, summaries) as they are now.
        data.Add(string.Join(" ", (opened.QuerySelector("#message-body")?.TextContent ?? "").Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        data.AddRange(await app.WithDbAsync(db => db.Users.Select(u => u.Email!).ToListAsync()));
        data.AddRange(await app.WithDbAsync(db => db.AuditEvents.Select(e => e.Hash).ToListAsync()));
        var failures = new List<string>();
        foreach (var url in new[] { "/Outbox", letter, "/Admin/Users", "/Admin/Erasure", "/Admin/Audit" })
            EnglishLeft.Compare(url, await EnglishLeft.PageAsync(admin, url, "en"), await EnglishLeft.PageAsync(admin, url, language), language, data, failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>What the page model says (a bulk decision without a selection, a quota that is not a number) comes in
    /// the organiser's language, and the figures and dates of the queue in its formats, times still in the summit's zone.</summary>
    [Fact]
    public async Task The_secretariats_answers_and_figures_come_in_its_language()
    {
        var filled = await FillAsync();
        var id = filled.Summit.Id;
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "ar");
        var queue = await organiser.GetPageAsync($"/Registration/Manage/Index/{id}");
        Assert.Equal("rtl", queue.DocumentElement.GetAttribute("dir"));
        Assert.Equal("التسجيلات", queue.QuerySelector("main h1")!.TextContent);
        var refused = await FormClient.ParseAsync(await organiser.SubmitAsync(queue, "#bulk-form", new Dictionary<string, string> { ["bulkDecision"] = "Approved" }));
        Assert.Equal("حدِّد تسجيلًا واحدًا على الأقل، ثم اختر القرار.", refused.QuerySelector("#decision-report li")!.TextContent);

        var quotas = await organiser.GetPageAsync($"/Registration/Manage/Quotas/{id}");
        var wrong = await FormClient.ParseAsync(await organiser.SubmitAsync(quotas, "#quota-add", new Dictionary<string, string> { ["HeadsOfDelegation"] = "many" }));
        Assert.Contains("رؤساء الوفود: أدخل عددًا صحيحًا.", wrong.QuerySelector("#quota-add")!.TextContent);

        LocalizedAppFactory.Speaking(organiser, "fr");
        var french = CultureInfo.GetCultureInfo("fr-FR");
        var approved = await app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == filled.ApprovedId));
        var page = await organiser.GetPageAsync($"/Registration/Manage/Index/{id}");
        var row = page.QuerySelector($"#queue-table tr[data-id='{filled.ApprovedId}']")!;
        Assert.Contains($"Inscription le {filled.Summit.ToLocal(approved.CreatedUtc).ToString("d MMM yyyy HH:mm", french)}", row.TextContent);
        // Two approved of 1,200 places: the numbers in French (a narrow no-break space between thousands).
        Assert.Equal($"2 places occupées sur {1200.ToString("N0", french)} ({1198.ToString("N0", french)} restantes).",
            string.Join(" ", page.QuerySelector("#capacity-used")!.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
    }
}
