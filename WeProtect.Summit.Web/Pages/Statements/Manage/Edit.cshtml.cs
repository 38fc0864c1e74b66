using System.ComponentModel.DataAnnotations;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Infrastructure;
using WeProtect.Summit.Web.Statements;

namespace WeProtect.Summit.Web.Pages.Statements.Manage;

using WeProtect.Summit.Data.Summits;

/// <summary>One statement: its status steps, its versions, and (while it takes new wording) the text editor. Saving
/// parses the text (<see cref="StatementParser"/>): a text with errors lists them all with their lines and saves
/// nothing; a valid one becomes a new immutable version. Preview renders the text without saving (whole page
/// without JavaScript, only the preview with htmx). Exports give a version's canonical Markdown or its HTML.</summary>
public class EditModel(SummitDbContext db, AuditTrail audit, TimeProvider clock, EndorsementDesk desk) : PageModel
{
    /// <summary>Twice the parser's limit: larger posts are refused before parsing (the parser reports 1 MB).</summary>
    public const int TextMaxLength = 2 * StatementText.MaxBytes;

    public sealed class InputModel
    {
        [StringLength(TextMaxLength)] public string? Text { get; set; }
        [Display(Name = "Change note"), StringLength(1000)] public string? ChangeNote { get; set; }
    }

    /// <summary>The statement's settings. No [Required]: the entity's Validate() holds the rules, and the other
    /// forms of this page post without these fields.</summary>
    public sealed class SettingsModel
    {
        [StringLength(Statement.TitleMaxLength)] public string? Title { get; set; }
        public StatementKind? Kind { get; set; }
        [Display(Name = "Signing opens"), DataType(DataType.DateTime)] public DateTime? SigningOpens { get; set; }
        [Display(Name = "Signing closes"), DataType(DataType.DateTime)] public DateTime? SigningCloses { get; set; }
        [Display(Name = "Keep the list of signatories embargoed until the communiqué is published")] public bool SignatoriesEmbargoed { get; set; }
        [Display(Name = "\"Agreed by\" list")] public AgreedByLayout? AgreedByLayout { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public SettingsModel Settings { get; set; } = new();
    /// <summary>Settings change until the statement is closed; after that the window and list are history.</summary>
    public bool SettingsEditable => Statement.SettingsEditable;
    public Statement Statement { get; private set; } = null!;
    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<StatementVersion> Versions { get; private set; } = [];
    /// <summary>What the preview shows: null until the text is previewed (or a save fails).</summary>
    public StatementParseResult? Preview { get; private set; }
    public IReadOnlyList<StatementError> TextErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new InputModel { Text = Statement.Latest?.Text ?? "" };
        if (Statement.Latest is { } latest) Preview = StatementParser.Parse(latest.Text);
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new InputModel { Text = Statement.Latest?.Text ?? "" };
        if (!SettingsEditable)
        {
            ModelState.AddModelError(string.Empty, $"The statement is {Statement.Describe(Statement.Status)}: its settings and signing window can no longer change. Nothing was saved.");
            return Page();
        }
        if (Settings.Version != Statement.Version)
            ModelState.AddModelError(string.Empty, "Someone else changed this statement after you opened it. Reload the page; nothing was saved.");
        if (!ModelState.IsValid) return Page();

        // Once there is a text, the title is its # line (set with each version), not a setting.
        if (Statement.TitleEditable) Statement.Title = Settings.Title?.Trim() ?? "";
        if (Settings.AgreedByLayout is { } layout && Statement.SetAgreedByLayout(layout) is { } layoutRefusal)
            ModelState.AddModelError($"{nameof(Settings)}.{nameof(SettingsModel.AgreedByLayout)}", layoutRefusal);
        Statement.Kind = Settings.Kind ?? (StatementKind)(-1);
        Statement.SigningOpensUtc = ToUtc(Settings.SigningOpens, nameof(SettingsModel.SigningOpens));
        Statement.SigningClosesUtc = ToUtc(Settings.SigningCloses, nameof(SettingsModel.SigningCloses));
        Statement.SignatoriesEmbargoed = Settings.SignatoriesEmbargoed;
        foreach (var (field, message) in Statement.Validate())
            ModelState.AddModelError($"{nameof(Settings)}.{SettingsField(field)}", message);
        if (!ModelState.IsValid) return Page();

        var changed = db.Entry(Statement).Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
        if (changed.Count == 0)
        {
            TempData["Status"] = "Nothing changed.";
            return RedirectToPage(new { id });
        }
        db.Entry(Statement).Property(s => s.Version).OriginalValue = Settings.Version!.Value;
        Statement.Version = Guid.NewGuid();
        audit.Record(User.ToAuditActor(), "statement.settings-changed", Statement,
            $"Statement \"{Statement.Title}\" settings changed: {string.Join(", ", changed)}");
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            ModelState.AddModelError(string.Empty, "Someone else changed this statement while you were editing. Reload the page; nothing was saved.");
            return Page();
        }
        TempData["Status"] = "Settings saved.";
        return RedirectToPage(new { id });
    }

