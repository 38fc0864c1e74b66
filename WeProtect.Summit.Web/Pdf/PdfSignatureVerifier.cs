using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.RegularExpressions;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>Checks the digital signature of a PDF in-process, without trusting anything the file says about itself
/// beyond where the signature is: finds the last signature dictionary's <c>/ByteRange [a b c d]</c>, requires the
/// gap between the two ranges to be exactly the hex string of <c>/Contents</c>, decodes that as CMS SignedData
/// (<see cref="SignedCms"/>, detached) and checks the signature over the concatenated ranges. Whether the signer's
/// certificate is trusted is a separate question (the caller compares thumbprints with the published one). Any
/// input — garbage, truncated, not a PDF — gives a result, never an exception.</summary>
public static partial class PdfSignatureVerifier
{
    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRangePattern();

    public static bool HasPdfHeader(ReadOnlySpan<byte> bytes) => bytes.Length >= 5 && bytes[..5].SequenceEqual("%PDF-"u8);

    public static PdfSignatureCheck Verify(byte[] pdf)
    {
        try
        {
            return VerifyCore(pdf);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new PdfSignatureCheck(HasPdfHeader(pdf), false, false, false, null, null, $"The file could not be read: {ex.Message}");
        }
    }

    private static PdfSignatureCheck VerifyCore(byte[] pdf)
    {
        if (!HasPdfHeader(pdf))
            return new PdfSignatureCheck(false, false, false, false, null, null, "This is not a PDF file (it does not start with %PDF-).");
        var text = Encoding.Latin1.GetString(pdf);
        var match = ByteRangePattern().Matches(text).Where(m => m.Groups[2].Value != "0").LastOrDefault();
        if (match is null)
            return new PdfSignatureCheck(true, false, false, false, null, null, "The PDF carries no digital signature (or it is truncated before it).");

        if (!long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var start1)
            || !long.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var length1)
            || !long.TryParse(match.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var start2)
            || !long.TryParse(match.Groups[4].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var length2))
            return new PdfSignatureCheck(true, true, false, false, null, null, "The signature's byte range cannot be read.");

        var end1 = start1 + length1;
        var end2 = start2 + length2;
        if (start1 != 0 || end1 >= start2 || end2 > pdf.Length || end1 < 1 || start2 - end1 < 2)
            return new PdfSignatureCheck(true, true, false, false, null, null,
                end2 > pdf.Length ? "The file is shorter than its signature says: it was truncated." : "The signature's byte range does not fit this file.");
        if (pdf[end1] != (byte)'<' || pdf[start2 - 1] != (byte)'>')
            return new PdfSignatureCheck(true, true, false, false, null, null, "The gap in the signature's byte range is not its /Contents.");
        var before = text[(int)Math.Max(0, end1 - 20)..(int)end1].TrimEnd();
        if (!before.EndsWith("/Contents", StringComparison.Ordinal))
            return new PdfSignatureCheck(true, true, false, false, null, null, "The gap in the signature's byte range is not its /Contents.");
        var coversWholeFile = end2 == pdf.Length;

        byte[] cms;
        try
        {
            cms = Convert.FromHexString(text[(int)(end1 + 1)..(int)(start2 - 1)]);
        }
        catch (FormatException)
        {
            return new PdfSignatureCheck(true, true, false, coversWholeFile, null, null, "The signature's /Contents is not a hex string.");
        }

        var signed = new byte[length1 + length2];
        Array.Copy(pdf, 0, signed, 0, length1);
        Array.Copy(pdf, start2, signed, length1, length2);

        var signedCms = new SignedCms(new ContentInfo(signed), detached: true);
        try
        {
            signedCms.Decode(TrimDer(cms));
        }
        catch (CryptographicException ex)
        {
            return new PdfSignatureCheck(true, true, false, coversWholeFile, null, null, $"The signature cannot be decoded: {ex.Message}");
        }
        var signer = signedCms.SignerInfos.Count > 0 ? signedCms.SignerInfos[0] : null;
        var certificate = signer?.Certificate;
        if (signer is null || certificate is null)
            return new PdfSignatureCheck(true, true, false, coversWholeFile, null, null, "The signature names no signer certificate.");
        try
        {
            signedCms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return new PdfSignatureCheck(true, true, false, coversWholeFile, certificate.Thumbprint, certificate.Subject,
                "The signature does not match the document: it was changed after signing.");
        }
        var subFilter = SubFilterPattern().Matches(text[..(int)end1]).LastOrDefault()?.Groups[1].Value;
        var timestamp = signer.UnsignedAttributes.Cast<CryptographicAttributeObject>()
            .FirstOrDefault(a => a.Oid.Value == PadesSigner.SignatureTimestampOid)?.Values.Cast<AsnEncodedData>().FirstOrDefault();
        if (timestamp is null)
            return new PdfSignatureCheck(true, true, true, coversWholeFile, certificate.Thumbprint, certificate.Subject,
                coversWholeFile ? null : "The signature is valid for part of the file only: bytes were added after signing.") { SubFilter = subFilter };
        if (!Rfc3161TimestampToken.TryDecode(timestamp.RawData, out var token, out _)
            || !token.VerifySignatureForSignerInfo(signer, out var authority) || authority is null)
            return new PdfSignatureCheck(true, true, false, coversWholeFile, certificate.Thumbprint, certificate.Subject,
                "The signature's timestamp does not verify: it was changed, or it is not over this signature.") { SubFilter = subFilter };
        using (authority)
            return new PdfSignatureCheck(true, true, true, coversWholeFile, certificate.Thumbprint, certificate.Subject,
                coversWholeFile ? null : "The signature is valid for part of the file only: bytes were added after signing.")
            {
                SubFilter = subFilter, TimestampUtc = token.TokenInfo.Timestamp, TimestampAuthority = authority.Subject,
            };
    }

    [GeneratedRegex(@"/SubFilter\s*/([A-Za-z0-9.]+)")]
    private static partial Regex SubFilterPattern();

    /// <summary>The DER value without the zero padding that fills the rest of the reserved /Contents.</summary>
    private static byte[] TrimDer(byte[] der)
    {
        if (der.Length < 2 || der[0] != 0x30) return der;
        int length, header;
        if (der[1] < 0x80) (length, header) = (der[1], 2);
        else
        {
            var count = der[1] & 0x7F;
            if (count is 0 or > 4 || der.Length < 2 + count) return der;
            length = 0;
            for (var i = 0; i < count; i++) length = (length << 8) | der[2 + i];
            header = 2 + count;
        }
        var total = (long)header + length;
        return total > 0 && total <= der.Length ? der[..(int)total] : der;
    }
}
