using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Summits;

/// <summary>Adds a question to a summit's registration or travel form, or changes one. The rules (what may change once
/// answered) are the entity's, through <see cref="QuestionDesk"/>.</summary>
public class QuestionModel(SummitDbContext db, QuestionDesk desk) : PageModel
{
    public sealed class QuestionInput
    {
        [Display(Name = "Form")] public QuestionForm? Form { get; set; }
        [Display(Name = "Question")] public string? Label { get; set; }
        [Display(Name = "Help text")] public string? Help { get; set; }
        [Display(Name = "Kind of answer")] public QuestionKind? Kind { get; set; }
        [Display(Name = "Choices (one a line)")] public string? Choices { get; set; }
        [Display(Name = "Required")] public bool Required { get; set; }
        [Display(Name = "Who sees the answers")] public QuestionVisibility? Visibility { get; set; }
        /// <summary>The question's version when the form was opened (changing a question only).</summary>
        public Guid? Version { get; set; }

        public QuestionDraft Draft => new(Form ?? (QuestionForm)(-1), Kind ?? (QuestionKind)(-1), Label, Help,
            (Choices ?? "").ReplaceLineEndings("\n").Split('\n'), Required, Visibility ?? (QuestionVisibility)(-1));
    }

    [BindProperty] public QuestionInput Input { get; set; } = new();
    public Summit Summit { get; private set; } = null!;
    /// <summary>The question changed; null when adding.</summary>
    public RegistrationQuestion? Question { get; private set; }
    public bool Answered { get; private set; }

    public async Task<IActionResult> OnGetAsync(int summitId, int? id, QuestionForm? form, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, id, ct)) return NotFound();
        Input = Question is { } q
            ? new QuestionInput
            {
                Form = q.Form, Label = q.Label, Help = q.Help, Kind = q.Kind, Choices = string.Join("\n", q.Choices),
                Required = q.Required, Visibility = q.Visibility, Version = q.Version,
            }
            : new QuestionInput { Form = form is { } f && Enum.IsDefined(f) ? f : QuestionForm.Registration, Kind = QuestionKind.ShortText, Visibility = QuestionVisibility.Organisers };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int summitId, int? id, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = Question is { } q
            ? await desk.EditAsync(summitId, q.Id, Input.Version ?? Guid.Empty, Input.Draft, User.ToAuditActor(), ct)
            : await desk.AddAsync(summitId, Input.Draft, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Registration/Manage/Questions", new { summitId }),
            () => Task.FromResult<IActionResult>(Page()));
    }

    private async Task<bool> LoadAsync(int summitId, int? id, CancellationToken ct)
    {
        if (await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct) is not { } summit) return false;
        Summit = summit;
        if (id is null) return true;
        Question = await db.RegistrationQuestions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id && q.SummitId == summitId, ct);
        Answered = Question is not null && await db.RegistrationAnswers.AnyAsync(a => a.QuestionId == id, ct);
        return Question is not null;
    }
}
