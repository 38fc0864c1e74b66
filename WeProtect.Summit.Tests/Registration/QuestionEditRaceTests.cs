using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Tests.Registration;

/// <summary>Two organisers change the same question at once, each from the form they opened: one change is saved, the
/// other is told someone else changed it (never a lost update). Twinned on PostgreSQL, where both really run at once.</summary>
public class QuestionEditRaceTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Two_organisers_saving_the_same_question_at_once_one_is_saved_the_other_told()
    {
        var summit = await app.CreateOpenSummitAsync();
        var question = await app.AddQuestionAsync(summit.Id, QuestionKind.ShortText, "Dietary requirements");
        using var first = await app.LoggedInClientAsync(Roles.Organiser);
        using var second = await app.LoggedInClientAsync(Roles.Organiser);
        var url = $"/Registration/Manage/Question/{summit.Id}/{question.Id}";
        var (firstForm, secondForm) = (await first.GetPageAsync(url), await second.GetPageAsync(url));

        using var start = new SemaphoreSlim(0, 2);
        async Task<HttpResponseMessage> SaveAsync(FormClient client, AngleSharp.Html.Dom.IHtmlDocument form, string label)
        {
            await start.WaitAsync();
            return await client.SubmitAsync(form, "#question-form", new Dictionary<string, string> { ["Input.Label"] = label });
        }
        var racing = new[] { Task.Run(() => SaveAsync(first, firstForm, "Dietary needs (first)")), Task.Run(() => SaveAsync(second, secondForm, "Dietary needs (second)")) };
        start.Release(2);
        var responses = await Task.WhenAll(racing);

        var saved = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var told = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("Someone else changed this question meanwhile", (await FormClient.ParseAsync(told)).Body!.TextContent);
        var label = await app.WithDbAsync(db => db.RegistrationQuestions.Where(q => q.Id == question.Id).Select(q => q.Label).SingleAsync());
        Assert.Equal(saved == responses[0] ? "Dietary needs (first)" : "Dietary needs (second)", label);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "question.changed" && e.SubjectId == question.Id.ToString())));

        // A form opened before the change stays stale: it cannot overwrite it later either.
        var late = await (saved == responses[0] ? second : first).SubmitAsync(saved == responses[0] ? secondForm : firstForm, "#question-form",
            new Dictionary<string, string> { ["Input.Label"] = "Overwritten" });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(label, await app.WithDbAsync(db => db.RegistrationQuestions.Where(q => q.Id == question.Id).Select(q => q.Label).SingleAsync()));
    }
}
