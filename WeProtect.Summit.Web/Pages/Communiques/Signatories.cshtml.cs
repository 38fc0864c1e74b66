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
/// found for them. Once published, the lists are those of a communiqué revision (the current one, or <c>?revision=n</c>);
/// the PDF is signed. Organisation fields only (see <see cref="SignatoryLists"/>).</summary>
[RateLimited(RateLimitedAction.Download)]
public class SignatoriesModel(SummitDbContext db, IConfiguration configuration, TimeProvider clock) : PageModel
{
    public Statement Statement { get; private set; } = null!;
    public string SummitName { get; private set; } = "";
    public AgreedByList Signatories { get; private set; } = new(AgreedByLayout.BySector, []);
    public int? CommuniqueId { get; private set; }
    public string? ContentHash { get; private set; }
    /// <summary>The published revisions; the list shown is <see cref="Revision"/>'s (the current one unless
    /// <c>?revision=n</c> asks for an earlier one), or, before publication, the list as it stands (organisers only).</summary>
    public IReadOnlyList<PublishedRevision> Revisions { get; private set; } = [];
    public PublishedRevision? Revision { get; private set; }

    public async Task<IActionResult> OnGetAsync(int statementId, int? revision, CancellationToken ct) =>
        await LoadAsync(statementId, revision, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int statementId, int? revision, CancellationToken ct) =>
        await LoadAsync(statementId, revision, ct) ? File(SignatoryLists.Csv(Signatories), SignatoryLists.CsvContentType, $"signatories-{statementId}{Suffix}.csv") : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(int statementId, int? revision, CancellationToken ct) =>
        await LoadAsync(statementId, revision, ct) ? File(SignatoryLists.Xlsx(Signatories), XlsxExport.ContentType, $"signatories-{statementId}{Suffix}.xlsx") : NotFound();

    public async Task<IActionResult> OnGetJsonAsync(int statementId, int? revision, CancellationToken ct) =>
        await LoadAsync(statementId, revision, ct) ? File(SignatoryLists.Json(Header(), Signatories), SignatoryLists.JsonContentType, $"signatories-{statementId}{Suffix}.json") : NotFound();

    /// <summary>The signed PDF: a published revision's is the one signed at publication, byte for byte (the Verify page
    /// knows it by its SHA-256); before publication (organisers), the list as it stands, rendered and signed now.</summary>
    public async Task<IActionResult> OnGetPdfAsync(int statementId, int? revision, [FromServices] SigningCertificates certificates,
        [FromServices] TimestampAuthority timestamps, CancellationToken ct)
    {
        if (!await LoadAsync(statementId, revision, ct)) return NotFound();
        if (Revision is { } published)
        {
            var stored = await db.Communiques.AsNoTracking().Where(c => c.Id == published.Id).Select(c => c.SignatoryListPdf).FirstOrDefaultAsync(ct);
            if (stored is not null)
            {
                Response.Headers["X-Content-SHA256"] = published.SignatoryListSha256;
                return File(stored, "application/pdf", $"signatories-{statementId}{Suffix}.pdf");
            }
        }
        using var certificate = certificates.Current();
        // Before publication only organisers read it, for their own use: in the language they read this page in.
        var signed = await PdfSigner.SignAsync(SignatoryLists.Pdf(Header(), Signatories, Localization.LanguageTexts.OfRequest()), certificate, null,
            timestamps.IfConfigured(), ct, PdfSigner.ListReason);
        return File(signed, "application/pdf", $"signatories-{statementId}{Suffix}.pdf");
    }

    /// <summary>The query that keeps a download to the revision shown.</summary>
    public string RevisionQuery => Revision is { } r ? $"?revision={r.Revision}" : "";

    private string Suffix => Revision is { Revision: > 1 } r ? $"-revision-{r.Revision}" : "";

    private SignatoryListHeader Header() =>
        new(Statement.Id, Statement.Title, SummitName, ContentHash, Revision?.PublishedUtc ?? clock.GetUtcNow().UtcDateTime, Revision?.Revision);

    public bool IsOrganiser => User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Admin);

    private async Task<bool> LoadAsync(int statementId, int? revision, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Summit).FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null) return false;
        if (statement.Status != StatementStatus.Published && !IsOrganiser) return false;
        Statement = statement;
        SummitName = statement.Summit.Name;
        Revisions = await CommuniqueRevisions.PublishedAsync(db, statementId, ct);
        Revision = revision is { } asked ? Revisions.FirstOrDefault(r => r.Revision == asked) : Revisions.LastOrDefault();
        if (revision is not null && Revision is null) return false;
        CommuniqueId = Revision?.Id;
        ContentHash = statement.FinalVersionId is { } finalId
            ? await db.StatementVersions.Where(v => v.Id == finalId).Select(v => v.ContentHash).FirstOrDefaultAsync(ct)
            : null;
        // A revision's list as it stood when it was published (late endorsements wait for the next revision).
        Signatories = await AgreedBy.LoadAsync(db, statementId, AgreedBy.Comparison(configuration[CommuniqueJob.CultureKey]), Revision?.ListAsOfUtc, ct);
        return true;
    }
}
