using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>Signs a PDF with PDFsharp's own signing support: an invisible signature field, <c>adbe.pkcs7.detached</c>
/// (a CMS SignedData with SHA-256 over the /ByteRange), no timestamp. The signed file is written to a temporary file
/// and read back only once complete: a signer that fails half-way leaves a corrupt file, which is then deleted and
/// never returned.</summary>
public static class PdfSigner
{
    public const string Reason = "Published communiqué of the WeProtect Global Alliance summit";

    public static byte[] Sign(byte[] pdf, SigningCertificate certificate, string? location = null)
    {
        SummitFonts.Register();
        var temp = Path.Combine(Path.GetTempPath(), $"weprotect-sign-{Guid.NewGuid():N}.pdf");
        try
        {
            using (var input = new MemoryStream(pdf, writable: false))
            using (var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify))
            {
                var signer = new PdfSharpDefaultSigner(certificate.Certificate, PdfMessageDigestType.SHA256, null);
                DigitalSignatureHandler.ForDocument(document, signer, new DigitalSignatureOptions
                {
                    Reason = Reason,
                    Location = location ?? "",
                    ContactInfo = "",
                    AppName = "WeProtect Summit",
                    PageIndex = 0,
                });
                document.Save(temp);
            }
            var signed = File.ReadAllBytes(temp);
            // The check that the file is complete: its own signature verifies.
            var check = PdfSignatureVerifier.Verify(signed);
            if (!check.IsValid)
                throw new InvalidOperationException($"The PDF could not be signed: {check.Problem}");
            return signed;
        }
        finally
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
