using System.ComponentModel.DataAnnotations;
using Htmx;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Statements;

namespace WeProtect.Summit.Web.Pages.Statements.Manage;

using WeProtect.Summit.Data.Summits;

/// <summary>One statement: its status steps, its versions, and (while it takes new wording) the text editor. Saving
/// parses the text (<see cref="StatementParser"/>): a text with errors lists them all with their lines and saves
/// nothing; a valid one becomes a new immutable version. Preview renders the text without saving (whole page
/// without JavaScript, only the preview with htmx). Exports give a version's canonical Markdown or its HTML.</summary>
// A text up to four times the form's limit is still read, so that it is refused with the limit in words (the
// framework's own limit of a form value, 4M characters, would answer a bare 400 first).
[RequestFormLimits(ValueLengthLimit = 4 * TextMaxLength)]
public class EditModel(SummitDbContext db, StatementDesk statements, TimeProvider clock) : PageModel
{
    /// <summary>Twice the parser's limit: larger posts are refused before parsing (the parser reports 1 MB).</summary>
    public const int TextMaxLength = 2 * StatementText.MaxBytes;

    /// <summary>What a text over the form's limit is told: the limit the parser states, in the same words.</summary>
    public const string TooLong = "The text is too long: a statement may be at most 1 MB. Nothing was saved.";

    public sealed class InputModel
    {
        [StringLength(TextMaxLength, ErrorMessage = TooLong)] public string? Text { get; set; }
        [Display(Name = "Change note"), StringLength(1000)] public string? ChangeNote { get; set; }
        /// <summary>The version the text was edited from (0 for the first): a newer one is never silently undone.</summary>
        public int BasedOn { get; set; }
    }

    /// <summary>The statement's settings. No [Required]: the entity's Validate() holds the rules, and the other
    /// forms of this page post without these fields.</summary>
    public sealed class SettingsModel
    {
        [StringLength(Statement.TitleMaxLength)] public string? Title { get; set; }
        public StatementKind? Kind { get; set; }
        [Display(Name = "Consultation closes"), DataType(DataType.DateTime)] public DateTime? ConsultationCloses { get; set; }
        [Display(Name = "Signing opens"), DataType(DataType.DateTime)] public DateTime? SigningOpens { get; set; }
        [Display(Name = "Signing closes"), DataType(DataType.DateTime)] public DateTime? SigningCloses { get; set; }
        [Display(Name = "Keep the list of signatories embargoed until the communiqué is published")] public bool SignatoriesEmbargoed { get; set; }
        [Display(Name = "Stay open for late endorsements after publication (organisers then publish revisions of the communiqué)")] public bool LateEndorsements { get; set; }
        [Display(Name = "Standing statement: once open for signature, organisations endorse it at any time (e.g. on joining the Alliance), without a signing window")] public bool Standing { get; set; }
        [Display(Name = "Reaffirms the earlier statement")] public int? ReaffirmsStatementId { get; set; }
        [Display(Name = "\"Agreed by\" list")] public AgreedByLayout? AgreedByLayout { get; set; }
        [Display(Name = "Language of the text")] public string? Language { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public SettingsModel Settings { get; set; } = new();
    /// <summary>Settings change until the statement is closed; after that the window and list are history.</summary>
    public bool SettingsEditable => Statement.SettingsEditable;
    public Statement Statement { get; private set; } = null!;
    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<StatementVersion> Versions { get; private set; } = [];
    /// <summary>Final statements this one may reaffirm (every other final statement, of any summit).</summary>
    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ReaffirmOptions { get; private set; } = [];
    public string? ReaffirmsTitle { get; private set; }
    /// <summary>What the preview shows: null until the text is previewed (or a save fails).</summary>
    public StatementParseResult? Preview { get; private set; }
    public IReadOnlyList<StatementError> TextErrors { get; private set; } = [];
    /// <summary>What the organiser typed when it could not be saved (a newer version came, or the text was frozen
    /// meanwhile): shown apart from the editor, so that nothing typed is lost.</summary>
    public string? UnsavedText { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ShowSavedText();
        if (Statement.Latest is { } latest) Preview = StatementParser.Parse(latest.Text);
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ShowSavedText();
        if (!ModelState.IsValid) return Page();

        // Once there is a text, the title is its # line (set with each version), not a setting.
        if (Statement.TitleEditable) Statement.Title = Settings.Title?.Trim() ?? "";
        if (Settings.AgreedByLayout is { } layout && Statement.SetAgreedByLayout(layout) is { } layoutRefusal)
            ModelState.AddModelError($"{nameof(Settings)}.{nameof(SettingsModel.AgreedByLayout)}", Localization.Translations.Of(HttpContext, layoutRefusal));
        Statement.Kind = Settings.Kind ?? (StatementKind)(-1);
        // Offered while the text may change (the form has no such field after).
        if (Statement.AcceptsNewVersions && Settings.Language is { } language
            && Statement.SetAuthoritativeLanguage(language, await db.StatementTranslations.Where(t => t.StatementId == id).Select(t => t.Language).ToListAsync(ct)) is { } languageRefusal)
            ModelState.AddModelError($"{nameof(Settings)}.{nameof(SettingsModel.Language)}", Localization.Translations.Of(HttpContext, languageRefusal));
        // Offered only before the text is final (the form has no such field after): the date then stays as it was.
        if (Statement.AcceptsNewVersions) Statement.ConsultationClosesUtc = ToUtc(Settings.ConsultationCloses, nameof(SettingsModel.ConsultationCloses));
        Statement.SigningOpensUtc = ToUtc(Settings.SigningOpens, nameof(SettingsModel.SigningOpens));
        Statement.SigningClosesUtc = ToUtc(Settings.SigningCloses, nameof(SettingsModel.SigningCloses));
        Statement.SignatoriesEmbargoed = Settings.SignatoriesEmbargoed;
        if (Statement.SetLateEndorsements(Settings.LateEndorsements) is { } lateRefusal)
            ModelState.AddModelError($"{nameof(Settings)}.{nameof(SettingsModel.LateEndorsements)}", Localization.Translations.Of(HttpContext, lateRefusal));
        if (Statement.SetStanding(Settings.Standing) is { } standingRefusal)
            ModelState.AddModelError($"{nameof(Settings)}.{nameof(SettingsModel.Standing)}", Localization.Translations.Of(HttpContext, standingRefusal));
        var earlier = Settings.ReaffirmsStatementId is { } earlierId
            ? await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == earlierId, ct) : null;
        var reaffirmsField = $"{nameof(Settings)}.{nameof(SettingsModel.ReaffirmsStatementId)}";
        if (Settings.ReaffirmsStatementId is not null && earlier is null) ModelState.AddModelError(reaffirmsField, Localization.Translations.OrKey(HttpContext, "There is no such statement."));
        else if (Statement.SetReaffirms(earlier, earlier is null ? [] : await Reaffirmations.ChainAsync(db, earlier.Id, ct)) is { } reaffirmRefusal)
            ModelState.AddModelError(reaffirmsField, Localization.Translations.Of(HttpContext, reaffirmRefusal));
        if (!ModelState.IsValid) return Page();
        var result = await statements.SaveSettingsAsync(Statement, Settings.Version, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { id }), () => ReshowAsync(id, ct),
            field => $"{nameof(Settings)}.{SettingsField(field)}");
    }

