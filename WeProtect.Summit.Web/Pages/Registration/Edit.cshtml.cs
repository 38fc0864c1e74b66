using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Web.Pages.Registration;

using WeProtect.Summit.Data.Registrations;

/// <summary>The delegate changes their answers while nobody has decided on them. A decision taken meanwhile
/// (the registration's Version moves) makes the save fail instead of overwriting what the organiser saw.</summary>
public class EditModel(SummitDbContext db, UserManager<SummitUser> users, RegistrationDesk desk, TimeProvider clock) : PageModel, IRegistrationForm
{
    [BindProperty] public RegistrationInput Input { get; set; } = new();
    public RegistrationOptions Options { get; private set; } = new();
    public QuestionFields Questions { get; private set; } = new([], new Dictionary<int, IReadOnlyList<string>>());
    public Registration Registration { get; private set; } = null!;
    /// <summary>Why the answers cannot be changed any more; null when the form is shown.</summary>
    public string? Refusal { get; private set; }
    public bool FixedByNomination => Registration?.NominationId is not null;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id, tracked: false) is not { } registration) return NotFound();
        Registration = registration;
        Refusal = WhyNotEditable(registration);
        if (Refusal is null)
        {
            Input = RegistrationInput.From(registration);
            Options = await RegistrationOptions.LoadAsync(db, text => Localization.Translations.OrKey(HttpContext, text));
            Questions = new(await QuestionDesk.AskedAsync(db, registration.SummitId, QuestionForm.Registration), PostedAnswers.Of(registration));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id, tracked: true) is not { } registration) return NotFound();
        Registration = registration;
        Refusal = WhyNotEditable(registration);
        if (Refusal is not null) return Page(); // nothing is saved

        if (Input.Version is not { } version || version != registration.Version)
            return await ShowSavedAsync(id, "Your registration changed after you opened this page (perhaps the secretariat decided on it). Nothing was saved; look at it again.");

        await Input.ApplyAsync(registration, db, this);
        var questions = await QuestionDesk.AskedAsync(db, registration.SummitId, QuestionForm.Registration);
        var posted = PostedAnswers.Read(Request.Form, questions);
        Questions = new(questions, posted);
        foreach (var (field, message) in registration.AnswerAll(questions, posted, clock.GetUtcNow().UtcDateTime))
            ModelState.AddModelError(field, Localization.Translations.Of(HttpContext, message));
        if (!ModelState.IsValid) return await Again(null);

        var result = await desk.SaveAnswersAsync(registration, version, User.ToAuditActor());
        if (result.Answer == DeskAnswer.Conflict)
            return await ShowSavedAsync(id, "Your registration changed while you were editing it (perhaps the secretariat decided on it). Nothing was saved; look at it again.");
        return this.Answer(result, () => RedirectToPage("/Registration/Details", new { id }));
    }

    /// <summary>After a conflict: the registration as it is saved now, with its current version, so that what is shown
    /// is what a save would change (the stale form would be refused again and again).</summary>
    private async Task<IActionResult> ShowSavedAsync(int id, string message)
    {
        db.ChangeTracker.Clear();
        if (await LoadAsync(id, tracked: false) is not { } saved) return NotFound();
        Registration = saved;
        Refusal = WhyNotEditable(saved);
        ModelState.Clear(); // the posted values would otherwise be shown again
        Input = RegistrationInput.From(saved);
        Questions = new(await QuestionDesk.AskedAsync(db, saved.SummitId, QuestionForm.Registration), PostedAnswers.Of(saved));
        return await Again(message);
    }

    private async Task<IActionResult> Again(string? message)
    {
        if (message is not null) ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, message));
        Options = await RegistrationOptions.LoadAsync(db, text => Localization.Translations.OrKey(HttpContext, text));
        if (Questions.Questions.Count == 0)
            Questions = new(await QuestionDesk.AskedAsync(db, Registration.SummitId, QuestionForm.Registration), PostedAnswers.Of(Registration));
        return Page();
    }

    private string? WhyNotEditable(Registration registration) => registration.CanBeEditedByDelegate
        ? null
        : Localization.Translations.OrKey(HttpContext, "Your registration is {0}: its answers can no longer be changed. If something is wrong, write to the secretariat.",
            Localization.Translations.OrKey(HttpContext, Data.Vocabulary.Words.Name(registration.Status)).ToLower(CultureInfo.CurrentCulture));

    private Task<Registration?> LoadAsync(int id, bool tracked)
    {
        var userId = users.GetUserId(User);
        var query = db.Registrations.Include(r => r.Summit).Include(r => r.Answers).Include(r => r.Needs).Where(r => r.Id == id && r.UserId == userId);
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync();
    }
}
