using Microsoft.AspNetCore.Mvc.Rendering;
using WeProtect.Summit.Data.Materials;

namespace WeProtect.Summit.Web.Pages.Breakouts.Manage;

using WeProtect.Summit.Data.Summits;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

/// <summary>Organisers attach documents (PDF, PowerPoint, Word) to the summit or to one of its breakouts, public or
/// for approved delegates only, and delete them. The type is read from the content (<see cref="MaterialFormats"/>),
/// not from the file's name.</summary>
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

    public sealed record Row(int Id, string Title, string FileName, MaterialType Type, MaterialVisibility Visibility, long SizeBytes,
        string? Breakout, DateTime CreatedUtc);

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public int? BreakoutId { get; set; }
    [BindProperty] public MaterialVisibility Visibility { get; set; } = MaterialVisibility.Public;
    [BindProperty] public IFormFile? Upload { get; set; }

    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<SelectListItem> BreakoutOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int summitId, int? breakoutId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        BreakoutId = breakoutId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        var content = await this.ReadUploadAsync(nameof(Upload), Upload, UploadRule, ct);
        if (content is null || !ModelState.IsValid) return Page();
        var result = await desk.AddAsync(summitId, BreakoutId, Title, Upload!.FileName, content, Visibility, User.ToAuditActor(), ct: ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId }), async () =>
        {
            await LoadAsync(summitId, ct);
            return Page();
        }, field => field == nameof(Material.Content) ? nameof(Upload) : field);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int summitId, int materialId, CancellationToken ct)
    {
        var result = await desk.DeleteAsync(summitId, materialId, User.ToAuditActor(), ct: ct);
        return this.Answer(result, () => RedirectToPage(new { summitId }));
    }

    private async Task<bool> LoadAsync(int summitId, CancellationToken ct)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return false;
        Summit = summit;
        Rows = await db.Materials.AsNoTracking().Where(m => m.SummitId == summitId)
            .OrderBy(m => m.BreakoutId != null).ThenBy(m => m.Breakout!.StartUtc).ThenByDescending(m => m.CreatedUtc)
            .Select(m => new Row(m.Id, m.Title, m.FileName, m.Type, m.Visibility, m.SizeBytes, m.Breakout != null ? m.Breakout.Title : null, m.CreatedUtc))
            .ToListAsync(ct);
        BreakoutOptions = (await db.Breakouts.AsNoTracking().Where(b => b.SummitId == summitId).OrderBy(b => b.StartUtc)
                .Select(b => new { b.Id, b.Title, b.StartUtc }).ToListAsync(ct))
            .Select(b => new SelectListItem($"{summit.ToLocal(b.StartUtc):d MMM HH:mm} · {b.Title}", b.Id.ToString())).ToList();
        return true;
    }
}