    /// <summary>The page again after a refusal, with the statement as it is saved now.</summary>
    private async Task<IActionResult> ReshowAsync(int id, CancellationToken ct)
    {
        if (db.ChangeTracker.Entries().Any()) return Page();
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>A time typed in the summit's zone, in UTC; a time the clocks skip is an error on its field.</summary>
    private DateTime? ToUtc(DateTime? local, string field)
    {
        if (local is null) return null;
        var (utc, error) = SummitClock.ToUtc(local.Value, Summit.Zone);
        if (error is not null) ModelState.AddModelError($"{nameof(Settings)}.{field}", Localization.Translations.Of(HttpContext, error));
        return error is null ? utc : null;
    }

    private static string SettingsField(string entityField) => entityField switch
    {
        nameof(Statement.SigningOpensUtc) => nameof(SettingsModel.SigningOpens),
        nameof(Statement.ConsultationClosesUtc) => nameof(SettingsModel.ConsultationCloses),
        nameof(Statement.SigningClosesUtc) => nameof(SettingsModel.SigningCloses),
        _ => entityField,
    };

    /// <summary>The settings form as the statement is now (times in the summit's zone).</summary>
    private void FillSettings() => Settings = new SettingsModel
    {
        Title = Statement.Title, Kind = Statement.Kind, SignatoriesEmbargoed = Statement.SignatoriesEmbargoed, Version = Statement.Version,
        LateEndorsements = Statement.LateEndorsements,
        Standing = Statement.Standing,
        ReaffirmsStatementId = Statement.ReaffirmsStatementId,
        AgreedByLayout = Statement.AgreedByLayout,
        Language = Statement.AuthoritativeLanguage,
        ConsultationCloses = Statement.ConsultationClosesUtc is { } k ? Summit.ToLocal(k) : null,
        SigningOpens = Statement.SigningOpensUtc is { } o ? Summit.ToLocal(o) : null,
        SigningCloses = Statement.SigningClosesUtc is { } c ? Summit.ToLocal(c) : null,
    };

    /// <summary>The editor holding the latest saved text, edited from that version.</summary>
    private void ShowSavedText()
    {
        // The tag helpers prefer posted values to the model's: the saved text replaces what was posted.
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Text)}");
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.BasedOn)}");
        Input = new InputModel { Text = Statement.Latest?.Text ?? "", BasedOn = Statement.Latest?.Number ?? 0, ChangeNote = Input.ChangeNote };
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var parsed = Statement.AcceptsNewVersions && ModelState.IsValid ? StatementParser.Parse(Input.Text) : null;
        if (Statement.AcceptsNewVersions && parsed is not { IsValid: true })
        {
            TextErrors = parsed?.Errors ?? [];
            return Page();
        }
        var result = await statements.AddVersionAsync(Statement, parsed ?? StatementParser.Parse(""), Input.BasedOn, Input.ChangeNote, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { id }), async () =>
        {
            var page = await ReshowAsync(id, ct);
            // Not saved because the text moved on or was frozen: the editor shows the text as it is now, and what
            // was typed is kept beside it.
            if (result.Answer == Data.Desks.DeskAnswer.Conflict || !Statement.AcceptsNewVersions)
            {
                UnsavedText = Input.Text;
                ShowSavedText();
            }
            return page;
        });
    }

    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Preview = ModelState.IsValid ? StatementParser.Parse(Input.Text) : null;
        // The saved text's warnings are already beside the editor: the preview repeats them only for a changed text.
        ViewData["PreviewWarnings"] = Preview?.Hash != Statement.Latest?.ContentHash;
        if (Request.IsHtmx()) return Partial("_Preview", Preview);
        return Page();
    }

    /// <summary>When the saved text's letters run the other way from its language: what to check.</summary>
    public Data.Desks.DeskText? ScriptMismatch => Statement.AcceptsNewVersions ? StatementScript.Mismatch(Statement.Latest?.Text, Statement.AuthoritativeLanguage) : null;

    /// <summary>Amendments proposed and not decided: making the text final rejects them, with a reason asked for first.</summary>
    public int PendingAmendments { get; private set; }
    /// <summary>The reason typed for them when the move was refused (too long, say), kept in its field.</summary>
    public string? PendingReason { get; private set; }

    /// <summary>While the signing window still runs, closing asks for "I understand" first: what it does, in words.</summary>
    public Data.Desks.DeskText? ClosingEndsSigning =>
        Statement.SigningWindowRunsAt(clock.GetUtcNow().UtcDateTime) && Statement.SigningClosesUtc is { } closes
            ? StatementDesk.ClosingEndsSigningNow(Summit, closes) : null;

    public async Task<IActionResult> OnPostMoveAsync(int id, StatementStatus? to, Guid? version, bool confirmEarlyClose, string? pendingReason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ShowSavedText();
        PendingReason = pendingReason;
        var result = await statements.MoveAsync(Statement, to, version, User.ToAuditActor(), confirmEarlyClose, pendingReason, ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { id }), () => ReshowAsync(id, ct));
    }

    /// <summary>The canonical text of a version, byte for byte what was hashed.</summary>
    public async Task<IActionResult> OnGetMarkdownAsync(int id, int? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Find(version) is not { } v) return NotFound();
        return StatementExport.Markdown(Response, Statement, v);
    }

    /// <summary>A version rendered as a standalone HTML document.</summary>
    public async Task<IActionResult> OnGetHtmlAsync(int id, int? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Find(version) is not { } v) return NotFound();
        var parsed = StatementParser.Parse(v.Text);
        if (parsed.Document is null) return NotFound();
        Response.Headers["X-Content-SHA256"] = v.ContentHash;
        Response.Headers.ContentDisposition = $"inline; filename=\"{StatementExport.FileName(Statement, v, "html")}\"";
        return Partial("_Export", (Statement, v, parsed.Document));
    }

    private StatementVersion? Find(int? number) => number is null ? Statement.Latest : Versions.FirstOrDefault(v => v.Number == number);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var statement = await db.Statements.Include(s => s.Summit).Include(s => s.Versions).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (statement is null) return false;
        Statement = statement;
        Summit = statement.Summit;
        Versions = statement.Versions.OrderByDescending(v => v.Number).ToList();
        PendingAmendments = statement.AcceptsNewVersions
            ? await db.Amendments.CountAsync(a => a.StatementId == id && a.Status == AmendmentStatus.Pending, ct) : 0;
        var finals = await db.Statements.AsNoTracking().Where(s => s.Id != id && Statement.PublicStatuses.Contains(s.Status))
            .OrderByDescending(s => s.CreatedUtc).Select(s => new { s.Id, s.Title, Summit = s.Summit.Name }).ToListAsync(ct);
        ReaffirmOptions = finals.Select(s => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem($"{s.Title} ({s.Summit})", s.Id.ToString())).ToList();
        ReaffirmsTitle = finals.FirstOrDefault(s => s.Id == statement.ReaffirmsStatementId)?.Title;
        // A failed settings post keeps what was typed; every other view shows the statement as saved.
        if (!(HttpMethods.IsPost(Request.Method) && string.Equals(Request.Query["handler"], "Settings", StringComparison.OrdinalIgnoreCase)))
            FillSettings();
        return true;
    }
}
