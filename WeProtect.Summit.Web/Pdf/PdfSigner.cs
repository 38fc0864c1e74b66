using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>Signs a PDF through PDFsharp's signature field and byte range with <see cref="PadesSigner"/>: an invisible
/// signature, <c>ETSI.CAdES.detached</c> with signing-certificate-v2 (PAdES B-B) and, with a timestamp authority, an
/// RFC 3161 signature timestamp (PAdES B-T). The signed file is written to a temporary file and read back only once
/// complete: a signer that fails half-way leaves a corrupt file, which is then deleted and never returned.</summary>
public static class PdfSigner
{
    public const string Reason = "Published communiqué of the WeProtect Global Alliance summit";
    public const string ListReason = "Signatory list of a communiqué of the WeProtect Global Alliance summit";

    /// <summary>PAdES B-B, no timestamp (synchronous: nothing to wait for).</summary>
    public static byte[] Sign(byte[] pdf, SigningCertificate certificate, string? location = null) =>
        SignAsync(pdf, certificate, location, null, CancellationToken.None).GetAwaiter().GetResult();

    public static async Task<byte[]> SignAsync(byte[] pdf, SigningCertificate certificate, string? location, TimestampAuthority? timestamps, CancellationToken ct,
        string reason = Reason)
    {
        SummitFonts.Register();
        var temp = Path.Combine(Path.GetTempPath(), $"weprotect-sign-{Guid.NewGuid():N}.pdf");
        try
        {
            using (var input = new MemoryStream(pdf, writable: false))
            using (var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify))
            {
                DigitalSignatureHandler.ForDocument(document, new PadesSigner(certificate.Certificate, timestamps, ct), new DigitalSignatureOptions
                {
                    Reason = reason,
                    Location = location ?? "",
                    ContactInfo = "",
                    AppName = "WeProtect Summit",
                    PageIndex = 0,
                });
                await document.SaveAsync(temp);
            }
            var signed = await File.ReadAllBytesAsync(temp, ct);
            // The same replacement the signer made in the bytes it signed (see PadesSigner).
            if (!PadesSigner.ReplaceLast(signed, PadesSigner.PdfSharpSubFilter, PadesSigner.PadesSubFilter))
                throw new InvalidOperationException("The PDF could not be signed: its signature dictionary has no /SubFilter.");
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
