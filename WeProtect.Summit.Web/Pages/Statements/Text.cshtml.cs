using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Statements;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Statements;

/// <summary>The public text of a statement once it is final: the frozen version, rendered, with its number, its
/// SHA-256 and the canonical Markdown to download. Before that it does not exist for anyone but organisers, who may
/// also open any version (<c>?version=N</c>). Not output-cached: it changes with the statement's status, which the
/// public page cache does not watch.</summary>
[RateLimited(RateLimitedAction.Download)]
public class TextModel(SummitDbContext db) : PageModel
{
    public Statement Statement { get; private set; } = null!;
    public string SummitName { get; private set; } = "";
    public StatementVersion Shown { get; private set; } = null!;
    public StatementDocument Document { get; private set; } = null!;
    /// <summary>The text's language versions and the one shown (<c>?lang=</c>, else the reader's language, else the authoritative).</summary>
    public StatementLanguages Languages { get; private set; } = null!;
    public bool IsFinalText => Shown.Id == Statement.FinalVersionId;
    /// <summary>The final statement this one reaffirms, and the final statements that reaffirm this one.</summary>
    public (int Id, string Title)? Reaffirms { get; private set; }
    public IReadOnlyList<(int Id, string Title)> ReaffirmedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int statementId, int? version, string? lang, CancellationToken ct)
    {
        if (!await LoadAsync(statementId, version, ct)) return NotFound();
        if (await StatementLanguages.LoadAsync(db, Statement, Shown, lang, ct) is not { } languages) return NotFound();
        Languages = languages;
        return Page();
    }

    public async Task<IActionResult> OnGetMarkdownAsync(int statementId, int? version, CancellationToken ct) =>
        await LoadAsync(statementId, version, ct) ? StatementExport.Markdown(Response, Statement, Shown) : NotFound();

    private async Task<bool> LoadAsync(int statementId, int? version, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Summit).Include(s => s.Versions)
            .FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null) return false;
        var organiser = User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Admin);
        StatementVersion? shown;
        if (organiser && version is not null) shown = statement.Versions.FirstOrDefault(v => v.Number == version);
        else if (statement.IsFinal) shown = statement.Versions.FirstOrDefault(v => v.Id == statement.FinalVersionId);
        else shown = organiser ? statement.Latest : null;
        // Everyone else asking for another version gets the final text's page only by its own address.
        if (shown is null || (!organiser && version is not null && version != shown.Number)) return false;
        if (StatementParser.Parse(shown.Text).Document is not { } document) return false;
        (Statement, SummitName, Shown, Document) = (statement, statement.Summit.Name, shown, document);
        var links = await db.Statements.AsNoTracking()
            .Where(s => (s.Id == statement.ReaffirmsStatementId || s.ReaffirmsStatementId == statementId) && Statement.PublicStatuses.Contains(s.Status))
            .Select(s => new { s.Id, s.Title, s.ReaffirmsStatementId }).ToListAsync(ct);
        Reaffirms = links.Where(s => s.Id == statement.ReaffirmsStatementId).Select(s => ((int, string)?)(s.Id, s.Title)).FirstOrDefault();
        ReaffirmedBy = links.Where(s => s.ReaffirmsStatementId == statementId).Select(s => (s.Id, s.Title)).ToList();
        return true;
    }
}
