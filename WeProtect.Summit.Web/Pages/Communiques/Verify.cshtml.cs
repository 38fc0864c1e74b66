using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Web.Jobs;
using WeProtect.Summit.Web.Pdf;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Communiques;

/// <summary>"Verify a document", for anyone: upload a PDF (at most <see cref="MaxBytes"/>, content type PDF, file
/// starting with <c>%PDF-</c>) and the page says whether it is a communiqué published here (its SHA-256 equals a
/// published one's), whether its embedded signature is valid over its byte range and covers the whole file, and
/// whether the signer is the certificate the communiqué was published with (thumbprint). A match shows its statement
/// and signatories. Anything else — a changed byte, a truncated file, not a PDF — gets a plain answer, never an
/// error page.</summary>
// The server reads up to twice the limit, so that a file somewhat too large gets a plain answer from the handler;
// anything larger is refused while reading (400/413), before it reaches the handler.
[RateLimited(RateLimitedAction.Verify)]
[RequestFormLimits(MultipartBodyLengthLimit = 2L * MaxBytes)]
[RequestSizeLimit(2L * MaxBytes + 64 * 1024)]
public class VerifyModel(SummitDbContext db, IConfiguration configuration) : PageModel
{
    public const int MaxBytes = 20 * 1024 * 1024;
    public static readonly string[] PdfContentTypes = ["application/pdf", "application/x-pdf"];

    public sealed record Outcome(
        string FileName,
        long Length,
        string Sha256,
        PdfSignatureCheck Signature,
        DetailsModel.View? Published,
        bool SignedByPublishedCertificate,
        AgreedByList Signatories)
    {
        public bool IsValid => Published is not null && Signature.IsValid && SignedByPublishedCertificate;
    }

    [BindProperty] public IFormFile? Upload { get; set; }
    public Outcome? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a PDF file to check.");
            return Page();
        }
        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"The file is larger than {MaxBytes / 1024 / 1024} MB: no communiqué is that large.");
            return Page();
        }
        var contentType = (Upload.ContentType ?? "").Split(';')[0].Trim();
        if (!PdfContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Upload), "This is not a PDF file: upload the communiqué's .pdf file.");
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
            ModelState.AddModelError(nameof(Upload), "This is not a PDF file: it does not start with %PDF-.");
            return Page();
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var check = PdfSignatureVerifier.Verify(bytes);
        var publishedId = await db.Communiques.Where(c => c.Sha256 == sha && c.Status == CommuniqueStatus.Published)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        var published = publishedId is { } id ? await DetailsModel.FindAsync(db, id, ct) : null;
        bool byPublishedCertificate;
        if (published is not null)
            byPublishedCertificate = check.SignerThumbprint is { } t && string.Equals(t, published.Thumbprint, StringComparison.OrdinalIgnoreCase);
        else
            byPublishedCertificate = check.SignerThumbprint is { } t && await db.Communiques
                .AnyAsync(c => c.Status == CommuniqueStatus.Published && c.CertificateThumbprint == t.ToUpperInvariant(), ct);
        var signatories = published is null ? new AgreedByList(AgreedByLayout.BySector, []) :
            await AgreedBy.LoadAsync(db, published.StatementId, AgreedBy.Comparison(configuration[CommuniqueJob.CultureKey]), ct);
        Result = new Outcome(Path.GetFileName(Upload.FileName ?? "upload.pdf"), bytes.Length, sha, check, published, byPublishedCertificate, signatories);
        return Page();
    }
}
