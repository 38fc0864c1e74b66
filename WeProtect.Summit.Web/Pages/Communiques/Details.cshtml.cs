using System.Text;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Web.Jobs;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Communiques;

/// <summary>The public page of one published communiqué: the signed PDF (<c>/Communiques/{id}/pdf</c>), its SHA-256,
/// the signing certificate (with a plain warning when it is the development one), the signatories in "Agreed by"
/// order (as of this revision), the exact text version with its hash, and every revision of the communiqué (an earlier one
/// says when it was superseded). Anything not published is not found.</summary>
[RateLimited(RateLimitedAction.Download)]
public class DetailsModel(SummitDbContext db, IConfiguration configuration) : PageModel
{
    public sealed record View(int Id, int StatementId, string Title, string SummitName, DateTime PublishedUtc, string Sha256,
        int SignatoryCount, string? Thumbprint, string? Subject, bool SelfSigned, int? VersionNumber, string? ContentHash,
        int Revision, DateTime? ListAsOfUtc, string? SignatoryListSha256, string TimeZoneId)
    {
        /// <summary>An instant on the summit's clock (its zone is <see cref="TimeZoneId"/>).</summary>
        public DateTime Local(DateTime utc) => Data.Summits.SummitClock.ToLocal(utc, Data.Summits.SummitClock.FindZone(TimeZoneId) ?? TimeZoneInfo.Utc);
    }

    public View Communique { get; private set; } = null!;
    public AgreedByList Signatories { get; private set; } = new(AgreedByLayout.BySector, []);
    /// <summary>The communiqué in other languages (one signed PDF each), and the authoritative language.</summary>
    public IReadOnlyList<LanguagePdf> Languages { get; private set; } = [];
    public string AuthoritativeLanguage { get; private set; } = Data.Languages.InterfaceLanguages.Default;

    public sealed record LanguagePdf(string Language, string Sha256, string ContentHash)
    {
        public string NativeName => Data.Languages.InterfaceLanguages.Get(Language).NativeName;
    }
    /// <summary>Every published revision of this statement's communiqué, first to last.</summary>
    public IReadOnlyList<PublishedRevision> Revisions { get; private set; } = [];
    public bool Superseded => CommuniqueRevisions.SupersededUtc(Revisions, Communique.Revision) is not null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var view = await FindAsync(db, id, ct);
        if (view is null) return NotFound();
        Communique = view;
        // This revision's list, as it stood when it was published.
        Signatories = await AgreedBy.LoadAsync(db, view.StatementId, AgreedBy.Comparison(configuration[CommuniqueJob.CultureKey]), view.ListAsOfUtc, ct);
        Revisions = await CommuniqueRevisions.PublishedAsync(db, view.StatementId, ct);
        Languages = await db.CommuniqueTranslations.AsNoTracking().Where(t => t.CommuniqueId == id).OrderBy(t => t.Id)
            .Select(t => new LanguagePdf(t.Language, t.Sha256, t.ContentHash)).ToListAsync(ct);
        AuthoritativeLanguage = await db.Statements.Where(s => s.Id == view.StatementId).Select(s => s.AuthoritativeLanguage).SingleAsync(ct);
        return Page();
    }

    /// <summary>The signed PDF, byte for byte as stored.</summary>
    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken ct)
    {
        var found = await db.Communiques.AsNoTracking().Where(c => c.Id == id && c.Status == CommuniqueStatus.Published && c.Pdf != null)
            .Select(c => new { c.Pdf, c.Sha256, c.Statement.Title }).FirstOrDefaultAsync(ct);
        if (found is null) return NotFound();
        Response.Headers["X-Content-SHA256"] = found.Sha256;
        return File(found.Pdf!, "application/pdf", FileName(found.Title, id));
    }

    /// <summary>The signed PDF in one more language (<c>/Communiques/{id}/language?language=fr</c>), byte for byte as stored.</summary>
    public async Task<IActionResult> OnGetLanguageAsync(int id, string? language, CancellationToken ct)
    {
        var found = await db.CommuniqueTranslations.AsNoTracking()
            .Where(t => t.CommuniqueId == id && t.Language == language && t.Communique.Status == CommuniqueStatus.Published)
            .Select(t => new { t.Pdf, t.Sha256, t.Communique.Statement.Title }).FirstOrDefaultAsync(ct);
        if (found is null) return NotFound();
        Response.Headers["X-Content-SHA256"] = found.Sha256;
        return File(found.Pdf, "application/pdf", FileName(found.Title, id).Replace(".pdf", $" ({language}).pdf", StringComparison.Ordinal));
    }

    /// <summary>"Call to Action – communiqué 7.pdf": the statement's title without characters file systems refuse.</summary>
    public static string FileName(string title, int id)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['"', '\\', '/', ':', '*', '?', '<', '>', '|']).ToHashSet();
        var clean = new StringBuilder();
        foreach (var ch in title.Normalize(NormalizationForm.FormC)) clean.Append(invalid.Contains(ch) || char.IsControl(ch) ? ' ' : ch);
        var name = string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (name.Length > 120) name = name[..120].TrimEnd();
        return $"{(name.Length == 0 ? "Communiqué" : name)} – communiqué {id}.pdf";
    }

    internal static Task<View?> FindAsync(SummitDbContext db, int id, CancellationToken ct) =>
        db.Communiques.AsNoTracking().Where(c => c.Id == id && c.Status == CommuniqueStatus.Published)
            .Select(c => new View(c.Id, c.StatementId, c.Statement.Title, c.Statement.Summit.Name, c.PublishedUtc!.Value, c.Sha256!,
                c.SignatoryCount, c.CertificateThumbprint, c.CertificateSubject, c.SelfSignedCertificate,
                db.StatementVersions.Where(v => v.Id == c.StatementVersionId).Select(v => (int?)v.Number).FirstOrDefault(), c.ContentHash,
                c.Revision, c.ListAsOfUtc, c.SignatoryListSha256, c.Statement.Summit.TimeZoneId))
            .FirstOrDefaultAsync(ct);
}
