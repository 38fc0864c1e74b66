using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Languages;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Pages.Statements.Manage;

/// <summary>A statement's translations, for organisers: which language is authoritative, every translation saved (its
/// language, number, the authoritative version it translates, its SHA-256), and a form that adds one to the current
/// authoritative version through <see cref="TranslationDesk"/> (refused with the first structural difference).</summary>
// As the editor's: a text far over the limit is still read, to be refused in words.
[RequestFormLimits(ValueLengthLimit = 4 * EditModel.TextMaxLength)]
public class TranslationsModel(SummitDbContext db, TranslationDesk desk) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Language")] public string? Language { get; set; }
        [Display(Name = "Translated text"), StringLength(EditModel.TextMaxLength, ErrorMessage = EditModel.TooLong)] public string? Text { get; set; }
        public int? VersionId { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public Statement Statement { get; private set; } = null!;
    public string SummitName { get; private set; } = "";
    /// <summary>The authoritative version a translation is added to now, or null (with <see cref="Refusal"/>).</summary>
    public StatementVersion? Current { get; private set; }
    public string? Refusal { get; private set; }
    public IReadOnlyList<StatementTranslation> Translations { get; private set; } = [];
    public IReadOnlyList<InterfaceLanguage> Languages => InterfaceLanguages.All.Where(l => l.Code != Statement.AuthoritativeLanguage).ToList();

    public int NumberOf(int versionId) => Statement.Versions.FirstOrDefault(v => v.Id == versionId)?.Number ?? 0;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new InputModel { VersionId = Current?.Id, Language = Languages.FirstOrDefault()?.Code, Text = Current?.Text };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        var result = await desk.AddAsync(id, Input.Language, Input.Text, Input.VersionId, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { id }), async () => await LoadAsync(id, ct) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Summit).Include(s => s.Versions).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (statement is null) return false;
        (Statement, SummitName) = (statement, statement.Summit.Name);
        (Current, var refusal) = statement.TranslatableVersion();
        Refusal = refusal is null ? null : Localization.Translations.Of(HttpContext, refusal);
        Translations = await db.StatementTranslations.AsNoTracking().Where(t => t.StatementId == id)
            .OrderBy(t => t.Language).ThenByDescending(t => t.Number).ToListAsync(ct);
        return true;
    }
}
