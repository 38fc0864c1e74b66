using System.Globalization;
using WeProtect.Summit.Data.Questions;
using WeProtect.Summit.Data.Summits;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>The second form, after approval: travel, hotel and the summit's travel questions, refused before approval;
/// organisers read it in the downloads. A visa letter is asked for in one place only, the accreditation page: the
/// travel form links there, and the secretariat's record and downloads say where the real request stands.</summary>
public class TravelFormTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Local(Data.Summits.Summit summit, int day, int hour) =>
        summit.StartDate.AddDays(day).ToDateTime(new TimeOnly(hour, 30)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private Task<int> TravelRowsAsync(int registrationId) => app.WithDbAsync(db => db.TravelDetails.CountAsync(t => t.RegistrationId == registrationId));

    [Fact]
    public async Task The_travel_form_is_refused_before_approval_and_saves_nothing()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(fullName: "Pending Person");
        var registration = await app.RegisterAsync(user, summit.Id, organisation.Id);
        using var client = await app.LogInAsync(user);

        var details = await client.GetPageAsync($"/Registration/Details/{registration.Id}");
        Assert.Null(details.QuerySelector("#travel-link"));
        var page = await client.GetPageAsync($"/Registration/Travel/{registration.Id}");
        Assert.Contains("opens once the secretariat approves it", page.QuerySelector("#travel-closed")!.TextContent);
        Assert.Null(page.QuerySelector("#travel-form"));

        // A crafted post (with a good antiforgery token from another form) is refused too.
        var token = details.QuerySelector("#cancel-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var post = await client.Http.PostAsync($"/Registration/Travel/{registration.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.ArrivalLocal"] = Local(summit, 0, 8), ["Input.DepartureLocal"] = Local(summit, 1, 20),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, await TravelRowsAsync(registration.Id));

        // The desk holds the rule whatever calls it.
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<AnswerDesk>().SaveTravelAsync(registration.Id, user.Id,
            new TravelPlan(DateTime.Parse(Local(summit, 0, 8), CultureInfo.InvariantCulture), null, DateTime.Parse(Local(summit, 1, 20), CultureInfo.InvariantCulture), null, null),
            new Dictionary<int, IReadOnlyList<string>>(), Data.Audit.AuditActor.System);
        Assert.Equal(Data.Desks.DeskRefusal.Forbidden, result.Refusal);
        Assert.Equal(0, await TravelRowsAsync(registration.Id));

        // Someone else's registration is not found, as if it did not exist.
        using var stranger = await app.LoggedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Registration/Travel/{registration.Id}")).StatusCode);
    }

    public static TheoryData<string, string, string> BadTravel() => new()
    {
        { "Input.ArrivalLocal", "", "Give the date and time you arrive." },
        { "Input.DepartureLocal", "day0-06", "You leave before you arrive" },
        { "Input.ArrivalLocal", "day5-08", "You would arrive after the summit's last day" },
        // A slip of the year or a placeholder date is refused, not kept as a stay of a century.
        { "Input.ArrivalLocal", "1900-01-01T10:00", "You would arrive more than 30 days before the summit's first day" },
        { "Input.DepartureLocal", "9999-12-31T23:59", "You would leave more than 30 days after the summit's last day" },
        { "Input.ArrivalFlight", "EK<2>", "Give a flight number such as EK 2" },
        { "Input.Hotel", new string('h', 201), "The hotel is longer than 200 characters." },
        { "Input.ArrivalLocal", "next tuesday", "is not valid" },
        { "answer", "", "Answer this question: it is required." },
    };

    [Theory]
    [MemberData(nameof(BadTravel))]
    public async Task A_bad_travel_answer_is_said_beside_its_field_and_nothing_is_saved(string field, string value, string expected)
    {
        var summit = await app.CreateOpenSummitAsync();
        var question = await app.AddQuestionAsync(summit.Id, QuestionKind.ShortText, "Frequent-flyer number", form: QuestionForm.Travel);
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = await app.LogInAsync(user);
        var form = await client.GetPageAsync($"/Registration/Travel/{registration.Id}");
        var values = new Dictionary<string, string>
        {
            ["Input.ArrivalLocal"] = Local(summit, 0, 8), ["Input.DepartureLocal"] = Local(summit, 1, 20),
            [Registration.AnswerField(question.Id)] = "QF 123456",
        };
        if (value.StartsWith("day", StringComparison.Ordinal)) value = Local(summit, value[3] - '0', int.Parse(value[5..], CultureInfo.InvariantCulture));
        values[field == "answer" ? Registration.AnswerField(question.Id) : field] = value;
        var response = await client.SubmitAsync(form, "#travel-form", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        var beside = field == "answer"
            ? page.QuerySelector($"#{Registration.AnswerField(question.Id)}-error")?.TextContent
            : page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent;
        Assert.Contains(expected, beside ?? "(no message beside the field)");
        Assert.Equal(0, await TravelRowsAsync(registration.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.RegistrationAnswers.CountAsync(a => a.QuestionId == question.Id)));
    }

    [Fact]
    public async Task An_approved_delegate_fills_the_travel_form_and_organisers_see_it_in_the_downloads()
    {
        var summit = await app.CreateOpenSummitAsync();
        var question = await app.AddQuestionAsync(summit.Id, QuestionKind.YesNo, "Airport pick-up wanted?", form: QuestionForm.Travel);
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Travelling Delegate");
        using var client = await app.LogInAsync(user);
        var details = await client.GetPageAsync($"/Registration/Details/{registration.Id}");
        var form = await client.GetPageAsync(details.QuerySelector("#travel-link")!.GetAttribute("href")!);
        var (response, shown) = await client.SubmitAndFollowAsync(form, "#travel-form", new Dictionary<string, string>
        {
            ["Input.ArrivalLocal"] = Local(summit, 0, 7), ["Input.ArrivalFlight"] = "ek 2", ["Input.DepartureLocal"] = Local(summit, 1, 22),
            ["Input.Hotel"] = "Grand Hotel", [Registration.AnswerField(question.Id)] = "Yes",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/Registration/Details/{registration.Id}", response.RequestMessage!.RequestUri!.AbsolutePath);
        var travel = shown.QuerySelector("#travel")!.TextContent;
        Assert.Contains("EK 2", travel);
        Assert.Contains("Grand Hotel", travel);
        Assert.Contains("Airport pick-up wanted?", travel);
        var row = await app.WithDbAsync(db => db.TravelDetails.AsNoTracking().SingleAsync(t => t.RegistrationId == registration.Id));
        Assert.Equal(SummitClock.ToUtc(summit.StartDate.ToDateTime(new TimeOnly(7, 30)), summit.Zone).Utc, row.ArrivalUtc);

        // The form shows what was saved; a second save changes it in place.
        form = await client.GetPageAsync($"/Registration/Travel/{registration.Id}");
        Assert.Equal("Grand Hotel", form.QuerySelector("[name='Input.Hotel']")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(form, "#travel-form", new Dictionary<string, string> { ["Input.Hotel"] = "Harbour Inn" })).StatusCode);
        Assert.Equal(1, await TravelRowsAsync(registration.Id));

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var csv = await (await organiser.GetAsync($"/Registration/Manage/Dashboard/{summit.Id}?handler=Csv")).Content.ReadAsStringAsync();
        var lines = csv.Split('\n');
        Assert.Contains("Visa letter", lines[0]);
        Assert.DoesNotContain("Visa letter needed", lines[0]);
        Assert.Contains("Airport pick-up wanted?", lines[0]);
        var line = lines.Single(l => l.StartsWith("Travelling Delegate", StringComparison.Ordinal));
        Assert.Contains("Harbour Inn", line);
        Assert.Contains("EK 2", line);
        Assert.Contains(summit.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 07:30", line);

        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "registration.travel-saved").Select(e => e.Summary).ToListAsync());
        Assert.Contains($"Registration {registration.Id}: travel details saved", events);
        Assert.DoesNotContain(events, e => e.Contains("Harbour") || e.Contains("EK 2"));
    }

    [Fact]
    public async Task A_visa_letter_is_asked_for_on_the_accreditation_page_and_the_secretariat_sees_where_it_stands()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Visa Seeker");
        using var client = await app.LogInAsync(user);

        // No tick box that asks for nothing: a sentence sends the delegate to where the letter is asked for.
        var form = await client.GetPageAsync($"/Registration/Travel/{registration.Id}");
        Assert.Empty(form.QuerySelectorAll("#travel-form input[type='checkbox']"));
        Assert.Null(form.QuerySelector("[name='Input.NeedsVisaLetter']"));
        var link = form.QuerySelector("#travel-visa-letter a")!.GetAttribute("href");
        Assert.Equal($"/Registration/Accreditation/{registration.Id}", link);
        Assert.NotNull((await client.GetPageAsync(link!)).QuerySelector("#visa-letter"));

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        async Task<(string Page, string Status, string Csv)> ShownAsync()
        {
            var page = await organiser.GetPageAsync($"/Registration/Manage/Delegate/{summit.Id}/{registration.Id}");
            var visa = page.QuerySelector("#delegate-visa-letter")!;
            var csv = await (await organiser.GetAsync($"/Registration/Manage/Dashboard/{summit.Id}?handler=Csv")).Content.ReadAsStringAsync();
            return (visa.TextContent, visa.GetAttribute("data-status")!, csv.Split('\n').Single(l => l.StartsWith("Visa Seeker", StringComparison.Ordinal)));
        }
        var (shown, status, line) = await ShownAsync();
        Assert.Contains("Not requested", shown);
        Assert.Equal("None", status);
        Assert.Contains("Not requested", line);

        // Asked for (the row the accreditation page's button writes): requested, then issued, then withdrawn.
        await app.WithDbAsync(async db =>
        {
            db.VisaLetters.Add(new Data.Accreditations.VisaLetter(registration.Id, summit.Id, user.Id, app.UtcNow));
            return await db.SaveChangesAsync();
        });
        (shown, status, line) = await ShownAsync();
        Assert.Contains("Requested", shown);
        Assert.Equal("Requested", status);
        Assert.Contains(",Requested", line);
        await app.WithDbAsync(async db =>
        {
            var letter = await db.VisaLetters.SingleAsync(v => v.RegistrationId == registration.Id);
            Assert.Null(letter.Approve(null, app.UtcNow));
            letter.MarkIssued([1, 2, 3], "abc", "thumb", app.UtcNow);
            return await db.SaveChangesAsync();
        });
        (shown, _, line) = await ShownAsync();
        Assert.Contains("Issued", shown);
        Assert.Contains(",Issued", line);
        await app.WithDbAsync(async db =>
        {
            var letter = await db.VisaLetters.SingleAsync(v => v.RegistrationId == registration.Id);
            db.VisaLetterWithdrawals.Add(letter.Withdraw(app.UtcNow)!);
            return await db.SaveChangesAsync();
        });
        (shown, _, line) = await ShownAsync();
        Assert.Contains("Withdrawn", shown);
        Assert.Contains(",Withdrawn", line);
    }
}
