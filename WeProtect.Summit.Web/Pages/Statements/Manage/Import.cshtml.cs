using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Statements.Import;

namespace WeProtect.Summit.Web.Pages.Statements.Manage;

using WeProtect.Summit.Data.Summits;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

/// <summary>Import from Word, in two steps: upload a .docx (<see cref="DocxStatementImport"/>), then see the draft
/// text it became, the parser's errors for it and what was converted or left out. Nothing is saved here: the
/// (corrected) text is posted to the Edit page's Save handler, the one path by which a text becomes a
/// version.</summary>
// Room for the multipart framing around a file over the limit, so that the handler answers with a message, not 413.
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[RequestSizeLimit(RequestLimit)]
[RateLimited(RateLimitedAction.Upload)]
public class ImportModel(SummitDbContext db) : PageModel
{
    private const int RequestLimit = 2 * DocxStatementImport.MaxFileBytes;

    [BindProperty] public IFormFile? Upload { get; set; }

    public Statement Statement { get; private set; } = null!;
    public Summit Summit { get; private set; } = null!;
    public string? FileName { get; private set; }
    /// <summary>The converted file: null until a file was read.</summary>
    public DocxImportResult? Result { get; private set; }
    public StatementParseResult? Parsed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    // In the request's language: built for each request.
    private UploadRule UploadRule => new(DocxStatementImport.MaxFileBytes, Localization.Translations.OrKey(HttpContext, "Choose a Word file (.docx) to import."),
        Localization.Translations.OrKey(HttpContext, DocxStatementImport.EmptyMessage),
        name => $"{name}: {Localization.Translations.OrKey(HttpContext, DocxStatementImport.TooLargeMessage)}");

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Statement.AcceptsNewVersions)
        {
            ModelState.AddModelError(string.Empty, ClosedMessage);
            return Page();
        }
        var content = await this.ReadUploadAsync(nameof(Upload), Upload, UploadRule, ct);
        if (content is null) return Page();
        FileName = Path.GetFileName(Upload!.FileName);
        var result = DocxStatementImport.Convert(content);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Upload), $"{FileName}: {Localization.Translations.OrKey(HttpContext, result.Refusal ?? "")}");
            return Page();
        }
        Result = result;
        Parsed = StatementParser.Parse(result.Text);
        return Page();
    }

    public string ClosedMessage =>
        Localization.Translations.OrKey(HttpContext, "The statement is {0}: its text can no longer change, so nothing can be imported.",
            Localization.StatusInSentence.Of(Statement.Status, text => Localization.Translations.OrKey(HttpContext, text)));

    /// <summary>The version the imported text replaces (0 for none): the save is refused if a newer one comes first.</summary>
    public int BasedOn { get; private set; }

    /// <summary>The change note the save form starts with.</summary>
    public string ChangeNote => Localization.Translations.OrKey(HttpContext, "Imported from {0}", FileName ?? "");

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Summit)
            .FirstOrDefaultAsync(s => s.Id == id, ct);
        if (statement is null) return false;
        Statement = statement;
        Summit = statement.Summit;
        BasedOn = await db.StatementVersions.Where(v => v.StatementId == id).MaxAsync(v => (int?)v.Number, ct) ?? 0;
        return true;
    }
}
