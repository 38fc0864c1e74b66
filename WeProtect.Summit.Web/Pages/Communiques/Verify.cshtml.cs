using System.Security.Cryptography;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Web.Jobs;
using WeProtect.Summit.Web.Pdf;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Communiques;

/// <summary>"Verify a document", for anyone: upload a PDF (at most <see cref="MaxBytes"/>, content type PDF, file
/// starting with <c>%PDF-</c>) and the page says whether it is a communiqué published here (its SHA-256 equals a
/// published one's, or that of a signatory list signed with one), which revision it is ("valid — revision 1 of 3,
/// superseded on …"), whether its embedded signature is valid over its byte range and covers the whole file, and
/// whether the signer is the certificate the communiqué was published with (thumbprint). A match shows its statement
/// and signatories. Anything else — a changed byte, a truncated file, not a PDF — gets a plain answer, never an
/// error page.</summary>
// The server reads up to twice the limit, so that a file somewhat too large gets a plain answer from the handler;
// anything larger is refused while reading (400/413), before it reaches the handler.
[RateLimited(RateLimitedAction.Verify)]
[RequestFormLimits(MultipartBodyLengthLimit = 2L * MaxBytes)]
[RequestSizeLimit(2L * MaxBytes + 64 * 1024)]
public class VerifyModel(SummitDbContext db, IConfiguration configuration, Audit.AuditCheckpoints checkpoints) : PageModel
{
    public const int MaxBytes = 20 * 1024 * 1024;
    public static readonly string[] PdfContentTypes = ["application/pdf", "application/x-pdf"];

    /// <summary>What the check found about the uploaded file: its hash, its signature, and the communiqué, signatory
    /// list or letter it is.</summary>
    public sealed record Verdict(
        string FileName,
        long Length,
        string Sha256,
        PdfSignatureCheck Signature,
        DetailsModel.View? Published,
        bool SignedByPublishedCertificate,
        AgreedByList Signatories)
    {
        /// <summary>The file is the communiqué's signatory list (its signed PDF), not the communiqué itself.</summary>
        public bool IsSignatoryList { get; init; }
        /// <summary>Every published revision of the communiqué found, first to last (the page says which one this is).</summary>
        public IReadOnlyList<PublishedRevision> Revisions { get; init; } = [];
        public bool Superseded { get; init; }
        /// <summary>The language of the communiqué (or list) found: the authoritative one, or a translation's; null when
        /// nothing was found.</summary>
        public string? Language { get; init; }
        /// <summary>The statement's authoritative language, when <see cref="Language"/> is set.</summary>
        public string? AuthoritativeLanguage { get; init; }
        public bool IsTranslation => Language is not null && Language != AuthoritativeLanguage;
        /// <summary>The file is a letter of invitation issued here (a visa letter), not a communiqué.</summary>
        public LetterMatch? VisaLetter { get; init; }
        /// <summary>The file is a letter of invitation issued here and withdrawn since (its travel document changed, or
        /// its registration was rejected or cancelled; the page does not say which to whoever holds the file): never
        /// valid, whatever its signature.</summary>
        public WithdrawnLetter? Withdrawn { get; init; }
        /// <summary>The signed audit checkpoint a published communiqué carries (attached when its list was read).</summary>
        public Audit.AuditCheckpoint? Checkpoint { get; init; }
        /// <summary>Today's trail held against <see cref="Checkpoint"/>: for administrators only (it walks the whole trail).</summary>
        public Audit.AuditCheck? TrailCheck { get; init; }

        public bool IsValid => (Published is not null || VisaLetter is not null) && Signature.IsValid && SignedByPublishedCertificate;
    }

    /// <summary>A visa letter issued here with the uploaded file's SHA-256: its reference and summit, never the
    /// delegate's details (whoever holds the file has them).</summary>
    public sealed record LetterMatch(int Id, string Reference, string SummitName, DateTime IssuedUtc, string? Thumbprint, string TimeZoneId)
    {
        /// <summary>An instant on the summit's clock (its zone is <see cref="TimeZoneId"/>).</summary>
        public DateTime Local(DateTime utc) => Data.Summits.SummitClock.ToLocal(utc, Data.Summits.SummitClock.FindZone(TimeZoneId) ?? TimeZoneInfo.Utc);
    }

    /// <summary>A withdrawn letter of invitation with the uploaded file's SHA-256.</summary>
    public sealed record WithdrawnLetter(string Reference, string SummitName, DateTime IssuedUtc, DateTime WithdrawnUtc, string TimeZoneId)
    {
        public DateTime Local(DateTime utc) => Data.Summits.SummitClock.ToLocal(utc, Data.Summits.SummitClock.FindZone(TimeZoneId) ?? TimeZoneInfo.Utc);
    }

