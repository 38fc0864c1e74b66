using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Organisations.Manage;

/// <summary>Adds organisations from a CSV file, all or nothing. Each organisation gets its own
/// "organisation.imported" audit event (with the file name and line), written in the same transaction; one with a
/// member_since year joins the membership register on 1 January of that year ("membership.joined").</summary>
// Room for the multipart framing around a file at the limit; the handler refuses anything over the limit itself,
// with a message, rather than letting the server answer 413.
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[RequestSizeLimit(RequestLimit)]
[RateLimited(RateLimitedAction.Upload)]
public class ImportModel(SummitDbContext db, OrganisationDesk desk, TimeProvider clock) : PageModel
{
    private const int RequestLimit = 4 * OrganisationCsvImport.MaxFileBytes;
    public const string TemplateFileName = "organisations-template.csv";

    [BindProperty] public IFormFile? Upload { get; set; }

    public IReadOnlyList<OrganisationImportError> Errors { get; private set; } = [];
    public string? FileName { get; private set; }

    // In the request's language: built for each request.
    private UploadRule UploadRule => new(OrganisationCsvImport.MaxFileBytes, Translations.OrKey(HttpContext, "Choose a CSV file to import."),
        Translations.OrKey(HttpContext, "The file is empty."),
        name => Translations.OrKey(HttpContext, "{0} is larger than {1}. Split it into smaller files of at most {2} organisations.",
            name, OrganisationCsvImport.MaxFileSizeText, OrganisationCsvImport.MaxRows.ToString("N0", CultureInfo.CurrentCulture)));

    public void OnGet() { }

    /// <summary>The template: the header and two example rows.</summary>
    public IActionResult OnGetTemplate() => File(OrganisationCsvImport.Template(), "text/csv; charset=utf-8", TemplateFileName);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var content = await this.ReadUploadAsync(nameof(Upload), Upload, UploadRule, ct);
        if (content is null) return Page();
        FileName = Path.GetFileName(Upload!.FileName);
        var existing = await db.Organisations.AllFormalNamesAsync(ct);
        var result = OrganisationCsvImport.Read(content, existing, clock.GetUtcNow().Year);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }

        var imported = await desk.ImportAsync(result.Rows, FileName, User.ToAuditActor(), ct);
        if (!imported.Succeeded)
        {
            ModelState.AddModelError(nameof(Upload), Localization.Translations.Of(HttpContext, imported.Text));
            return Page();
        }
        this.ShowStatus(imported);
        return RedirectToPage("/Organisations/Index");
    }
}