    /// <summary>A time typed in the summit's zone, in UTC; a time the clocks skip is an error on its field.</summary>
    private DateTime? ToUtc(DateTime? local, string field)
    {
        if (local is null) return null;
        var (utc, error) = SummitClock.ToUtc(local.Value, Summit.Zone);
        if (error is not null) ModelState.AddModelError($"{nameof(Settings)}.{field}", error);
        return error is null ? utc : null;
    }

    private static string SettingsField(string entityField) => entityField switch
    {
        nameof(Statement.SigningOpensUtc) => nameof(SettingsModel.SigningOpens),
        nameof(Statement.SigningClosesUtc) => nameof(SettingsModel.SigningCloses),
        _ => entityField,
    };

    /// <summary>The settings form as the statement is now (times in the summit's zone).</summary>
    private void FillSettings() => Settings = new SettingsModel
    {
        Title = Statement.Title, Kind = Statement.Kind, SignatoriesEmbargoed = Statement.SignatoriesEmbargoed, Version = Statement.Version,
        AgreedByLayout = Statement.AgreedByLayout,
        SigningOpens = Statement.SigningOpensUtc is { } o ? Summit.ToLocal(o) : null,
        SigningCloses = Statement.SigningClosesUtc is { } c ? Summit.ToLocal(c) : null,
    };

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Statement.AcceptsNewVersions)
        {
            ModelState.AddModelError(string.Empty, $"The statement is {Statement.Describe(Statement.Status)}: its text can no longer change. Nothing was saved.");
            return Page();
        }
        if (!ModelState.IsValid) return Page();

        var parsed = StatementParser.Parse(Input.Text);
        if (!parsed.IsValid)
        {
            TextErrors = parsed.Errors;
            return Page();
        }
        var (version, refusal) = Statement.AddVersion(parsed, User.ToAuditActor().UserId, User.ToAuditActor().Name,
            Input.ChangeNote ?? "", clock.GetUtcNow().UtcDateTime);
        if (version is null)
        {
            ModelState.AddModelError(string.Empty, refusal!);
            return Page();
        }
        // The statement's token too: finalising at the same moment cannot freeze a text that is being replaced.
        Statement.Version = Guid.NewGuid();
        audit.Record(User.ToAuditActor(), "statement.version-added", Statement,
            $"Statement \"{Statement.Title}\" version {version.Number} ({version.ContentHash[..12]})");
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two saves at once: the unique (StatementId, Number) index lets only one of them take the number.
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            ModelState.AddModelError(string.Empty, "Someone else saved a new version at the same time; yours was not saved. Look at their version, then save again.");
            return Page();
        }
        TempData["Status"] = $"Version {version.Number} saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Preview = ModelState.IsValid ? StatementParser.Parse(Input.Text) : null;
        if (Request.IsHtmx()) return Partial("_Preview", Preview);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, StatementStatus? to, Guid? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new InputModel { Text = Statement.Latest?.Text ?? "" };
        if (to is null || !Enum.IsDefined(to.Value))
        {
            ModelState.AddModelError(string.Empty, "Choose a status.");
            return Page();
        }
        if (to == StatementStatus.Published && Statement.NextStatuses().Contains(to.Value))
        {
            ModelState.AddModelError(string.Empty, "A statement is published with its communiqué: use “Publish the communiqué”. Nothing was changed.");
            return Page();
        }
        if (version != Statement.Version)
        {
            ModelState.AddModelError(string.Empty, "Someone else changed this statement after you opened it. Reload the page; nothing was changed.");
            return Page();
        }
        if (to == StatementStatus.Closed && Statement.Status == StatementStatus.OpenForSignature)
        {
            // Closing early is the same act as the window's end: one path, stamped and audited by the desk.
            var closed = await desk.CloseAsync(id, User.ToAuditActor(), "closed early by an organiser", ct);
            if (!closed.Succeeded)
            {
                ModelState.AddModelError(string.Empty, closed.Message);
                return Page();
            }
            TempData["Status"] = "Signing is closed.";
            return RedirectToPage(new { id });
        }
        var from = Statement.Status;
        if (Statement.MoveTo(to.Value) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return Page();
        }
        db.Entry(Statement).Property(s => s.Version).OriginalValue = version.Value;
        Statement.Version = Guid.NewGuid();
        audit.Record(User.ToAuditActor(), "statement.status-changed", Statement,
            $"Statement \"{Statement.Title}\" moved from {Statement.Describe(from)} to {Statement.Describe(to.Value)}");
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            ModelState.AddModelError(string.Empty, "Someone else changed this statement while you were looking at it. Reload the page; nothing was changed.");
            return Page();
        }
        TempData["Status"] = $"The statement is now {Statement.Describe(to.Value)}.";
        return RedirectToPage(new { id });
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
        // A failed settings post keeps what was typed; every other view shows the statement as saved.
        if (!(HttpMethods.IsPost(Request.Method) && string.Equals(Request.Query["handler"], "Settings", StringComparison.OrdinalIgnoreCase)))
            FillSettings();
        return true;
    }
}
