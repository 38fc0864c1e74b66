using System.ComponentModel.DataAnnotations;
using System.Text;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Infrastructure;

namespace WeProtect.Summit.Web.Pages.Statements.Manage;

using WeProtect.Summit.Data.Summits;

/// <summary>One statement: its status steps, its versions, and (while it takes new wording) the text editor. Saving
/// parses the text (<see cref="StatementParser"/>): a text with errors lists them all with their lines and saves
/// nothing; a valid one becomes a new immutable version. Preview renders the text without saving (whole page
/// without JavaScript, only the preview with htmx). Exports give a version's canonical Markdown or its HTML.</summary>
public class EditModel(SummitDbContext db, AuditTrail audit, TimeProvider clock) : PageModel
{
    /// <summary>Twice the parser's limit: larger posts are refused before parsing (the parser reports 1 MB).</summary>
    public const int TextMaxLength = 2 * StatementText.MaxBytes;

    public sealed class InputModel
    {
        [StringLength(TextMaxLength)] public string? Text { get; set; }
        [Display(Name = "Change note"), StringLength(1000)] public string? ChangeNote { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
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
        if (version != Statement.Version)
        {
            ModelState.AddModelError(string.Empty, "Someone else changed this statement after you opened it. Reload the page; nothing was changed.");
            return Page();
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
        Response.Headers["X-Content-SHA256"] = v.ContentHash;
        var bytes = new UTF8Encoding(false).GetBytes(v.Text);
        return File(bytes, "text/markdown; charset=utf-8", $"statement-{Statement.Id}-v{v.Number}-{v.ContentHash[..12]}.md");
    }

    /// <summary>A version rendered as a standalone HTML document.</summary>
    public async Task<IActionResult> OnGetHtmlAsync(int id, int? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Find(version) is not { } v) return NotFound();
        var parsed = StatementParser.Parse(v.Text);
        if (parsed.Document is null) return NotFound();
        Response.Headers["X-Content-SHA256"] = v.ContentHash;
        Response.Headers.ContentDisposition = $"inline; filename=\"statement-{Statement.Id}-v{v.Number}-{v.ContentHash[..12]}.html\"";
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
        return true;
    }
}
