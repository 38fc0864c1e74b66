using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Materials;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Breakouts.Facilitate;

/// <summary>A breakout's facilitators attach their documents (slides, reports) to it and delete them; organisers may
/// use it too. Anyone else signed in is answered 403 (the desk checks the same right).</summary>
// Room for the multipart framing around a file over the limit, so that the handler answers with a message, not 413.
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[RequestSizeLimit(RequestLimit)]
[RateLimited(RateLimitedAction.Upload)]
public class MaterialsModel(SummitDbContext db, MaterialDesk desk) : PageModel
{
    private const int RequestLimit = Material.MaxBytes + 1024 * 1024;

    // In the request's language: built for each request.
    private UploadRule UploadRule => new(Material.MaxBytes, Localization.Translations.OrKey(HttpContext, "Choose a file (PDF, .pptx or .docx)."),
        Localization.Translations.OrKey(HttpContext, "The file is empty."),
        name => Localization.Translations.OrKey(HttpContext, "{0} is larger than {1} MB.", name, Material.MaxBytes / (1024 * 1024)));

    public sealed record Row(int Id, string Title, string FileName, MaterialType Type, MaterialVisibility Visibility);

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public MaterialVisibility Visibility { get; set; } = MaterialVisibility.Public;
    [BindProperty] public IFormFile? Upload { get; set; }

    public int BreakoutId { get; private set; }
    public int SummitId { get; private set; }
    public string BreakoutTitle { get; private set; } = "";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    private bool IsOrganiser => User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Admin);

    public async Task<IActionResult> OnGetAsync(int breakoutId, CancellationToken ct) => await LoadAsync(breakoutId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int breakoutId, CancellationToken ct)
    {
        if (await LoadAsync(breakoutId, ct) is { } refused) return refused;
        var content = await this.ReadUploadAsync(nameof(Upload), Upload, UploadRule, ct);
        if (content is null || !ModelState.IsValid) return Page();
        var result = await desk.AddAsync(SummitId, breakoutId, Title, Upload!.FileName, content, Visibility, User.ToAuditActor(), IsOrganiser, ct);
        if (result.Refusal == DeskRefusal.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        return await this.AnswerAsync(result, () => RedirectToPage(new { breakoutId }), () => Task.FromResult<IActionResult>(Page()),
            field => field == nameof(Material.Content) ? nameof(Upload) : field);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int breakoutId, int materialId, CancellationToken ct)
    {
        if (await LoadAsync(breakoutId, ct) is { } refused) return refused;
        // Only this breakout's documents from this page.
        if (Rows.All(r => r.Id != materialId)) return NotFound();
        var result = await desk.DeleteAsync(SummitId, materialId, User.ToAuditActor(), IsOrganiser, ct);
        if (result.Refusal == DeskRefusal.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        return this.Answer(result, () => RedirectToPage(new { breakoutId }));
    }

    /// <summary>Loads the breakout and its documents; answers 404 (no such breakout) or 403 (not a facilitator of it).</summary>
    private async Task<IActionResult?> LoadAsync(int breakoutId, CancellationToken ct)
    {
        var breakout = await db.Breakouts.AsNoTracking().Where(b => b.Id == breakoutId)
            .Select(b => new { b.Id, b.SummitId, b.Title }).FirstOrDefaultAsync(ct);
        if (breakout is null) return NotFound();
        if (!IsOrganiser && !await desk.FacilitatesAsync(breakoutId, User.ToAuditActor().UserId, ct))
            return StatusCode(StatusCodes.Status403Forbidden);
        (BreakoutId, SummitId, BreakoutTitle) = (breakout.Id, breakout.SummitId, breakout.Title);
        Rows = await db.Materials.AsNoTracking().Where(m => m.BreakoutId == breakoutId).OrderByDescending(m => m.CreatedUtc)
            .Select(m => new Row(m.Id, m.Title, m.FileName, m.Type, m.Visibility)).ToListAsync(ct);
        return null;
    }
}
