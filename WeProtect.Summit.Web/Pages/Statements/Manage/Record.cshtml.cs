using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Pages.Statements.Manage;

/// <summary>The endorsements of a statement of a summit recorded afterwards, as the printed record lists them: the
/// secretariat pastes the "Agreed by" names with the day and where they are printed (<see cref="PrintedRecordDesk"/>),
/// sees the list, takes back a name recorded in error, until the statement's record is closed.</summary>
public class RecordModel(SummitDbContext db, PrintedRecordDesk desk) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Organisations, as printed"), StringLength(PrintedRecordDesk.MaxNamesAtOnce * 210)] public string? Names { get; set; }
        [Display(Name = "Agreed on"), DataType(DataType.Date)] public DateOnly? AgreedOn { get; set; }
        [Display(Name = "Printed in"), StringLength(Endorsement.SourceMaxLength)] public string? Source { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public Statement Statement { get; private set; } = null!;
    /// <summary>Why nothing can be recorded now (not a recorded statement, or its record is closed); null when it can.</summary>
    public string? Refusal { get; private set; }
    public IReadOnlyList<Endorsement> Recorded { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new InputModel { AgreedOn = Statement.Summit.EndDate, Source = Recorded.LastOrDefault()?.RecordedFrom, Version = Statement.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        var result = await desk.RecordAsync(id, Input.Names, Input.AgreedOn, Input.Source, Input.Version, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { id }), async () => await ReshowAsync(id, ct));
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int endorsementId, Guid? version, CancellationToken ct)
    {
        var result = await desk.RemoveAsync(id, endorsementId, version, User.ToAuditActor(), ct);
        return this.Answer(result, () => RedirectToPage(new { id }));
    }

    /// <summary>The form again with what was typed, and the statement's token as it is now.</summary>
    private async Task<IActionResult> ReshowAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
        Input.Version = Statement.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Summit).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (statement is null) return false;
        Statement = statement;
        Refusal = PrintedRecordDesk.WhyNotRecorded(statement) is { } refusal ? Localization.Translations.Of(HttpContext, refusal) : null;
        Recorded = await db.Endorsements.AsNoTracking().Include(e => e.Organisation)
            .Where(e => e.StatementId == id && e.RecordedFrom != null && e.WithdrawnUtc == null)
            .OrderBy(e => e.Organisation.SortName).ToListAsync(ct);
        return true;
    }
}
