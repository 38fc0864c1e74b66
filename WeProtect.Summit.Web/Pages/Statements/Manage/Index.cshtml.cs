using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Pages.Statements.Manage;

using WeProtect.Summit.Data.Summits;

/// <summary>A summit's statements (kind, status, latest version and its hash) and the form that starts a new one.</summary>
public class IndexModel(SummitDbContext db, StatementDesk desk) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose the kind of statement."), Display(Name = "Kind")] public StatementKind? Kind { get; set; }
        [Required(ErrorMessage = "The statement needs a title."), StringLength(Statement.TitleMaxLength), Display(Name = "Title")] public string Title { get; set; } = "";
    }

    public sealed record Row(int Id, string Title, StatementKind Kind, StatementStatus Status, int? LatestNumber, string? LatestHash, int PendingAmendments);

    [BindProperty] public InputModel Input { get; set; } = new();
    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<Row> Statements { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> KindOptions { get; } = Enum.GetValues<StatementKind>()
        .Select(k => new SelectListItem(Describe(k), k.ToString())).ToList();

    public static string Describe(StatementKind kind) => Statement.Describe(kind);

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await desk.CreateAsync(summitId, Input.Kind, Input.Title, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Statements/Manage/Edit", new { id = result.Value!.Id }), () => Task.FromResult<IActionResult>(Page()));
    }

    private async Task<bool> LoadAsync(int summitId, CancellationToken ct)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return false;
        Summit = summit;
        var rows = await db.Statements.AsNoTracking().Where(s => s.SummitId == summitId)
            .Select(s => new
            {
                s.Id, s.Title, s.Kind, s.Status,
                Latest = db.StatementVersions.Where(v => v.StatementId == s.Id).OrderByDescending(v => v.Number)
                    .Select(v => new { v.Number, v.ContentHash }).FirstOrDefault(),
                Pending = db.Amendments.Count(a => a.StatementId == s.Id && a.Status == AmendmentStatus.Pending),
            })
            .ToListAsync(ct);
        Statements = rows.OrderBy(r => r.Id)
            .Select(r => new Row(r.Id, r.Title, r.Kind, r.Status, r.Latest?.Number, r.Latest?.ContentHash, r.Pending)).ToList();
        return true;
    }
}
