using System.Globalization;
using AngleSharp.Html.Dom;
using CsvHelper;
using MiniExcelLibs;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>A delegate answers the summit's questions and ticks needs on the registration form: bad answers are said
/// beside their field and nothing is saved; good ones show on the delegate's page, in the vetting queue and in the
/// attendance downloads.</summary>
public class RegistrationAnswersTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static Dictionary<string, string> Basics(int organisationId) => new()
    {
        ["Input.Position"] = "Director",
        ["Input.OrganisationId"] = organisationId.ToString(CultureInfo.InvariantCulture),
        ["Input.Category"] = nameof(DelegateCategory.Delegate),
    };

    public static TheoryData<QuestionKind, string, string> BadAnswers() => new()
    {
        { QuestionKind.ShortText, "", "Answer this question: it is required." },
        { QuestionKind.ShortText, new string('a', 201), "The answer is longer than 200 characters." },
        { QuestionKind.LongText, "", "Answer this question: it is required." },
        { QuestionKind.LongText, new string('a', 2001), "The answer is longer than 2000 characters." },
        { QuestionKind.OneChoice, "", "Choose an answer: this question is required." },
        { QuestionKind.OneChoice, "Purple", "Choose one of the answers offered." },
        { QuestionKind.SeveralChoices, "Purple", "Choose only among the answers offered." },
        { QuestionKind.SeveralChoices, "", "Choose an answer: this question is required." },
        { QuestionKind.YesNo, "Maybe", "Answer yes or no." },
        { QuestionKind.YesNo, "", "Choose an answer: this question is required." },
        { QuestionKind.Date, "2027-02-30", "Give a date as year-month-day" },
        { QuestionKind.Date, "14/03/2027", "Give a date as year-month-day" },
        { QuestionKind.Date, "", "Answer this question: it is required." },
        { QuestionKind.Country, "ZZZ", "Choose a country from the list." },
        { QuestionKind.Country, "", "Choose an answer: this question is required." },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task A_bad_answer_is_said_beside_its_field_and_nothing_is_saved(QuestionKind kind, string posted, string expected)
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var question = await app.AddQuestionAsync(summit.Id, kind, "Tell us", choices: RegistrationQuestion.IsChoiceKind(kind) ? new[] { "Red", "Blue" } : Array.Empty<string>());
        var field = Registration.AnswerField(question.Id);
        using var client = await app.LoggedInClientAsync();

        var form = await client.GetPageAsync($"/Registration/Register/{summit.Id}");
        Assert.NotNull(form.QuerySelector($"#registration-questions [name='{field}']"));
        var answers = Basics(organisation.Id);
        answers[field] = posted;
        var response = await client.SubmitAsync(form, "#registration-form", answers);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Contains(expected, page.QuerySelector($"#{field}-error")?.TextContent ?? "(no message beside the field)");
        Assert.Equal(0, await app.WithDbAsync(db => db.Registrations.CountAsync(r => r.SummitId == summit.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.RegistrationAnswers.CountAsync(a => a.QuestionId == question.Id)));
    }

    [Fact]
    public async Task Answers_and_needs_are_saved_and_shown_to_the_delegate_the_queue_and_the_downloads()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var shortText = await app.AddQuestionAsync(summit.Id, QuestionKind.ShortText, "Name on the place card");
        var longText = await app.AddQuestionAsync(summit.Id, QuestionKind.LongText, "What do you hope to achieve?", required: false);
        var one = await app.AddQuestionAsync(summit.Id, QuestionKind.OneChoice, "Preferred language", choices: ["English", "French", "Arabic"]);
        var several = await app.AddQuestionAsync(summit.Id, QuestionKind.SeveralChoices, "Sessions of interest", choices: ["Online safety", "Victim support", "Industry"]);
        var yesNo = await app.AddQuestionAsync(summit.Id, QuestionKind.YesNo, "Attending the dinner?");
        var date = await app.AddQuestionAsync(summit.Id, QuestionKind.Date, "Date of birth", required: false);
        var country = await app.AddQuestionAsync(summit.Id, QuestionKind.Country, "Nationality");
        var (client, user) = await app.LoggedInUserAsync();
        using var _ = client;

        var form = await client.GetPageAsync($"/Registration/Register/{summit.Id}");
        // Several choices and needs are checkboxes: ticked as a browser would.
        foreach (var id in new[] { $"#{Registration.AnswerField(several.Id)}-0", $"#{Registration.AnswerField(several.Id)}-2", "#need-WheelchairAccess", "#need-Halal" })
            ((IHtmlInputElement)form.QuerySelector(id)!).IsChecked = true;
        var answers = Basics(organisation.Id);
        answers["Input.AccessNeeds"] = "Arrives with a guide dog";
        answers[Registration.AnswerField(shortText.Id)] = "  H.E. Ms Example  ";
        answers[Registration.AnswerField(longText.Id)] = "Line one\r\nLine two";
        answers[Registration.AnswerField(one.Id)] = "French";
        answers[Registration.AnswerField(yesNo.Id)] = "Yes";
        answers[Registration.AnswerField(date.Id)] = "1970-05-17";
        answers[Registration.AnswerField(country.Id)] = "KE";
        var response = await client.SubmitAsync(form, "#registration-form", answers);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var registration = await app.WithDbAsync(db => db.Registrations.AsNoTracking().Include(r => r.Answers).Include(r => r.Needs)
            .SingleAsync(r => r.SummitId == summit.Id));
        string Stored(RegistrationQuestion q) => registration.Answers.Single(a => a.QuestionId == q.Id).Value;
        Assert.Equal("H.E. Ms Example", Stored(shortText));
        Assert.Equal("Line one\nLine two", Stored(longText));
        Assert.Equal("French", Stored(one));
        Assert.Equal("Online safety\nIndustry", Stored(several));
        Assert.Equal("Yes", Stored(yesNo));
        Assert.Equal("1970-05-17", Stored(date));
        Assert.Equal("KE", Stored(country));
        Assert.Equal(new[] { Need.WheelchairAccess, Need.Halal }, registration.Needs.Select(n => n.Need).Order());
        Assert.Equal("Arrives with a guide dog", registration.AccessNeeds);

        var details = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        var mine = details.QuerySelector("#registration-question-answers")!.TextContent;
        Assert.Contains("Online safety, Industry", mine);
        Assert.Contains("Kenya", mine);
        Assert.Contains("17 May 1970", mine);
        Assert.Contains("Wheelchair access, Halal", details.QuerySelector("#needs")!.TextContent);
        Assert.Contains("Arrives with a guide dog", details.QuerySelector("#needs")!.TextContent);

        // The delegate changes an answer on the edit form, which shows the stored ones.
        var edit = await client.GetPageAsync($"/Registration/Edit/{registration.Id}");
        Assert.True(((IHtmlInputElement)edit.QuerySelector($"#{Registration.AnswerField(several.Id)}-2")!).IsChecked);
        Assert.True(((IHtmlInputElement)edit.QuerySelector("#need-Halal")!).IsChecked);
        var bad = await client.SubmitAsync(edit, "#registration-form", new Dictionary<string, string> { [Registration.AnswerField(one.Id)] = "Klingon" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal("French", await app.WithDbAsync(db => db.RegistrationAnswers.Where(a => a.QuestionId == one.Id).Select(a => a.Value).SingleAsync()));
        ((IHtmlInputElement)edit.QuerySelector("#need-Halal")!).IsChecked = false;
        var saved = await client.SubmitAsync(edit, "#registration-form", new Dictionary<string, string> { [Registration.AnswerField(one.Id)] = "Arabic" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Arabic", await app.WithDbAsync(db => db.RegistrationAnswers.Where(a => a.QuestionId == one.Id).Select(a => a.Value).SingleAsync()));
        Assert.Equal(new[] { Need.WheelchairAccess }, await app.WithDbAsync(db => db.RegistrationNeeds.Where(n => n.RegistrationId == registration.Id).Select(n => n.Need).ToListAsync()));
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "registration.updated" && e.SubjectId == registration.Id.ToString()).Select(e => e.Summary).SingleAsync());
        Assert.Contains("Answers", audit);
        Assert.Contains("Needs", audit);
        Assert.DoesNotContain("Arabic", audit);

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var queue = await organiser.GetPageAsync($"/Registration/Manage/{summit.Id}");
        var row = queue.QuerySelector($"#queue-table tr[data-id='{registration.Id}']")!;
        Assert.Contains("Wheelchair access", row.QuerySelector(".access-needs")!.TextContent);
        Assert.Contains("Preferred language: Arabic", row.QuerySelector(".question-answers")!.TextContent.Replace("\n", " ").Replace("  ", " "));

        var csv = await organiser.GetAsync($"/Registration/Manage/Dashboard/{summit.Id}?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        using var reader = new CsvReader(new StreamReader(await csv.Content.ReadAsStreamAsync()), CultureInfo.InvariantCulture);
        await reader.ReadAsync();
        reader.ReadHeader();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(user.FullName, reader.GetField("Name"));
        Assert.Equal("Wheelchair access", reader.GetField("Access needs"));
        Assert.Equal("Arrives with a guide dog", reader.GetField("Needs note"));
        Assert.Equal("Arabic", reader.GetField("Preferred language"));
        Assert.Equal("Online safety, Industry", reader.GetField("Sessions of interest"));
        Assert.Equal("Kenya", reader.GetField("Nationality"));

        var xlsx = await organiser.GetAsync($"/Registration/Manage/Dashboard/{summit.Id}?handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = Assert.Single(stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>());
        Assert.Equal("Yes", sheet["Attending the dinner?"]);
        Assert.Equal("H.E. Ms Example", sheet["Name on the place card"]);
    }

    [Fact]
    public async Task Answers_shared_with_the_focal_point_show_on_the_delegation_page_and_the_others_do_not()
    {
        var summit = await app.CreateOpenSummitAsync();
        var shared = await app.AddQuestionAsync(summit.Id, QuestionKind.ShortText, "Seat preference", visibility: QuestionVisibility.FocalPoint);
        var secret = await app.AddQuestionAsync(summit.Id, QuestionKind.ShortText, "Medical information");
        var (invitation, focalUser) = await app.AcceptedInvitationAsync(summit.Id);
        var email = $"nominee-{Guid.NewGuid():N}@example.org";
        Assert.True((await app.NominateAsync(invitation, focalUser, email)).Succeeded);
        using var nominee = await app.LogInAsync(await app.CreateUserAsync(email, "Nominee Person"));
        var form = await nominee.GetPageAsync(await app.NominationLinkAsync(email));
        var response = await nominee.SubmitAsync(form, "#registration-form", new Dictionary<string, string>
        {
            ["Input.Position"] = "Adviser",
            [Registration.AnswerField(shared.Id)] = "Aisle seat",
            [Registration.AnswerField(secret.Id)] = "Takes insulin",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var focal = await app.LogInAsync(focalUser);
        var page = await focal.GetPageAsync($"/Invitations/Delegation/{invitation.Id}");
        Assert.Contains("Aisle seat", page.QuerySelector("#nominees .shared-answers")?.TextContent ?? "(no shared answers)");
        Assert.DoesNotContain("Takes insulin", page.DocumentElement.OuterHtml);
        Assert.DoesNotContain("Medical information", page.DocumentElement.OuterHtml);
    }
}
