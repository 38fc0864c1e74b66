using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Tests.Support;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also a test namespace

/// <summary>Questions and needs made through the app's own desks, for tests whose subject is answering them.</summary>
public static class QuestionData
{
    public static async Task<RegistrationQuestion> AddQuestionAsync(this SummitAppFactory app, int summitId, QuestionKind kind, string label,
        bool required = true, QuestionForm form = QuestionForm.Registration, QuestionVisibility visibility = QuestionVisibility.Organisers,
        params string[] choices)
    {
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<QuestionDesk>()
            .AddAsync(summitId, new QuestionDraft(form, kind, label, null, choices, required, visibility), AuditActor.System);
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }

    /// <summary>Ticks <paramref name="needs"/> and sets the note of a registration, straight on its row.</summary>
    public static Task SetNeedsAsync(this SummitAppFactory app, int registrationId, string? note, params Need[] needs) => app.WithDbAsync(async db =>
    {
        var registration = await db.Registrations.Include(r => r.Needs).SingleAsync(r => r.Id == registrationId);
        registration.SetNeeds(needs);
        registration.AccessNeeds = note;
        await db.SaveChangesAsync();
    });

    /// <summary>The travel form saved through <see cref="AnswerDesk"/> for an approved delegate.</summary>
    public static async Task SaveTravelAsync(this SummitAppFactory app, Registration registration, TravelPlan plan,
        IReadOnlyDictionary<int, IReadOnlyList<string>>? answers = null)
    {
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<AnswerDesk>()
            .SaveTravelAsync(registration.Id, registration.UserId, plan, answers ?? new Dictionary<int, IReadOnlyList<string>>(), AuditActor.System);
        Assert.True(result.Succeeded, result.Message);
    }
}
