using System.Globalization;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>Organisers add, change, reorder and retire a summit's questions through the pages; a question with
/// answers keeps what its answers mean.</summary>
public class QuestionsTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private Task<List<RegistrationQuestion>> QuestionsAsync(int summitId) =>
        app.WithDbAsync(db => db.RegistrationQuestions.AsNoTracking().Where(q => q.SummitId == summitId).OrderBy(q => q.Position).ToListAsync());

    public static TheoryData<QuestionKind, string> Kinds() => new()
    {
        { QuestionKind.ShortText, "" }, { QuestionKind.LongText, "" }, { QuestionKind.OneChoice, "Tea\nCoffee" },
        { QuestionKind.SeveralChoices, "Monday\r\nTuesday\r\nWednesday" }, { QuestionKind.YesNo, "" }, { QuestionKind.Date, "" }, { QuestionKind.Country, "" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_organiser_adds_a_question_of_each_kind_and_delegates_are_asked_it(QuestionKind kind, string choices)
    {
        var summit = await app.CreateOpenSummitAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var list = await organiser.GetPageAsync($"/Registration/Manage/Questions/{summit.Id}");
        var form = await organiser.GetPageAsync(list.QuerySelector("#add-registration")!.GetAttribute("href")!);
        var response = await organiser.SubmitAsync(form, "#question-form", new Dictionary<string, string>
        {
            ["Input.Label"] = $"A {kind} question", ["Input.Kind"] = kind.ToString(), ["Input.Choices"] = choices,
            ["Input.Required"] = "true", ["Input.Visibility"] = nameof(QuestionVisibility.FocalPoint),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var question = Assert.Single(await QuestionsAsync(summit.Id));
        Assert.Equal((kind, QuestionForm.Registration, true, QuestionVisibility.FocalPoint), (question.Kind, question.Form, question.Required, question.Visibility));
        Assert.Equal(choices.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries), question.Choices);

        using var delegateClient = await app.LoggedInClientAsync();
        var register = await delegateClient.GetPageAsync($"/Registration/Register/{summit.Id}");
        Assert.NotNull(register.QuerySelector($"#registration-questions .question[data-question='{question.Id}'][data-kind='{kind}']"));
        Assert.Contains($"A {kind} question (required)", register.QuerySelector("#registration-questions")!.TextContent);
    }

    public static TheoryData<string, string, string, string> BadQuestions() => new()
    {
        { "", nameof(QuestionKind.ShortText), "", "The question is required." },
        { new string('q', 201), nameof(QuestionKind.ShortText), "", "longer than 200 characters" },
        { "Pick one", nameof(QuestionKind.OneChoice), "Only", "Give at least two choices" },
        { "Pick one", nameof(QuestionKind.OneChoice), "Same\nsame", "Each choice must be different." },
        { "Pick one", nameof(QuestionKind.OneChoice), "A\n" + new string('c', 101), "A choice is longer than 100 characters." },
        { "Pick one", "Telepathy", "", "is not valid" },
    };

    [Theory]
    [MemberData(nameof(BadQuestions))]
    public async Task A_bad_question_is_refused_with_its_reason_and_nothing_is_saved(string label, string kind, string choices, string expected)
    {
        var summit = await app.CreateOpenSummitAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var form = await organiser.GetPageAsync($"/Registration/Manage/Question/{summit.Id}");
        var response = await organiser.SubmitAsync(form, "#question-form", new Dictionary<string, string>
        {
            ["Input.Label"] = label, ["Input.Kind"] = kind, ["Input.Choices"] = choices,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        var errors = page.QuerySelector(".validation-summary-errors")?.TextContent ?? "(no errors shown)";
        Assert.Contains(expected, errors);
        Assert.Empty(await QuestionsAsync(summit.Id));
    }

    [Fact]
    public async Task A_question_with_answers_keeps_its_kind_and_choices_and_is_retired_rather_than_deleted()
    {
        var summit = await app.CreateOpenSummitAsync();
        var answered = await app.AddQuestionAsync(summit.Id, QuestionKind.OneChoice, "Preferred language", choices: ["English", "French"]);
        var unanswered = await app.AddQuestionAsync(summit.Id, QuestionKind.ShortText, "Nickname", required: false);
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id);
        await app.WithDbAsync(async db =>
        {
            var row = await db.Registrations.Include(r => r.Answers).SingleAsync(r => r.Id == registration.Id);
            Assert.Null(row.Answer(answered, ["French"], app.UtcNow));
            await db.SaveChangesAsync();
        });
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var edit = await organiser.GetPageAsync($"/Registration/Manage/Question/{summit.Id}/{answered.Id}");
        Assert.NotNull(edit.QuerySelector("#answered-note"));
        foreach (var (field, value, reason) in new[]
                 {
                     ("Input.Kind", nameof(QuestionKind.ShortText), "its kind cannot change"),
                     ("Input.Choices", "English\nFrançais", "can be added to but not changed or removed (\"French\")"),
                     ("Input.Form", nameof(QuestionForm.Travel), "it stays on its form"),
                 })
        {
            var refused = await organiser.SubmitAsync(edit, "#question-form", new Dictionary<string, string> { [field] = value });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(reason, (await FormClient.ParseAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent);
        }
        var stored = Assert.Single(await QuestionsAsync(summit.Id), q => q.Id == answered.Id);
        Assert.Equal(new[] { "English", "French" }, stored.Choices);

        // Adding a choice and rewording keep every answer's meaning.
        var added = await organiser.SubmitAsync(edit, "#question-form", new Dictionary<string, string>
        {
            ["Input.Label"] = "Language for interpretation", ["Input.Choices"] = "English\nFrench\nSpanish",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        stored = Assert.Single(await QuestionsAsync(summit.Id), q => q.Id == answered.Id);
        Assert.Equal(new[] { "English", "French", "Spanish" }, stored.Choices);

        // Removing: the answered one is retired (answer kept), the other deleted.
        var list = await organiser.GetPageAsync($"/Registration/Manage/Questions/{summit.Id}");
        Assert.Contains("Retire", list.QuerySelector($"#remove-{answered.Id}")!.TextContent);
        Assert.Contains("Delete", list.QuerySelector($"#remove-{unanswered.Id}")!.TextContent);
        var (_, retiredPage) = await organiser.SubmitAndFollowAsync(list, $"#remove-{answered.Id}");
        Assert.Contains("it is retired", retiredPage.QuerySelector("main")!.TextContent);
        await organiser.SubmitAsync(list, $"#remove-{unanswered.Id}");
        var left = Assert.Single(await QuestionsAsync(summit.Id));
        Assert.Equal(answered.Id, left.Id);
        Assert.NotNull(left.RetiredUtc);
        Assert.Equal("French", await app.WithDbAsync(db => db.RegistrationAnswers.Where(a => a.RegistrationId == registration.Id).Select(a => a.Value).SingleAsync()));

        // No longer asked; still shown to the delegate and the organisers, marked.
        using var delegateClient = await app.LogInAsync(user);
        var details = await delegateClient.GetPageAsync($"/Registration/Details/{registration.Id}");
        Assert.Contains("Language for interpretation (no longer asked)", details.QuerySelector("#registration-question-answers")!.TextContent);
        using var other = await app.LoggedInClientAsync();
        var register = await other.GetPageAsync($"/Registration/Register/{summit.Id}");
        Assert.Null(register.QuerySelector("#registration-questions"));

        // Asked again.
        list = await organiser.GetPageAsync($"/Registration/Manage/Questions/{summit.Id}");
        await organiser.SubmitAsync(list, $"#restore-{answered.Id}");
        Assert.Null(Assert.Single(await QuestionsAsync(summit.Id)).RetiredUtc);

        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action.StartsWith("question.")).Select(e => e.Action + " " + e.Summary).ToListAsync());
        Assert.Contains(events, e => e.StartsWith("question.retired") && e.Contains(answered.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Contains(events, e => e.StartsWith("question.deleted") && e.Contains(unanswered.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(events, e => e.Contains("French") || e.Contains("Preferred language"));
    }

    [Fact]
    public async Task Questions_are_reordered_and_the_form_asks_them_in_that_order()
    {
        var summit = await app.CreateOpenSummitAsync();
        var first = await app.AddQuestionAsync(summit.Id, QuestionKind.ShortText, "First asked");
        var second = await app.AddQuestionAsync(summit.Id, QuestionKind.YesNo, "Second asked");
        var travel = await app.AddQuestionAsync(summit.Id, QuestionKind.ShortText, "Travel question", form: QuestionForm.Travel);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var list = await organiser.GetPageAsync($"/Registration/Manage/Questions/{summit.Id}");
        Assert.Contains("Travel question", list.QuerySelector("#questions-travel")!.TextContent);
        Assert.DoesNotContain("Travel question", list.QuerySelector("#questions-registration")!.TextContent);

        var moved = await organiser.SubmitAsync(list, $"#questions-registration tr[data-question='{second.Id}'] form", submitter: $"#up-{second.Id}");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        using var delegateClient = await app.LoggedInClientAsync();
        var register = await delegateClient.GetPageAsync($"/Registration/Register/{summit.Id}");
        var asked = register.QuerySelectorAll("#registration-questions .question").Select(q => q.GetAttribute("data-question") ?? "").ToList();
        Assert.Equal(new[] { second.Id.ToString(CultureInfo.InvariantCulture), first.Id.ToString(CultureInfo.InvariantCulture) }, asked);
        Assert.DoesNotContain(travel.Id.ToString(CultureInfo.InvariantCulture), asked);
    }
}
