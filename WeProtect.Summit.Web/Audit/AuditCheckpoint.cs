using System.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeProtect.Summit.Web.Audit;

/// <summary>A signed statement "the audit trail had <see cref="Rows"/> rows and its last row's hash was
/// <see cref="HeadHash"/> at <see cref="WrittenUtc"/>". The signature is the app's signing certificate's (the one the
/// communiqués carry) over <see cref="SignedForm"/>: a JSON array [rows, headHash, writtenUtc, reason], UTF-8,
/// RSA PKCS#1 v1.5 or ECDSA with SHA-256. The certificate travels with it (base64 DER), so that an outside auditor
/// checks it with nothing but the file and the published certificate.</summary>
public sealed record AuditCheckpoint(
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("headHash")] string HeadHash,
    [property: JsonPropertyName("writtenUtc")] string WrittenUtc,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("certificate")] string Certificate,
    [property: JsonPropertyName("signature")] string Signature)
{
    public static string SignedForm(long rows, string headHash, string writtenUtc, string reason) =>
        JsonSerializer.Serialize(new object[] { rows, headHash, writtenUtc, reason });

    public static AuditCheckpoint Sign(long rows, string headHash, DateTime writtenUtc, string reason, X509Certificate2 certificate)
    {
        var written = writtenUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var data = Encoding.UTF8.GetBytes(SignedForm(rows, headHash, written, reason));
        byte[] signature;
        if (certificate.GetRSAPrivateKey() is { } rsa)
            using (rsa) signature = rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        else if (certificate.GetECDsaPrivateKey() is { } ecdsa)
            using (ecdsa) signature = ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        else throw new InvalidOperationException("The signing certificate has neither an RSA nor an ECDSA private key.");
        return new AuditCheckpoint(rows, headHash, written, reason, Convert.ToBase64String(certificate.RawData), Convert.ToBase64String(signature));
    }

    /// <summary>Whether the signature holds for the certificate carried; the caller decides whether that
    /// certificate is the expected one (<see cref="CertificateThumbprint"/>).</summary>
    public bool SignatureHolds()
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(Certificate));
            var data = Encoding.UTF8.GetBytes(SignedForm(Rows, HeadHash, WrittenUtc, Reason));
            var signature = Convert.FromBase64String(Signature);
            if (certificate.GetRSAPublicKey() is { } rsa)
                using (rsa) return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            if (certificate.GetECDsaPublicKey() is { } ecdsa)
                using (ecdsa) return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            return false;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return false;
        }
    }

    public string CertificateThumbprint()
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(Certificate));
            return certificate.Thumbprint;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return "";
        }
    }
}
