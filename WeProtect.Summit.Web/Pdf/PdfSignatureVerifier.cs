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
            return Check(HasPdfHeader(pdf), false, false, false, null, null, "The file could not be read: {0}", ex.Message);
        }
    }

    private static PdfSignatureCheck VerifyCore(byte[] pdf)
    {
        if (!HasPdfHeader(pdf))
            return Check(false, false, false, false, null, null, "This is not a PDF file (it does not start with %PDF-).");
        var text = Encoding.Latin1.GetString(pdf);
        var match = ByteRangePattern().Matches(text).Where(m => m.Groups[2].Value != "0").LastOrDefault();
        if (match is null)
            return Check(true, false, false, false, null, null, "The PDF carries no digital signature (or it is truncated before it).");

        if (!long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var start1)
            || !long.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var length1)
            || !long.TryParse(match.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var start2)
            || !long.TryParse(match.Groups[4].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var length2))
            return Check(true, true, false, false, null, null, "The signature's byte range cannot be read.");

        var end1 = start1 + length1;
        var end2 = start2 + length2;
        if (start1 != 0 || end1 >= start2 || end2 > pdf.Length || end1 < 1 || start2 - end1 < 2)
            return Check(true, true, false, false, null, null,
                end2 > pdf.Length ? "The file is shorter than its signature says: it was truncated." : "The signature's byte range does not fit this file.");
        if (pdf[end1] != (byte)'<' || pdf[start2 - 1] != (byte)'>')
            return Check(true, true, false, false, null, null, "The gap in the signature's byte range is not its /Contents.");
        var before = text[(int)Math.Max(0, end1 - 20)..(int)end1].TrimEnd();
        if (!before.EndsWith("/Contents", StringComparison.Ordinal))
            return Check(true, true, false, false, null, null, "The gap in the signature's byte range is not its /Contents.");
        var coversWholeFile = end2 == pdf.Length;

        byte[] cms;
        try
        {
            cms = Convert.FromHexString(text[(int)(end1 + 1)..(int)(start2 - 1)]);
        }
        catch (FormatException)
        {
            return Check(true, true, false, coversWholeFile, null, null, "The signature's /Contents is not a hex string.");
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
            return Check(true, true, false, coversWholeFile, null, null, "The signature cannot be decoded: {0}", ex.Message);
        }
        var signer = signedCms.SignerInfos.Count > 0 ? signedCms.SignerInfos[0] : null;
        var certificate = signer?.Certificate;
        if (signer is null || certificate is null)
            return Check(true, true, false, coversWholeFile, null, null, "The signature names no signer certificate.");
        try
        {
            signedCms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return Check(true, true, false, coversWholeFile, certificate.Thumbprint, certificate.Subject,
                "The signature does not match the document: it was changed after signing.");
        }
        var subFilter = SubFilterPattern().Matches(text[..(int)end1]).LastOrDefault()?.Groups[1].Value;
        var timestamp = signer.UnsignedAttributes.Cast<CryptographicAttributeObject>()
            .FirstOrDefault(a => a.Oid.Value == PadesSigner.SignatureTimestampOid)?.Values.Cast<AsnEncodedData>().FirstOrDefault();
        if (timestamp is null)
            return Check(true, true, true, coversWholeFile, certificate.Thumbprint, certificate.Subject,
                coversWholeFile ? null : "The signature is valid for part of the file only: bytes were added after signing.") with { SubFilter = subFilter };
        if (!Rfc3161TimestampToken.TryDecode(timestamp.RawData, out var token, out _)
            || !token.VerifySignatureForSignerInfo(signer, out var authority) || authority is null)
            return Check(true, true, false, coversWholeFile, certificate.Thumbprint, certificate.Subject,
                "The signature's timestamp does not verify: it was changed, or it is not over this signature.") with { SubFilter = subFilter };
        using (authority)
            return Check(true, true, true, coversWholeFile, certificate.Thumbprint, certificate.Subject,
                coversWholeFile ? null : "The signature is valid for part of the file only: bytes were added after signing.") with
            {
                SubFilter = subFilter, TimestampUtc = token.TokenInfo.Timestamp, TimestampAuthority = authority.Subject,
            };
    }

    /// <summary>A result whose problem is an English template filled with its values, the template kept for a page to
    /// translate (<see cref="PdfSignatureCheck.ProblemTemplate"/>).</summary>
    private static PdfSignatureCheck Check(bool looksLikePdf, bool present, bool valid, bool coversWholeFile, string? thumbprint, string? subject,
        string? problem, params string[] values) =>
        new(looksLikePdf, present, valid, coversWholeFile, thumbprint, subject,
            problem is null ? null : string.Format(CultureInfo.InvariantCulture, problem, values))
        {
            ProblemTemplate = problem, ProblemValues = values,
        };

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
