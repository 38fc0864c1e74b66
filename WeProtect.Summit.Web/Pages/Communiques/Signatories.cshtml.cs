using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Jobs;
using WeProtect.Summit.Web.Pdf;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Communiques;

/// <summary>A statement's signatory list, on the page and as CSV, JSON and PDF downloads
/// (<c>/Communiques/Signatories/{statementId}/csv|xlsx|json|pdf</c>), in "Agreed by" order. Organisers may read it at any
/// time; everyone else once the statement is published — so an embargoed list
/// (<see cref="Statement.SignatoriesEmbargoed"/>) names nobody before publication, and before that the page is not
/// found for them. Organisation fields only (see <see cref="SignatoryLists"/>).</summary>
[RateLimited(RateLimitedAction.Download)]
public class SignatoriesModel(SummitDbContext db, IConfiguration configuration, TimeProvider clock) : PageModel
{
    public Statement Statement { get; private set; } = null!;
    public string SummitName { get; private set; } = "";
    public AgreedByList Signatories { get; private set; } = new(AgreedByLayout.BySector, []);
    public int? CommuniqueId { get; private set; }
    public string? ContentHash { get; private set; }

    public async Task<IActionResult> OnGetAsync(int statementId, CancellationToken ct) =>
        await LoadAsync(statementId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int statementId, CancellationToken ct) =>
        await LoadAsync(statementId, ct) ? File(SignatoryLists.Csv(Signatories), SignatoryLists.CsvContentType, $"signatories-{statementId}.csv") : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(int statementId, CancellationToken ct) =>
        await LoadAsync(statementId, ct) ? File(SignatoryLists.Xlsx(Signatories), XlsxExport.ContentType, $"signatories-{statementId}.xlsx") : NotFound();

    public async Task<IActionResult> OnGetJsonAsync(int statementId, CancellationToken ct) =>
        await LoadAsync(statementId, ct) ? File(SignatoryLists.Json(Header(), Signatories), SignatoryLists.JsonContentType, $"signatories-{statementId}.json") : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(int statementId, CancellationToken ct) =>
        await LoadAsync(statementId, ct) ? File(SignatoryLists.Pdf(Header(), Signatories), "application/pdf", $"signatories-{statementId}.pdf") : NotFound();

    private SignatoryListHeader Header() =>
        new(Statement.Id, Statement.Title, SummitName, ContentHash, clock.GetUtcNow().UtcDateTime);

    public bool IsOrganiser => User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Admin);

    private async Task<bool> LoadAsync(int statementId, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Summit).FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null) return false;
        if (statement.Status != StatementStatus.Published && !IsOrganiser) return false;
        Statement = statement;
        SummitName = statement.Summit.Name;
        CommuniqueId = await db.Communiques.Where(c => c.StatementId == statementId && c.Status == CommuniqueStatus.Published)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        ContentHash = statement.FinalVersionId is { } finalId
            ? await db.StatementVersions.Where(v => v.Id == finalId).Select(v => v.ContentHash).FirstOrDefaultAsync(ct)
            : null;
        Signatories = await AgreedBy.LoadAsync(db, statementId, AgreedBy.Comparison(configuration[CommuniqueJob.CultureKey]), ct);
        return true;
    }
}