    [BindProperty] public IFormFile? Upload { get; set; }
    public Verdict? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Localization.Translations.OrKey(HttpContext, "Choose a PDF file to check."));
            return Page();
        }
        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), Localization.Translations.OrKey(HttpContext, "The file is larger than {0} MB: no communiqué is that large.", MaxBytes / 1024 / 1024));
            return Page();
        }
        var contentType = (Upload.ContentType ?? "").Split(';')[0].Trim();
        if (!PdfContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Upload), Localization.Translations.OrKey(HttpContext, "This is not a PDF file: upload the communiqué's .pdf file."));
            return Page();
        }
        byte[] bytes;
        using (var buffer = new MemoryStream((int)Upload.Length))
        {
            await Upload.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        if (!PdfSignatureVerifier.HasPdfHeader(bytes))
        {
            ModelState.AddModelError(nameof(Upload), Localization.Translations.OrKey(HttpContext, "This is not a PDF file: it does not start with %PDF-."));
            return Page();
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var check = PdfSignatureVerifier.Verify(bytes);
        // The communiqué itself, or the signed signatory list published with it.
        var match = await db.Communiques.Where(c => c.Status == CommuniqueStatus.Published && (c.Sha256 == sha || c.SignatoryListSha256 == sha))
            .Select(c => new { c.Id, IsList = c.Sha256 != sha, Language = (string?)c.Statement.AuthoritativeLanguage, Authoritative = (string?)c.Statement.AuthoritativeLanguage }).FirstOrDefaultAsync(ct)
            // … or the communiqué in one of its other languages.
            ?? await db.CommuniqueTranslations.Where(t => t.Sha256 == sha && t.Communique.Status == CommuniqueStatus.Published)
                .Select(t => new { Id = t.CommuniqueId, IsList = false, Language = (string?)t.Language, Authoritative = (string?)t.Communique.Statement.AuthoritativeLanguage })
                .FirstOrDefaultAsync(ct);
        var published = match is { } m ? await DetailsModel.FindAsync(db, m.Id, ct) : null;
        var letter = published is not null ? null : await db.VisaLetters.AsNoTracking()
            .Where(v => v.Status == Data.Accreditations.VisaLetterStatus.Issued && v.Sha256 == sha)
            .Join(db.Summits, v => v.SummitId, s => s.Id, (v, s) => new { v.Id, s.Name, v.IssuedUtc, v.CertificateThumbprint, s.TimeZoneId }).FirstOrDefaultAsync(ct);
        var letterMatch = letter is null ? null : new LetterMatch(letter.Id, VisaLetterPdf.Reference(letter.Id), letter.Name, letter.IssuedUtc!.Value, letter.CertificateThumbprint, letter.TimeZoneId);
        var withdrawnRow = published is not null || letterMatch is not null ? null : await db.VisaLetterWithdrawals.AsNoTracking()
            .Where(w => w.Sha256 == sha).OrderByDescending(w => w.WithdrawnUtc)
            .Join(db.Summits, w => w.SummitId, s => s.Id, (w, s) => new { w.VisaLetterId, s.Name, w.IssuedUtc, w.WithdrawnUtc, s.TimeZoneId })
            .FirstOrDefaultAsync(ct);
        var withdrawn = withdrawnRow is null ? null
            : new WithdrawnLetter(VisaLetterPdf.Reference(withdrawnRow.VisaLetterId), withdrawnRow.Name, withdrawnRow.IssuedUtc, withdrawnRow.WithdrawnUtc, withdrawnRow.TimeZoneId);
        bool byPublishedCertificate;
        if (letterMatch is not null)
            byPublishedCertificate = check.SignerThumbprint is { } t && string.Equals(t, letterMatch.Thumbprint, StringComparison.OrdinalIgnoreCase);
        else if (published is not null)
            byPublishedCertificate = check.SignerThumbprint is { } t && string.Equals(t, published.Thumbprint, StringComparison.OrdinalIgnoreCase);
        else
            byPublishedCertificate = check.SignerThumbprint is { } t && await db.Communiques
                .AnyAsync(c => c.Status == CommuniqueStatus.Published && c.CertificateThumbprint == t.ToUpperInvariant(), ct);
        // The list of that revision, as it stood when it was published.
        var signatories = published is null ? new AgreedByList(AgreedByLayout.BySector, []) :
            await AgreedBy.LoadAsync(db, published.StatementId, AgreedBy.Comparison(configuration[CommuniqueJob.CultureKey]), published.ListAsOfUtc, ct);
        var revisions = published is null ? [] : await CommuniqueRevisions.PublishedAsync(db, published.StatementId, ct);
        var checkpoint = published is not null && match?.IsList != true ? CarriedCheckpoint(bytes, published.Thumbprint) : null;
        var trailCheck = checkpoint is not null && User.IsInRole(Data.Accounts.Roles.Admin) ? await checkpoints.CheckAgainstAsync(checkpoint, ct) : null;
        Result = new Verdict(Path.GetFileName(Upload.FileName ?? "upload.pdf"), bytes.Length, sha, check, published, byPublishedCertificate, signatories)
        {
            IsSignatoryList = match?.IsList == true,
            Revisions = revisions,
            Superseded = published is not null && CommuniqueRevisions.SupersededUtc(revisions, published.Revision) is not null,
            VisaLetter = letterMatch,
            Withdrawn = withdrawn,
            Language = match?.Language,
            AuthoritativeLanguage = match?.Authoritative,
            Checkpoint = checkpoint,
            TrailCheck = trailCheck,
        };
        return Page();
    }

    /// <summary>The audit checkpoint attached to a communiqué published here, when it is there and signed by the
    /// certificate the communiqué was published with; else null (a communiqué published before checkpoints were attached).</summary>
    private static Audit.AuditCheckpoint? CarriedCheckpoint(byte[] pdf, string? thumbprint)
    {
        if (PdfAttachments.Read(pdf, CommuniquePdf.CheckpointFileName) is not { } json) return null;
        try
        {
            var checkpoint = System.Text.Json.JsonSerializer.Deserialize<Audit.AuditCheckpoint>(json);
            return checkpoint is not null && checkpoint.SignatureHolds()
                && string.Equals(checkpoint.CertificateThumbprint(), thumbprint, StringComparison.OrdinalIgnoreCase) ? checkpoint : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
