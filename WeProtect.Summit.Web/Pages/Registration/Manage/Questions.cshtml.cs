using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Summits;

/// <summary>The summit's questions, per form, in order: move up or down, remove (a question with answers is retired
/// instead, its answers kept) and ask a retired one again. Adding and changing is on <see cref="QuestionModel"/>.</summary>
public class QuestionsModel(SummitDbContext db, QuestionDesk desk) : PageModel
{
    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<RegistrationQuestion> All { get; private set; } = [];
    /// <summary>How many registrations answered each question.</summary>
    public IReadOnlyDictionary<int, int> AnswerCounts { get; private set; } = new Dictionary<int, int>();

    public IEnumerable<RegistrationQuestion> Of(QuestionForm form) => All.Where(q => q.Form == form).OrderBy(q => q.IsRetired).ThenBy(q => q.Position);

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct)
    {
        if (await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct) is not { } summit) return NotFound();
        Summit = summit;
        All = await QuestionDesk.AllAsync(db, summitId, ct);
        var ids = All.Select(q => q.Id).ToList();
        AnswerCounts = await db.RegistrationAnswers.Where(a => ids.Contains(a.QuestionId)).GroupBy(a => a.QuestionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int summitId, int? id, string? direction, CancellationToken ct)
    {
        if (id is null || direction is not ("up" or "down")) return BadRequest();
        return this.Answer(await desk.MoveAsync(summitId, id.Value, direction == "up", User.ToAuditActor(), ct), () => RedirectToPage(new { summitId }));
    }

    public async Task<IActionResult> OnPostRemoveAsync(int summitId, int? id, CancellationToken ct) => id is null
        ? BadRequest()
        : this.Answer(await desk.RemoveAsync(summitId, id.Value, User.ToAuditActor(), ct), () => RedirectToPage(new { summitId }));

    public async Task<IActionResult> OnPostRestoreAsync(int summitId, int? id, CancellationToken ct) => id is null
        ? BadRequest()
        : this.Answer(await desk.RestoreAsync(summitId, id.Value, User.ToAuditActor(), ct), () => RedirectToPage(new { summitId }));
}
